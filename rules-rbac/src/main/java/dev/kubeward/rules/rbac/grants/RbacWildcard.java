/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A Role or ClusterRole rule entry with {@code *} in its verbs, resources ({@code *} or
 * {@code *}{@code /sub}), API groups or non-resource URLs.
 */
public final class RbacWildcard implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("rbac-wildcard")
      .title("Wildcard in a role")
      .severity(Severity.MEDIUM)
      .topic(Topic.RBAC)
      .controls("cis-k8s:5.1.3")
      .kinds(GroupKind.ROLE, GroupKind.CLUSTER_ROLE)
      .rationale("\"*\" in verbs grants every verb, escalate, bind, impersonate and verbs yet to come included;"
          + " in resources it grants every resource and subresource (\"*/exec\" the exec subresource of every"
          + " resource), in apiGroups every API group, custom resources installed later included; \"*\" in"
          + " nonResourceURLs grants every URL outside the resource API. A wildcard grants more than its author"
          + " listed, and more with every CRD and release. An entry of \"*\" verbs on \"*\" resources in \"*\""
          + " groups grants everything, as cluster-admin does, and is reported at HIGH severity (the other"
          + " rbac rules leave such an entry to this one). An aggregated ClusterRole's own rules are ignored,"
          + " as the aggregation controller overwrites them. CIS Kubernetes Benchmark 1.12, 5.1.3: minimize"
          + " wildcard use in Roles and ClusterRoles.")
      .remediation("List the verbs, resources and API groups the subject needs instead of \"*\".")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource role, Context context) {
    Node rules = role.root().get("rules");
    if (PolicyRules.isAggregated(role)) {
      return;
    }
    for (int i = 0; i < rules.size(); i++) {
      Node entry = rules.get(i);
      Node first = first(first(first(firstWildcard(entry.get("apiGroups"), false),
          firstWildcard(entry.get("resources"), true)), firstWildcard(entry.get("verbs"), false)),
          firstWildcard(entry.get("nonResourceURLs"), false));
      if (first == null) {
        continue;
      }
      PolicyRules.Entry e = new PolicyRules.Entry(role, i, entry);
      String what = role.is(GroupKind.ROLE) ? "every namespaced resource" : "every resource";
      if (e.isFullWildcard()) {
        context.finding(role, first)
            .message(role.displayName() + " grants every verb on " + what + " of every API group (" + e.label()
                + ": verbs \"*\" on resources \"*\" in API groups \"*\"), as cluster-admin does")
            .severity(Severity.HIGH)
            .report();
        continue;
      }
      context.report(role, first, role.displayName() + " uses a wildcard in " + e.label() + " (" + describe(entry)
          + ")");
    }
  }

  /** {@code verbs ["*"] on resources ["pods"] in API groups [""]} or {@code verbs ["get"] on nonResourceURLs ["*"]}. */
  private static String describe(Node entry) {
    StringBuilder sb = new StringBuilder("verbs ");
    list(sb, entry.get("verbs"));
    if (entry.get("nonResourceURLs").size() > 0) {
      sb.append(" on nonResourceURLs ");
      list(sb, entry.get("nonResourceURLs"));
      return sb.toString();
    }
    sb.append(" on resources ");
    list(sb, entry.get("resources"));
    sb.append(" in API groups ");
    list(sb, entry.get("apiGroups"));
    return sb.toString();
  }

  private static void list(StringBuilder sb, Node list) {
    sb.append('[');
    for (int i = 0; i < list.size(); i++) {
      sb.append(i == 0 ? "\"" : ", \"").append(list.get(i).text("")).append('"');
    }
    sb.append(']');
  }

  private static Node firstWildcard(Node list, boolean subresources) {
    for (int i = 0; i < list.size(); i++) {
      String text = list.get(i).text();
      if (text != null && (text.equals("*") || (subresources && text.startsWith("*/")))) {
        return list.get(i);
      }
    }
    return null;
  }

  /** The earlier of two nodes in the source, either may be {@code null}. */
  private static Node first(Node a, Node b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.line() < b.line() || (a.line() == b.line() && a.column() <= b.column()) ? a : b;
  }
}
