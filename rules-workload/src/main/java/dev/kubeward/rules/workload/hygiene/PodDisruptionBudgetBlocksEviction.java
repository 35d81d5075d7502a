/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.LabelSelector;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A PodDisruptionBudget that allows no voluntary disruption: {@code maxUnavailable} 0 or 0%,
 * {@code minAvailable} 100%, or a {@code minAvailable} count at or above the replicas its
 * Deployments and StatefulSets keep at the least (the HorizontalPodAutoscaler's {@code minReplicas}
 * when one scales them).
 */
public final class PodDisruptionBudgetBlocksEviction implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("pod-disruption-budget-blocks-eviction")
      .title("PodDisruptionBudget that allows no disruption")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(GroupKind.POD_DISRUPTION_BUDGET, GroupKind.DEPLOYMENT, GroupKind.STATEFUL_SET,
          GroupKind.EXTENSIONS_DEPLOYMENT, GroupKind.HORIZONTAL_POD_AUTOSCALER, RuleMetadata.WORKLOADS)
      .optIn()
      .rationale("A budget that allows no eviction blocks every node drain: cluster upgrades, node"
          + " replacements and autoscaler scale-downs hang until someone deletes the budget or the pods by"
          + " hand, which is how security patches of nodes get postponed. It allows none when maxUnavailable"
          + " is 0 or 0%, when minAvailable is 100%, or when minAvailable is at least the number of pods its"
          + " selector matches: the summed replicas of the Deployments and StatefulSets in the scan whose pod"
          + " template it selects, each counted as for low-replica-count (the minReplicas of a"
          + " HorizontalPodAutoscaler that scales it, since the workload may be scaled down to it). A budget"
          + " that also selects pods of other kinds, or none in the scan, is judged on its own fields only."
          + " Peers: Polaris pdbDisruptionsIsZero and pdbMinAvailableGreaterThanHPAMinReplicas, kube-linter"
          + " pdb-max-unavailable and pdb-min-available.")
      .remediation("Allow at least one disruption: maxUnavailable: 1, or a minAvailable below the least"
          + " replica count.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    List<Resource> budgets = inventory.ofKind(GroupKind.POD_DISRUPTION_BUDGET);
    for (int i = 0; i < budgets.size(); i++) {
      check(inventory, budgets.get(i), context);
    }
  }

  private void check(Inventory inventory, Resource pdb, Context context) {
    Node spec = pdb.root().get("spec");
    Node max = spec.get("maxUnavailable");
    if (!max.isNull()) {
      if (max.textEquals("0") || max.textEquals("0%")) {
        context.report(pdb, max, pdb.displayName() + " sets maxUnavailable: " + max.text()
            + ", so no pod it selects may ever be evicted");
      }
      return;
    }
    Node min = spec.get("minAvailable");
    if (min.isNull() || !min.isScalar()) {
      return;
    }
    if (min.textEquals("100%")) {
      context.report(pdb, min, pdb.displayName() + " sets minAvailable: 100%, so no pod it selects may ever be"
          + " evicted");
      return;
    }
    long wanted = min.text().matches("[0-9]+") ? Long.parseLong(min.text()) : -1;
    Node selector = spec.get("selector");
    if (wanted <= 0 || selector.isNull()
        || (selector.size() == 0 && "policy/v1beta1".equals(pdb.apiVersion()))) {
      return;
    }
    // Walks the namespace and matches labels in the tree, allocating nothing per workload that passes.
    LabelSelector pods = LabelSelector.of(selector);
    List<Resource> candidates = inventory.inNamespace(inventory.namespaceOf(pdb));
    Resource first = null;
    int selected = 0;
    long total = 0;
    for (int i = 0; i < candidates.size(); i++) {
      Resource w = candidates.get(i);
      if (w.podSpec() == null || !pods.matches(w.podSpec().metadata().get("labels").asMap())) {
        continue;
      }
      if (!Replicas.KINDS.contains(w.groupKind())) {
        return;
      }
      first = first == null ? w : first;
      selected++;
      total += Replicas.count(inventory, w);
    }
    if (total == 0 || wanted < total) {
      return;
    }
    String what;
    if (selected == 1) {
      Replicas r = Replicas.of(inventory, first);
      what = r.workload().displayName() + (r.fromAutoscaler() ? " may scale down to " : " keeps ") + total
          + (total == 1 ? " replica" : " replicas") + " (" + r.reason() + (r.fromAutoscaler() ? " in "
          + r.owner().displayName() : "") + ")";
    } else {
      what = "the " + selected + " workloads it selects keep " + total + " replicas between them at the least";
    }
    context.report(pdb, min, pdb.displayName() + " sets minAvailable: " + wanted + " but " + what
        + ", so no pod may be evicted");
  }
}
