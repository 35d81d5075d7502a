/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A Deployment or StatefulSet with several replicas whose pod template has neither a pod
 * anti-affinity nor topology spread constraints.
 */
public final class ReplicasNotSpread implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("replicas-not-spread")
      .title("Replicas not spread over nodes")
      .severity(Severity.INFO)
      .topic(Topic.HYGIENE)
      .kinds(GroupKind.DEPLOYMENT, GroupKind.STATEFUL_SET, GroupKind.EXTENSIONS_DEPLOYMENT,
          GroupKind.HORIZONTAL_POD_AUTOSCALER)
      .optIn()
      .rationale("Nothing stops the scheduler from placing every replica on one node or in one zone, and"
          + " losing it then takes the whole service down: the replicas were for nothing. A pod"
          + " anti-affinity (required or preferred) or topologySpreadConstraints in the pod template says"
          + " to spread them; cluster-wide default spreading constraints of the scheduler are not seen in"
          + " manifests. The replica count is taken as for low-replica-count (the minReplicas of a"
          + " HorizontalPodAutoscaler that scales the workload); one replica needs no spreading. Peers:"
          + " kube-linter no-anti-affinity, kube-score deployment-has-host-podantiaffinity and"
          + " pod-topology-spread-constraints, Polaris topologySpreadConstraint.")
      .remediation("Add topologySpreadConstraints on kubernetes.io/hostname (and topology.kubernetes.io/zone)"
          + " selecting the workload's pods, or a preferred podAntiAffinity on kubernetes.io/hostname.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    for (int k = 0; k < Replicas.KINDS.size(); k++) {
      List<Resource> ofKind = inventory.ofKind(Replicas.KINDS.get(k));
      for (int i = 0; i < ofKind.size(); i++) {
        Resource workload = ofKind.get(i);
        if (workload.podSpec() == null) {
          continue;
        }
        MapNode spec = workload.podSpec().spec();
        if (spec.get("topologySpreadConstraints").size() > 0 || spec.get("affinity").get("podAntiAffinity").size() > 0) {
          continue;
        }
        long count = Replicas.count(inventory, workload);
        if (count >= 2) {
          Replicas replicas = Replicas.of(inventory, workload);
          context.report(workload, spec, workload.displayName() + " keeps " + count + " replicas ("
              + replicas.reason() + ") with neither a podAntiAffinity nor topologySpreadConstraints: they may"
              + " all run on one node");
        }
      }
    }
  }
}
