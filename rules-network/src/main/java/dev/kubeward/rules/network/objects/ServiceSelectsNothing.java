/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.model.Selection;
import dev.kubeward.model.SelectorField;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A Service whose selector matches the pod template labels of no workload of its namespace in the
 * scan, reported at the selector (INFO). Services without a selector (endpoints managed elsewhere)
 * and ExternalName Services select nothing on purpose and are left alone, and so are Services in
 * a namespace where the scan holds no workload at all, since the scan then says nothing about
 * the pods there.
 */
public final class ServiceSelectsNothing implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("service-selects-nothing")
      .title("Service selects no workload in the scan")
      .severity(Severity.INFO)
      .topic(Topic.NETWORK)
      .kinds(GroupKind.SERVICE, RuleMetadata.WORKLOADS)
      .rationale("A Service whose selector matches no pod has no endpoints: clients get connection errors,"
          + " and an Ingress or Gateway in front of it serves errors. Usually a label was renamed on one side"
          + " only; it can also leave the name free for a pod that takes the label later, which then"
          + " receives the traffic. The rule matches the selector against the pod template labels of the"
          + " workloads of the Service's namespace in the scan (custom workload kinds included); the scan"
          + " may hold only part of the cluster, hence INFO, and a namespace without any workload in the"
          + " scan is not judged.")
      .remediation("Make the Service's selector match the labels of the pod template it should send traffic"
          + " to, or delete the Service.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    for (Resource service : inventory.ofKind(GroupKind.SERVICE)) {
      if (SelectorField.SERVICE_SELECTOR.kindOf(service.root(), service.apiVersion()) != Selection.Kind.MATCHING) {
        continue;
      }
      String namespace = inventory.namespaceOf(service);
      if (!hasWorkloads(inventory, namespace)) {
        continue;
      }
      Selection selection = SelectorField.SERVICE_SELECTOR.select(service);
      if (!inventory.selectWorkloads(namespace, selection.selector()).isEmpty()) {
        continue;
      }
      context.finding(service, selection.node())
          .message(service.displayName() + " selects no workload in the scan (selector "
              + Texts.labels(selection.node()) + " matches no pod template in namespace " + namespace + ")")
          .key("selector")
          .report();
    }
  }

  private static boolean hasWorkloads(Inventory inventory, String namespace) {
    List<Resource> all = inventory.inNamespace(namespace);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).isWorkload()) {
        return true;
      }
    }
    return false;
  }
}
