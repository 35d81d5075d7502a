/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access;

import dev.kubeward.model.Resource;
import java.util.List;
import java.util.Objects;

/** The question "who can VERB RESOURCE" and its answers. */
public final class WhoCan {

  private WhoCan() {}

  /**
   * Who can {@code verb} {@code resource}/{@code subresource} in {@code apiGroup}, in
   * {@code namespace} (RoleBindings of that namespace and ClusterRoleBindings) or, when it is
   * {@code null}, everywhere (ClusterRoleBindings only), on the object named {@code resourceName}
   * (or {@code null} for a request that names none).
   */
  public record Query(String verb, String resource, String subresource, String apiGroup, String namespace,
      String resourceName) {

    public Query {
      Objects.requireNonNull(verb, "verb");
      Objects.requireNonNull(resource, "resource");
      if (verb.isEmpty()) {
        throw new IllegalArgumentException("the verb must not be empty");
      }
      if (resource.isEmpty()) {
        throw new IllegalArgumentException("the resource must not be empty");
      }
      apiGroup = apiGroup == null ? "" : apiGroup;
      subresource = subresource == null || subresource.isEmpty() ? null : subresource;
      namespace = namespace == null || namespace.isEmpty() ? null : namespace;
      resourceName = resourceName == null || resourceName.isEmpty() ? null : resourceName;
    }

    /** A query for {@code verb} on {@code resource} (optionally {@code resource/subresource}) in the core group, everywhere. */
    public static Query of(String verb, String resourceAndSubresource) {
      int slash = resourceAndSubresource.indexOf('/');
      return slash < 0 ? new Query(verb, resourceAndSubresource, null, "", null, null)
          : new Query(verb, resourceAndSubresource.substring(0, slash), resourceAndSubresource.substring(slash + 1), "",
              null, null);
    }

    public Query inNamespace(String ns) {
      return new Query(verb, resource, subresource, apiGroup, ns, resourceName);
    }

    public Query inGroup(String group) {
      return new Query(verb, resource, subresource, group, namespace, resourceName);
    }

    public Query named(String name) {
      return new Query(verb, resource, subresource, apiGroup, namespace, name);
    }

    boolean allowedBy(PolicyRule rule) {
      return rule.allows(verb, apiGroup, resource, subresource, resourceName);
    }
  }

  /**
   * One subject that may do what was asked.
   *
   * @param subject who
   * @param paths every path that grants it, each outermost first
   * @param workloads the workloads that run as the subject (a service account, or the service
   *     accounts a {@code system:serviceaccounts} group covers), in scan order
   */
  public record Answer(Subject subject, List<List<PathStep>> paths, List<Resource> workloads) {
    public Answer {
      paths = List.copyOf(paths);
      workloads = List.copyOf(workloads);
    }
  }
}
