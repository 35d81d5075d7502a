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
import java.util.HashSet;
import java.util.Set;

/**
 * A workload whose pods no policy selects for one direction: the two rules for ingress and egress
 * share this check. In a namespace with no NetworkPolicy at all, the namespace rule of the same
 * direction already reports the namespace with its count of open workloads: when that rule runs,
 * this one stays silent there rather than repeat it for every workload.
 */
abstract class WorkloadWithoutPolicy implements InventoryRule {

  private final Direction direction;

  private final String namespaceRule;

  WorkloadWithoutPolicy(Direction direction, String namespaceRule) {
    this.direction = direction;
    this.namespaceRule = namespaceRule;
  }

  @Override
  public final void check(Inventory inventory, Context context) {
    NetworkModel model = NetworkModel.of(inventory);
    Set<String> withPolicies = new HashSet<>();
    for (var policy : model.networkPolicies()) {
      withPolicies.add(inventory.namespaceOf(policy));
    }
    String dir = direction == Direction.INGRESS ? "ingress" : "egress";
    boolean namespaceRuleRuns = context.runs(namespaceRule);
    for (Workload w : model.workloads()) {
      if (!model.unselected(w, direction)) {
        continue;
      }
      if (!w.hostNetwork() && namespaceRuleRuns && !withPolicies.contains(w.namespace())) {
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
      context.finding(w.resource(), w.hostNetwork() ? hostNetworkNode(w) : Node.MISSING)
          .message(message).key(w.kind() + ":" + w.name()).report();
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
