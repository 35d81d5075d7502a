/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access.rules;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.ServiceAccounts;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.rbac.access.AccessBinding;
import dev.kubeward.rules.rbac.access.AccessModel;
import dev.kubeward.rules.rbac.access.Subject;

/**
 * A binding to a service account that is not in the scan. Users and groups never exist as objects
 * and are never reported; the {@code default} account exists in every namespace.
 */
public final class BindingServiceAccountMissing implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("binding-service-account-missing")
      .title("Binding grants to a service account that is not in the scan")
      .severity(Severity.INFO)
      .topic(Topic.RBAC)
      .controls("cis-k8s:5.1.8")
      .kinds(GroupKind.ROLE_BINDING, GroupKind.CLUSTER_ROLE_BINDING, GroupKind.SERVICE_ACCOUNT)
      .rationale("A binding to a service account that does not exist grants nothing today, and everything the"
          + " role holds to whoever later creates an account of that name in that namespace (anyone who may"
          + " create service accounts there). A mistyped name or namespace also means the intended workload"
          + " lacks its permissions. The rule reports a ServiceAccount subject (its namespace defaulting to the"
          + " RoleBinding's) that names no ServiceAccount of the scan; users and groups never exist as objects"
          + " and the default account exists in every namespace, so neither is reported. The scan may hold only"
          + " part of a cluster, so this is information, not a verdict.")
      .remediation("Apply the ServiceAccount with the binding, correct the subject's name or namespace, or remove"
          + " the subject.")
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
    for (AccessBinding b : AccessModel.of(inventory).bindings()) {
      if (b.source() == null) {
        continue;
      }
      for (AccessBinding.Entry e : b.subjects()) {
        Subject s = e.subject();
        if (!s.kind().equals(Subject.SERVICE_ACCOUNT) || s.name().equals(ServiceAccounts.DEFAULT)
            || inventory.contains(GroupKind.SERVICE_ACCOUNT, s.namespace(), s.name())) {
          continue;
        }
        Node name = e.at().get("name");
        context.report(b.source(), name.isMissing() ? e.at() : name, b.source().displayName()
            + " grants to ServiceAccount " + s.namespace() + "/" + s.name() + ", which is not in the scan");
      }
    }
  }
}
