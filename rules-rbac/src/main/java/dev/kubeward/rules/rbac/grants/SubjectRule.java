/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
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
      if (binding.root().get("subjects").size() == 0 || Bindings.roleName(binding) == null
          || !concerns(inventory, binding)) {
        continue;
      }
      Node subjects = binding.root().get("subjects");
      for (int j = 0; j < subjects.size(); j++) {
        Node s = subjects.get(j);
        if (concerns(s.get("kind").text(""), s.get("name").text(""))) {
          Bindings.Subject subject = Bindings.subject(inventory, binding, s);
          if (subject != null) {
            check(inventory, binding, subject, context);
          }
        }
      }
    }
  }

  /** True if the binding (its role) may concern the rule; by default every binding does. */
  boolean concerns(Inventory inventory, Resource binding) {
    return true;
  }

  /**
   * True if a subject of this kind and name may concern the rule: only those are judged, so that
   * the other subjects cost nothing.
   */
  abstract boolean concerns(String kind, String name);

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
