/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** A pod template without {@code priorityClassName}. */
public final class PriorityClassUnset implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("priority-class-unset")
      .title("Pod without a priority class")
      .severity(Severity.INFO)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.WORKLOADS)
      .optIn()
      .rationale("Without priorityClassName a pod gets the cluster's global default priority (0 unless a"
          + " PriorityClass is marked globalDefault), so under node pressure the scheduler may preempt it"
          + " for a batch job, and it cannot preempt anything to get scheduled itself; which workloads"
          + " matter most is left unsaid. Reported at the pod spec. Peers: kube-linter priority-class-name,"
          + " Polaris priorityClassNotSet.")
      .remediation("Set spec.priorityClassName to a PriorityClass that says how important the workload is.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    if (resource.podSpec().spec().get("priorityClassName").isNull()) {
      context.report(resource, resource.podSpec().spec(), "the pod spec of " + resource.displayName()
          + " sets no priorityClassName, so it runs at the default priority");
    }
  }
}
