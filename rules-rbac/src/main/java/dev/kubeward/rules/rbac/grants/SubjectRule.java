/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import java.util.List;

/**
 * The shape of the rules that judge each subject of each RoleBinding and ClusterRoleBinding:
 * they see the subject, its binding and the scan, and report at the subject's name.
 */
abstract class SubjectRule implements InventoryRule {

  @Override
  public final void check(Inventory inventory, Context context) {
    check(inventory, inventory.ofKind(GroupKind.ROLE_BINDING), context);
    check(inventory, inventory.ofKind(GroupKind.CLUSTER_ROLE_BINDING), context);
  }

  private void check(Inventory inventory, List<Resource> bindings, Context context) {
    for (int i = 0; i < bindings.size(); i++) {
      Resource binding = bindings.get(i);
      if (binding.root().get("subjects").size() == 0 || Bindings.roleName(binding) == null) {
        continue;
      }
      for (Bindings.Subject subject : Bindings.subjects(inventory, binding)) {
        check(inventory, binding, subject, context);
      }
    }
  }

  /** Judges one subject of {@code binding}. */
  abstract void check(Inventory inventory, Resource binding, Bindings.Subject subject, Context context);

  /** {@code cluster-wide} or {@code in namespace shop}: where the binding grants. */
  static String scope(Inventory inventory, Resource binding) {
    return binding.is(GroupKind.ROLE_BINDING) ? "in namespace " + inventory.namespaceOf(binding) : "cluster-wide";
  }

  /** Reports {@code message} at the subject, keyed by it. */
  static void report(Context context, Resource binding, Bindings.Subject subject, String message,
      dev.kubeward.rule.Severity severity) {
    var finding = context.finding(binding, subject.node()).message(message).key(subject.describe());
    if (severity != null) {
      finding.severity(severity);
    }
    finding.report();
  }
}
