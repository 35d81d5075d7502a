/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A Deployment or StatefulSet that keeps fewer replicas than a configurable minimum, counting the
 * {@code minReplicas} of a HorizontalPodAutoscaler in the scan that targets it.
 */
public final class LowReplicaCount implements InventoryRule {

  private static final ParameterKey<Long> MIN_REPLICAS = ParameterKey.ofInt("minReplicas", 2, "The least"
      + " number of replicas a Deployment or StatefulSet should keep.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("low-replica-count")
      .title("Too few replicas")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(GroupKind.DEPLOYMENT, GroupKind.STATEFUL_SET, GroupKind.EXTENSIONS_DEPLOYMENT,
          GroupKind.HORIZONTAL_POD_AUTOSCALER)
      .parameters(MIN_REPLICAS)
      .rationale("A single replica goes down with its node, on every rollout of a StatefulSet, and on"
          + " every node drain. When a HorizontalPodAutoscaler in the scan targets the workload, its"
          + " minReplicas (default 1) is what counts and is reported on the autoscaler; otherwise the"
          + " workload's replicas, which defaults to 1 when unset. A count of 0 is taken as deliberately"
          + " scaled down and not reported.")
      .remediation("Run at least the minimum number of replicas (replicas, or minReplicas of the"
          + " HorizontalPodAutoscaler), spread over nodes.")
      .build();

  /** The bound parameters. */
  record Params(long minReplicas) {}

  private final Params params;

  public LowReplicaCount() {
    this(Parameters.defaults(METADATA));
  }

  private LowReplicaCount(Parameters parameters) {
    this.params = new Params(parameters.get(MIN_REPLICAS));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new LowReplicaCount(parameters);
  }

  @Override
  public void check(Inventory inventory, Context context) {
    for (int k = 0; k < Replicas.KINDS.size(); k++) {
      List<Resource> ofKind = inventory.ofKind(Replicas.KINDS.get(k));
      for (int i = 0; i < ofKind.size(); i++) {
        check(inventory, ofKind.get(i), context);
      }
    }
  }

  private void check(Inventory inventory, Resource workload, Context context) {
    long n = Replicas.count(inventory, workload);
    if (n == 0 || n >= params.minReplicas()) {
      return;
    }
    Replicas replicas = Replicas.of(inventory, workload);
    String count = n + (n == 1 ? " replica" : " replicas");
    String message = replicas.fromAutoscaler()
        ? replicas.owner().displayName() + " lets " + replicas.workload().displayName() + " scale down to "
            + count + " (" + replicas.reason() + "), fewer than " + params.minReplicas()
        : replicas.workload().displayName() + " runs " + count + " (" + replicas.reason() + "), fewer than "
            + params.minReplicas();
    context.report(replicas.owner(), replicas.node(), message);
  }
}
