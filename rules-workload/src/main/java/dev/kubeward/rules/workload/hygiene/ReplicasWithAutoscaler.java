/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/** A workload that sets {@code spec.replicas} while a HorizontalPodAutoscaler in the scan scales it. */
public final class ReplicasWithAutoscaler implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("replicas-with-autoscaler")
      .title("Replica count set on an autoscaled workload")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.ANY)
      .optIn()
      .rationale("When a HorizontalPodAutoscaler scales a workload, spec.replicas belongs to the autoscaler:"
          + " every kubectl apply or GitOps sync of a manifest that still sets it resets the count the"
          + " autoscaler chose, scaling a loaded service down until the autoscaler catches up, and GitOps"
          + " tools report the object as drifted forever. The autoscaler is matched by its scaleTargetRef"
          + " (kind, name, API group) in the workload's namespace. Peers: kube-score"
          + " deployment-targeted-by-hpa-does-not-have-replicas-configured, KICS HPA Targeted Deployments"
          + " With Configured Replica Count.")
      .remediation("Remove spec.replicas from the workload's manifest and let the autoscaler's minReplicas"
          + " and maxReplicas decide.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    List<Resource> autoscalers = inventory.ofKind(GroupKind.HORIZONTAL_POD_AUTOSCALER);
    for (int i = 0; i < autoscalers.size(); i++) {
      Resource hpa = autoscalers.get(i);
      List<Resource> candidates = inventory.inNamespace(inventory.namespaceOf(hpa));
      for (int j = 0; j < candidates.size(); j++) {
        Resource workload = candidates.get(j);
        if (workload == hpa || !Autoscalers.targets(hpa, workload)) {
          continue;
        }
        Node replicas = workload.root().get("spec").get("replicas");
        if (!replicas.isNull()) {
          context.finding(workload, replicas)
              .message(workload.displayName() + " sets replicas: " + replicas.text() + " while " + hpa.displayName()
                  + " scales it: every apply resets the autoscaler's count")
              .related(hpa, Autoscalers.targetRef(hpa), "the autoscaler that scales it")
              .key(hpa.name() == null ? "" : hpa.name())
              .report();
        }
      }
    }
  }
}
