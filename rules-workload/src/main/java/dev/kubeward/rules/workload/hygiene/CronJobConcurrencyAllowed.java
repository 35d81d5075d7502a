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

/** A CronJob whose {@code concurrencyPolicy} is {@code Allow}, set or left to the default. */
public final class CronJobConcurrencyAllowed implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("cron-job-concurrency-allowed")
      .title("CronJob that lets runs overlap")
      .severity(Severity.INFO)
      .topic(Topic.HYGIENE)
      .kinds(GroupKind.CRON_JOB)
      .optIn()
      .rationale("concurrencyPolicy defaults to Allow: when a run outlasts the interval (a slow backend, a"
          + " stuck pod) the next one starts beside it, so runs pile up, compete for the same data and"
          + " consume the namespace's quota. Forbid skips a run while the previous is still going, Replace"
          + " stops the old one.")
      .remediation("Set spec.concurrencyPolicy to Forbid (or Replace) unless the job is written to run"
          + " concurrently with itself.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    if (!spec.isMap()) {
      return;
    }
    Node policy = spec.get("concurrencyPolicy");
    if (policy.isNull()) {
      context.report(resource, resource.root().keyNode("spec"), resource.displayName()
          + " sets no concurrencyPolicy, which defaults to Allow: a run that outlasts the schedule overlaps the"
          + " next");
    } else if (policy.textEquals("Allow")) {
      context.report(resource, policy, resource.displayName()
          + " sets concurrencyPolicy: Allow: a run that outlasts the schedule overlaps the next");
    }
  }
}
