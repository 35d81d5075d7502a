/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/** A long-running container without a liveness probe. */
public final class LivenessProbeMissing implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("liveness-probe-missing")
      .title("Container without a liveness probe")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.WORKLOADS)
      .parameters(Probes.BATCH_KINDS)
      .rationale("Without a liveness probe a deadlocked or hung process keeps its pod Running forever and"
          + " is never restarted. Only long-running containers are checked: regular containers and native"
          + " sidecars (init containers with restartPolicy: Always) of pods that restart Always, not Jobs,"
          + " CronJobs, KEDA ScaledJobs (the batchKinds parameter) or pods with restartPolicy Never or"
          + " OnFailure, and not ordinary init or ephemeral containers, which cannot have one.")
      .remediation("Add a livenessProbe that fails only when the process cannot recover by itself, with"
          + " thresholds generous enough not to restart it under load.")
      .build();

  /** The bound parameters. */
  record Params(List<String> batchKinds) {}

  private final Params params;

  public LivenessProbeMissing() {
    this(Parameters.defaults(METADATA));
  }

  private LivenessProbeMissing(Parameters parameters) {
    this.params = new Params(parameters.get(Probes.BATCH_KINDS));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new LivenessProbeMissing(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    Probes.check(resource, context, params.batchKinds(), "livenessProbe", "liveness probe");
  }
}
