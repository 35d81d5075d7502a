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

/** A HorizontalPodAutoscaler whose {@code scaleTargetRef} names nothing in the scan. */
public final class AutoscalerTargetMissing implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("autoscaler-target-missing")
      .title("HorizontalPodAutoscaler target not in the scan")
      .severity(Severity.INFO)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.ANY)
      .optIn()
      .rationale("An autoscaler whose scaleTargetRef names no object scales nothing: the target was renamed,"
          + " moved to another namespace or never created, and the workload it was meant for runs at a fixed"
          + " size. The target is looked up by kind, name and API group in the autoscaler's namespace among"
          + " the scanned objects only, so a target applied from elsewhere (another chart, a partial scan) is"
          + " reported too: hence INFO and only in the all profile. Peers: kube-score"
          + " horizontalpodautoscaler-has-target, kube-linter dangling-horizontalpodautoscaler, KICS HPA"
          + " Targets Invalid Object.")
      .remediation("Point scaleTargetRef at the workload's apiVersion, kind and name in the same namespace, or"
          + " delete the autoscaler.")
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
      Node ref = Autoscalers.targetRef(hpa);
      String kind = ref.get("kind").text();
      String name = ref.get("name").text();
      if (kind == null || kind.isEmpty() || name == null || name.isEmpty()) {
        continue;
      }
      if (Autoscalers.target(inventory, hpa) == null) {
        context.report(hpa, ref.get("name"), hpa.displayName() + " scales " + kind + " " + name
            + ", which is not in namespace " + inventory.namespaceOf(hpa) + " among the scanned objects");
      }
    }
  }
}
