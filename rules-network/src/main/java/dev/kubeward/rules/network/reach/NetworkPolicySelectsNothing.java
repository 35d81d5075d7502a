/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** A NetworkPolicy whose pod selector matches no workload of its namespace in the scan. */
public final class NetworkPolicySelectsNothing implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("network-policy-selects-nothing")
      .title("NetworkPolicy selects no workload in the scan")
      .severity(Severity.INFO)
      .topic(Topic.NETWORK)
      .kinds(Kinds.MODEL)
      .rationale("A NetworkPolicy applies to the pods of its own namespace that its podSelector matches. One that"
          + " matches none protects nothing: a typo in a label, a policy in the wrong namespace (it never reaches"
          + " pods of another), or a workload renamed since. The scan may not hold every workload of the"
          + " namespace, so the finding is informational. A policy with an empty podSelector selects every pod of"
          + " its namespace, present or future, and is never reported.")
      .remediation("Fix the policy's podSelector or namespace so that it selects the pods it is meant to protect, or"
          + " delete it.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    NetworkModel model = NetworkModel.of(inventory);
    for (Resource policy : model.networkPolicies()) {
      Node selector = policy.root().get("spec").get("podSelector");
      boolean empty = !selector.isMap()
          || selector.get("matchLabels").size() == 0 && selector.get("matchExpressions").size() == 0;
      if (empty || model.selectsAnything(policy)) {
        continue;
      }
      context.report(policy, selector, "NetworkPolicy " + inventory.namespaceOf(policy) + "/" + policy.name()
          + " selects no workload of namespace \"" + inventory.namespaceOf(policy) + "\" in the scan (the scan may"
          + " not hold every workload)");
    }
  }
}
