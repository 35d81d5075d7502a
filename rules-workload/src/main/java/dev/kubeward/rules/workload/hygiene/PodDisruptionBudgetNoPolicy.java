/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** A PodDisruptionBudget that sets neither {@code minAvailable} nor {@code maxUnavailable}. */
public final class PodDisruptionBudgetNoPolicy implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("pod-disruption-budget-no-policy")
      .title("PodDisruptionBudget without minAvailable or maxUnavailable")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(GroupKind.POD_DISRUPTION_BUDGET)
      .optIn()
      .rationale("A budget that states neither minAvailable nor maxUnavailable leaves its effect to API"
          + " defaults that differ between versions (policy/v1beta1 fills in minAvailable: 1, which blocks"
          + " every drain of a single-replica workload), so what it protects cannot be read from the"
          + " manifest; usually a templating value was left empty. Peers: kube-score"
          + " poddisruptionbudget-has-policy.")
      .remediation("Set maxUnavailable (for instance 1) or minAvailable below the replica count.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    if (spec.get("minAvailable").isNull() && spec.get("maxUnavailable").isNull()) {
      Node at = spec.isMissing() ? Node.MISSING : resource.root().keyNode("spec");
      context.report(resource, at, resource.displayName() + " sets neither minAvailable nor maxUnavailable");
    }
  }
}
