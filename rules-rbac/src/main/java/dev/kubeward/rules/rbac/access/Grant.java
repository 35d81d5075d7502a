/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One rule a subject holds, and the path that grants it: (an identity mapping,) a binding naming
 * the subject or one of its groups, the role bound, and, for an aggregated ClusterRole, the role
 * the rule comes from. Immutable.
 *
 * @param binding the binding
 * @param entry the subject entry of the binding that matches
 * @param rule the rule
 * @param namespace where the rule applies: the RoleBinding's namespace, or {@code null} for every
 *     namespace and cluster-scoped resources (a ClusterRoleBinding)
 * @param mapping the identity mapping through which the subject is in the entry's group, or {@code null}
 */
public record Grant(AccessBinding binding, AccessBinding.Entry entry, PolicyRule rule, String namespace,
    IdentityMapping mapping) {

  /** The bound role. */
  public AccessRole role() {
    return binding.role();
  }

  /** True if the rule applies in every namespace (granted by a ClusterRoleBinding). */
  public boolean clusterWide() {
    return namespace == null;
  }

  /** The objects that grant the rule, outermost first. */
  public List<PathStep> path() {
    List<PathStep> steps = new ArrayList<>(4);
    if (mapping != null) {
      steps.add(mapping.step());
    }
    steps.add(binding.step(entry.at()));
    AccessRole role = binding.role();
    AccessRole origin = rule.definedIn();
    if (origin == role) {
      steps.add(new PathStep(role.kind(), role.namespace(), role.name(), rule.source(), rule.node()));
    } else {
      steps.add(new PathStep(role.kind(), role.namespace(), role.name(), first(role), aggregationNode(role)));
      steps.add(new PathStep(origin.kind(), origin.namespace(), origin.name(), rule.source(), rule.node()));
    }
    return Collections.unmodifiableList(steps);
  }

  /**
   * The path in words: {@code ClusterRoleBinding b -> ClusterRole r (aggregated from s)}, with
   * the subject named when it is a group or user rather than the one asked about.
   */
  public String describePath() {
    StringBuilder sb = new StringBuilder();
    if (mapping != null) {
      sb.append(mapping.source().kind()).append(' ').append(mapping.source().namespace() == null
          ? mapping.source().name() : mapping.source().namespace() + "/" + mapping.source().name())
          .append(" (").append(mapping.principal()).append(") -> ");
    }
    sb.append(binding.displayName());
    Subject s = entry.subject();
    if (!s.kind().equals(Subject.SERVICE_ACCOUNT)) {
      sb.append(" (").append(s.kind()).append(' ').append(s.name()).append(')');
    }
    AccessRole role = binding.role();
    sb.append(" -> ").append(role.displayName());
    if (role.builtIn() && role.sources().isEmpty()) {
      sb.append(" (built-in)");
    }
    if (rule.definedIn() != role) {
      sb.append(" (aggregated from ").append(rule.definedIn().name()).append(')');
    }
    return sb.toString();
  }

  private static Resource first(AccessRole role) {
    return role.sources().isEmpty() ? null : role.sources().get(0);
  }

  private static Node aggregationNode(AccessRole role) {
    return role.sources().isEmpty() ? Node.MISSING
        : role.sources().get(0).root().get("aggregationRule");
  }
}
