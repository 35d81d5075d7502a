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

/** A long-running container without a readiness probe. */
public final class ReadinessProbeMissing implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("readiness-probe-missing")
      .title("Container without a readiness probe")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.WORKLOADS)
      .parameters(Probes.BATCH_KINDS)
      .rationale("Without a readiness probe a pod receives Service traffic as soon as its containers start,"
          + " before the application can answer, and keeps receiving it while it is overloaded or cut off"
          + " from its dependencies; rolling updates then proceed on pods that do not work. Only"
          + " long-running containers are checked, as for liveness-probe-missing.")
      .remediation("Add a readinessProbe that succeeds only when the container can serve requests.")
      .build();

  private final LivenessProbeMissing.Params params;

  public ReadinessProbeMissing() {
    this(Parameters.defaults(METADATA));
  }

  private ReadinessProbeMissing(Parameters parameters) {
    this.params = new LivenessProbeMissing.Params(parameters.get(Probes.BATCH_KINDS));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new ReadinessProbeMissing(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    Probes.check(resource, context, params.batchKinds(), "readinessProbe", "readiness probe");
  }
}
