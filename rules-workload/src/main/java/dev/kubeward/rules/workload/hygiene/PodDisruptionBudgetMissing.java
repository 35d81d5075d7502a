/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.LabelSelector;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Deployment or StatefulSet with several replicas and no PodDisruptionBudget in the scan that
 * selects its pods.
 */
public final class PodDisruptionBudgetMissing implements InventoryRule {

  private static final String PDB = "PodDisruptionBudget";

  private static final ParameterKey<Long> MIN_REPLICAS = ParameterKey.ofInt("minReplicas", 2, "The replica"
      + " count from which a PodDisruptionBudget is expected (a budget for a single replica only blocks node"
      + " drains).");

  private static final RuleMetadata METADATA = RuleMetadata.builder("pod-disruption-budget-missing")
      .title("Replicated workload without a PodDisruptionBudget")
      .severity(Severity.INFO)
      .topic(Topic.HYGIENE)
      .kinds(GroupKind.DEPLOYMENT, GroupKind.STATEFUL_SET, GroupKind.EXTENSIONS_DEPLOYMENT,
          GroupKind.HORIZONTAL_POD_AUTOSCALER, GroupKind.POD_DISRUPTION_BUDGET)
      .parameters(MIN_REPLICAS)
      .rationale("Without a PodDisruptionBudget a node drain or cluster upgrade may evict every replica at"
          + " once, so running several replicas does not keep the service up. A budget selects pods by label"
          + " in its own namespace: policy/v1 reads an empty selector as every pod, policy/v1beta1 as none,"
          + " and no selector at all matches nothing. The replica count is taken as for low-replica-count"
          + " (the HorizontalPodAutoscaler's minReplicas when one targets the workload). A budget applied"
          + " separately from the scanned manifests is not seen.")
      .remediation("Add a PodDisruptionBudget with maxUnavailable: 1 (or a minAvailable below the replica"
          + " count) whose selector matches the workload's pod labels.")
      .build();

  /** The bound parameters. */
  record Params(long minReplicas) {}

  private final Params params;

  public PodDisruptionBudgetMissing() {
    this(Parameters.defaults(METADATA));
  }

  private PodDisruptionBudgetMissing(Parameters parameters) {
    this.params = new Params(parameters.get(MIN_REPLICAS));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new PodDisruptionBudgetMissing(parameters);
  }

  private record Budget(Resource pdb, LabelSelector selector) {}

  @Override
  public void check(Inventory inventory, Context context) {
    List<Budget> budgets = new ArrayList<>();
    for (Resource pdb : inventory.ofKind(GroupKind.POD_DISRUPTION_BUDGET)) {
      Node selector = pdb.root().get("spec").get("selector");
      boolean matchesNothing = selector.isNull()
          || (selector.size() == 0 && pdb.apiVersion().equals("policy/v1beta1"));
      if (!matchesNothing) {
        budgets.add(new Budget(pdb, LabelSelector.of(selector)));
      }
    }
    for (int k = 0; k < Replicas.KINDS.size(); k++) {
      List<Resource> ofKind = inventory.ofKind(Replicas.KINDS.get(k));
      for (int i = 0; i < ofKind.size(); i++) {
        check(inventory, ofKind.get(i), budgets, context);
      }
    }
  }

  private void check(Inventory inventory, Resource workload, List<Budget> budgets, Context context) {
    long count = Replicas.count(inventory, workload);
    if (count < params.minReplicas() || workload.podSpec() == null) {
      return;
    }
    // Deployments and StatefulSets only: their pods carry the template's labels, matched in the tree.
    MapNode labels = workload.podSpec().metadata().get("labels").asMap();
    boolean covered = false;
    for (int i = 0; i < budgets.size(); i++) {
      Budget b = budgets.get(i);
      if (Objects.equals(inventory.namespaceOf(b.pdb()), inventory.namespaceOf(workload)) && b.selector().matches(labels)) {
        covered = true;
        break;
      }
    }
    if (!covered) {
      Replicas replicas = Replicas.of(inventory, workload);
      context.report(workload, Node.MISSING, workload.displayName() + " keeps " + replicas.count()
          + " replicas (" + replicas.reason() + ") but no " + PDB + " in the scan selects its pods");
    }
  }
}
