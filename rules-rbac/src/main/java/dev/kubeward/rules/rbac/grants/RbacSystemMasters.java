/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A binding with the group {@code system:masters} among its subjects, other than the built-in
 * ClusterRoleBinding {@code cluster-admin}.
 */
public final class RbacSystemMasters extends SubjectRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("rbac-system-masters")
      .title("Binding to the system:masters group")
      .severity(Severity.MEDIUM)
      .topic(Topic.RBAC)
      .controls("cis-k8s:5.1.7")
      .kinds(GroupKind.ROLE_BINDING, GroupKind.CLUSTER_ROLE_BINDING)
      .rationale("Members of system:masters are allowed everything before RBAC and webhooks are asked, and no"
          + " binding can take that away: membership comes from a client certificate's organization and lasts"
          + " until the certificate expires. A binding to the group adds nothing to what its members hold; it"
          + " shows that access is planned around system:masters, which should hold only the break-glass"
          + " credential. Kubernetes' own ClusterRoleBinding cluster-admin (ClusterRole cluster-admin to the"
          + " group) is not reported. CIS Kubernetes Benchmark 1.12, 5.1.7: avoid use of the system:masters"
          + " group.")
      .remediation("Remove system:masters from the binding's subjects; give administrators a group of their own,"
          + " bound to the role they need, and keep system:masters for the break-glass credential.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  boolean concerns(String kind, String name) {
    return name.equals("system:masters");
  }

  @Override
  void check(Inventory inventory, Resource binding, Bindings.Subject subject, Context context) {
    if (!subject.isGroup("system:masters")) {
      return;
    }
    if (binding.is(GroupKind.CLUSTER_ROLE_BINDING) && "cluster-admin".equals(binding.name())
        && "cluster-admin".equals(Bindings.roleName(binding))) {
      return;
    }
    report(context, binding, subject, binding.displayName() + " binds " + Bindings.describeRole(inventory, binding)
        + " to Group system:masters, whose members RBAC cannot restrict", null);
  }
}
