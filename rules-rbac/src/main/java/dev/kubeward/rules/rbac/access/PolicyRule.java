/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.Arrays;
import java.util.List;

/**
 * One entry of a role's {@code rules}, matched exactly as the Kubernetes RBAC authorizer matches it
 * ({@code pkg/apis/rbac/v1/evaluation_helpers.go}): {@code *} in verbs, API groups and resources
 * matches everything; a resource {@code *}&#47;{@code sub} matches subresource {@code sub} of any
 * resource; {@code pods} does not match {@code pods/exec}; a rule with resource names matches only
 * requests for those names; a non-resource URL ending in {@code *} matches by prefix. Immutable.
 */
public final class PolicyRule {

  private final String[] verbs;
  private final String[] apiGroups;
  private final String[] resources;
  private final String[] resourceNames;
  private final String[] nonResourceURLs;
  // Whether verbs, apiGroups and resources hold "*": each request matched against the rule then
  // compares its verb, group and resource with the entries once, not once more for the wildcard.
  private final boolean anyVerb;
  private final boolean anyApiGroup;
  private final boolean anyResource;
  private final AccessRole definedIn;
  private final Resource source;
  private final Node node;

  PolicyRule(Node rule, AccessRole definedIn, Resource source) {
    this.verbs = strings(rule.get("verbs"));
    this.apiGroups = strings(rule.get("apiGroups"));
    this.resources = strings(rule.get("resources"));
    this.resourceNames = strings(rule.get("resourceNames"));
    this.nonResourceURLs = strings(rule.get("nonResourceURLs"));
    this.anyVerb = exact(verbs, "*");
    this.anyApiGroup = exact(apiGroups, "*");
    this.anyResource = exact(resources, "*");
    this.definedIn = definedIn;
    this.source = source;
    this.node = rule;
  }

  private static final String[] NONE = new String[0];

  static String[] strings(Node list) {
    int n = list.isList() ? list.size() : 0;
    if (n == 0) {
      return NONE;
    }
    String[] out = new String[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      String text = list.get(i).text();
      if (text != null) {
        out[k++] = text;
      }
    }
    return k == n ? out : Arrays.copyOf(out, k);
  }

  /**
   * True if the rule allows {@code verb} on {@code resource} (and {@code subresource}, or
   * {@code null}) in {@code apiGroup}, for the object named {@code name} ({@code null} or empty for
   * a request that names none, such as list or create).
   */
  public boolean allows(String verb, String apiGroup, String resource, String subresource, String name) {
    if (resources.length == 0 || !(anyVerb || exact(verbs, verb)) || !(anyApiGroup || exact(apiGroups, apiGroup))) {
      return false;
    }
    if (!resourceMatches(resource, subresource)) {
      return false;
    }
    if (resourceNames.length == 0) {
      return true;
    }
    return name != null && !name.isEmpty() && exact(resourceNames, name);
  }

  /** True if the rule allows some verb on {@code resource}/{@code subresource} in {@code apiGroup} for every name. */
  public boolean allowsAnyVerb(String apiGroup, String resource, String subresource) {
    return resources.length > 0 && verbs.length > 0 && resourceNames.length == 0
        && (anyApiGroup || exact(apiGroups, apiGroup)) && resourceMatches(resource, subresource);
  }

  /** True if the rule allows {@code verb} on the non-resource URL {@code path}. */
  public boolean allowsUrl(String verb, String path) {
    if (nonResourceURLs.length == 0 || !(anyVerb || exact(verbs, verb))) {
      return false;
    }
    for (String url : nonResourceURLs) {
      if (url.equals("*") || url.equals(path)) {
        return true;
      }
      int end = url.length();
      while (end > 0 && url.charAt(end - 1) == '*') {
        end--;
      }
      if (end < url.length() && path.startsWith(url.substring(0, end))) {
        return true;
      }
    }
    return false;
  }

  private boolean resourceMatches(String resource, String subresource) {
    if (anyResource) {
      return true;
    }
    if (subresource == null || subresource.isEmpty()) {
      return exact(resources, resource);
    }
    for (String r : resources) {
      if (r.length() == resource.length() + 1 + subresource.length() && r.startsWith(resource)
          && r.charAt(resource.length()) == '/' && r.endsWith(subresource)) {
        return true;
      }
      if (r.length() == subresource.length() + 2 && r.startsWith("*/") && r.endsWith(subresource)) {
        return true;
      }
    }
    return false;
  }

  private static boolean exact(String[] values, String wanted) {
    for (String v : values) {
      if (v.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  public List<String> verbs() {
    return List.of(verbs);
  }

  public List<String> apiGroups() {
    return List.of(apiGroups);
  }

  public List<String> resources() {
    return List.of(resources);
  }

  public List<String> resourceNames() {
    return List.of(resourceNames);
  }

  public List<String> nonResourceURLs() {
    return List.of(nonResourceURLs);
  }

  /** The role whose own {@code rules} hold this entry (for an aggregated role, the role it came from). */
  public AccessRole definedIn() {
    return definedIn;
  }

  /** The scanned object holding the entry, or {@code null} for a built-in role. */
  public Resource source() {
    return source;
  }

  /** The entry in {@link #source()}'s tree. */
  public Node node() {
    return node;
  }

  /** The rule in the form {@code kubectl describe} prints: verbs and what they apply to. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.join(",", verbs)).append(" on ");
    if (nonResourceURLs.length > 0 && resources.length == 0) {
      return sb.append(String.join(",", nonResourceURLs)).toString();
    }
    sb.append(String.join(",", resources));
    if (!(apiGroups.length == 1 && apiGroups[0].isEmpty())) {
      sb.append(" (apiGroups ").append(String.join(",", apiGroups)).append(')');
    }
    if (resourceNames.length > 0) {
      sb.append(" named ").append(String.join(",", resourceNames));
    }
    return sb.toString();
  }
}
