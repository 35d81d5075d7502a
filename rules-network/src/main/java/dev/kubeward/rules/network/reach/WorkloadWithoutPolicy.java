/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.HashSet;
import java.util.Set;

/**
 * A workload whose pods no policy selects for one direction: the two rules for ingress and egress
 * share this check. In a namespace with no NetworkPolicy at all the finding is INFO, since the
 * namespace rule already says it; where the namespace has policies that leave the workload out, it
 * keeps the rule's severity.
 */
abstract class WorkloadWithoutPolicy implements InventoryRule {

  private final Direction direction;

  WorkloadWithoutPolicy(Direction direction) {
    this.direction = direction;
  }

  @Override
  public final void check(Inventory inventory, Context context) {
    NetworkModel model = NetworkModel.of(inventory);
    Set<String> withPolicies = new HashSet<>();
    for (var policy : model.networkPolicies()) {
      withPolicies.add(inventory.namespaceOf(policy));
    }
    String dir = direction == Direction.INGRESS ? "ingress" : "egress";
    for (Workload w : model.workloads()) {
      if (!model.unselected(w, direction)) {
        continue;
      }
      String message;
      if (w.hostNetwork()) {
        message = Kinds.name(w) + " uses the host network, which NetworkPolicies do not isolate: its " + dir
            + " is open whatever the policies say (spec.hostNetwork: true)";
      } else if (direction == Direction.INGRESS) {
        message = Kinds.name(w) + " is selected by no NetworkPolicy for ingress in the scan: any pod in the cluster"
            + " can connect to it on any port";
      } else {
        message = Kinds.name(w) + " is selected by no NetworkPolicy for egress in the scan: it can connect to any"
            + " address on any port";
      }
      var finding = context.finding(w.resource(), w.hostNetwork() ? hostNetworkNode(w) : Node.MISSING)
          .message(message).key(w.kind() + ":" + w.name());
      if (!w.hostNetwork() && !withPolicies.contains(w.namespace())) {
        finding.severity(Severity.INFO);
      }
      finding.report();
    }
  }

  private static Node hostNetworkNode(Workload w) {
    for (var pod : w.pods()) {
      if (pod.owner() == w.resource() && pod.spec().get("hostNetwork").isTrue()) {
        return pod.spec().get("hostNetwork");
      }
    }
    return Node.MISSING;
  }

  static RuleMetadata.Builder metadata(String id) {
    return RuleMetadata.builder(id).kinds(Kinds.MODEL);
  }
}
