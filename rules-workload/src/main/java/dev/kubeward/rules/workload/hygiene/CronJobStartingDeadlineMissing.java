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

/** A CronJob without {@code spec.startingDeadlineSeconds}. */
public final class CronJobStartingDeadlineMissing implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("cron-job-starting-deadline-missing")
      .title("CronJob without startingDeadlineSeconds")
      .severity(Severity.INFO)
      .topic(Topic.HYGIENE)
      .kinds(GroupKind.CRON_JOB)
      .optIn()
      .rationale("Without startingDeadlineSeconds a run that could not start on time (controller down,"
          + " cluster upgrade, concurrencyPolicy: Forbid with a run still going) may start at any later time,"
          + " and once more than 100 schedules were missed the controller stops scheduling the CronJob"
          + " altogether (too many missed start times), silently. A deadline bounds both. Peers: kube-score"
          + " cronjob-has-deadline, KICS CronJob Deadline Not Configured.")
      .remediation("Set spec.startingDeadlineSeconds to how late a run may still start (for instance 200 for"
          + " a job every few minutes, a fraction of the interval otherwise).")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    if (spec.isMap() && spec.get("startingDeadlineSeconds").isNull()) {
      context.report(resource, resource.root().keyNode("spec"), resource.displayName()
          + " sets no startingDeadlineSeconds: a missed run may start at any time later");
    }
  }
}
