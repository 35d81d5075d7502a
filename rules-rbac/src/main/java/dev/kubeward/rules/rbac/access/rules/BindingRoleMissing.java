/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access.rules;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.rbac.access.AccessBinding;
import dev.kubeward.rules.rbac.access.AccessModel;

/**
 * A binding whose role is neither in the scan nor built into the API server: a dangling binding,
 * harmless until someone creates a role of that name, which then grants to the binding's subjects
 * whatever it holds.
 */
public final class BindingRoleMissing implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("binding-role-missing")
      .title("Binding refers to a role that is not in the scan")
      .severity(Severity.INFO)
      .topic(Topic.RBAC)
      .controls("cis-k8s:5.1.8")
      .kinds(GroupKind.ROLE_BINDING, GroupKind.CLUSTER_ROLE_BINDING, GroupKind.ROLE, GroupKind.CLUSTER_ROLE)
      .rationale("A RoleBinding or ClusterRoleBinding may refer to a role that does not exist; the API server"
          + " accepts it, and the day someone creates a role of that name (a chart, an operator, a user who may"
          + " create roles but not bind them) its permissions go to the binding's subjects at once. The rule"
          + " reports a roleRef that names no Role of the binding's namespace, or no ClusterRole of the scan nor"
          + " of the API server's built-in policy (system:controller:* roles count as built in). The scan may"
          + " hold only part of a cluster, so this is information, not a verdict.")
      .remediation("Apply the role with the binding, or delete the binding.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    if (inventory.ofKind(GroupKind.ROLE_BINDING).isEmpty() && inventory.ofKind(GroupKind.CLUSTER_ROLE_BINDING).isEmpty()) {
      return;
    }
    AccessModel model = AccessModel.of(inventory);
    for (AccessBinding b : model.bindings()) {
      if (b.source() == null || b.role() != null || b.roleName().isEmpty()) {
        continue;
      }
      String what;
      if (b.roleKind().equals("ClusterRole")) {
        if (model.clusterRoleExists(b.roleName())) {
          continue;
        }
        what = "ClusterRole \"" + b.roleName() + "\", which is neither in the scan nor built in";
      } else if (b.roleKind().equals("Role") && b.namespace() != null) {
        what = "Role \"" + b.roleName() + "\", which is not in namespace " + b.namespace() + " in the scan";
      } else {
        continue;
      }
      Node name = b.roleRef().get("name");
      context.report(b.source(), name.isMissing() ? b.roleRef() : name, b.source().displayName() + " refers to "
          + what + " (a dangling binding: a role created under that name goes to its subjects)");
    }
  }
}
