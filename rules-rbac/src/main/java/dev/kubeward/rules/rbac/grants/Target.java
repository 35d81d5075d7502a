/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import java.util.List;

/**
 * A permission a policy rule may grant: verbs on a resource (or subresource) of an API group,
 * matched as the RBAC authorizer matches them.
 *
 * @param group the API group ({@code ""} for the core group)
 * @param resource the resource, with its subresource after a slash ({@code pods/exec}); a
 *     subresource {@code *} stands for every subresource ({@code userextras/*})
 * @param verbs the verbs; empty for every verb
 * @param clusterScoped true if only a ClusterRole bound by a ClusterRoleBinding grants it (a Role,
 *     or a ClusterRole bound by a RoleBinding, grants only namespaced permissions)
 * @param beforeMinor granted only on Kubernetes {@code v1.N} with N below this; 0 for every version
 */
record Target(String group, String resource, List<String> verbs, boolean clusterScoped, int beforeMinor) {

  static Target namespaced(String group, String resource, String... verbs) {
    return new Target(group, resource, List.of(verbs), false, 0);
  }

  static Target cluster(String group, String resource, String... verbs) {
    return new Target(group, resource, List.of(verbs), true, 0);
  }

  /** This target, granted only on Kubernetes versions before {@code v1.minor}. */
  Target before(int minor) {
    return new Target(group, resource, verbs, clusterScoped, minor);
  }

  /** True if {@code verb}, as written in a rule, grants one of this target's verbs. */
  boolean verbMatches(String verb) {
    if ("*".equals(verb)) {
      return true;
    }
    return verbs.isEmpty() ? !verb.isEmpty() : verbs.contains(verb);
  }

  /**
   * True if {@code resource}, as written in a rule, covers this target: {@code *}, the exact
   * resource (RBAC is case-sensitive), or {@code *}{@code /sub} for a subresource {@code sub}.
   */
  boolean resourceMatches(String resource) {
    if ("*".equals(resource) || this.resource.equals(resource)) {
      return true;
    }
    int slash = this.resource.indexOf('/');
    if (slash < 0) {
      return false;
    }
    int sub = this.resource.length() - slash - 1;
    if (sub == 1 && this.resource.charAt(slash + 1) == '*') {
      // Every subresource of the resource (userextras/<key>), also through "*/<key>".
      return resource.startsWith("*/") || (resource.length() > slash + 1 && resource.regionMatches(0, this.resource, 0, slash + 1));
    }
    return resource.length() == sub + 2 && resource.startsWith("*/")
        && resource.regionMatches(2, this.resource, slash + 1, sub);
  }
}
