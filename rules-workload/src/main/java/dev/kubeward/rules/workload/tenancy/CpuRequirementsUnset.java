/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.tenancy;

import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** A container without a CPU request or (unless switched off) a CPU limit. */
public final class CpuRequirementsUnset implements ResourceRule {

  private static final ParameterKey<Boolean> REQUIRE_LIMIT = ParameterKey.ofBoolean("requireLimit", true,
      "Whether a CPU limit is required; set false if you deliberately run without CPU limits (requests"
      + " alone already share CPU fairly, and limits cause throttling), and only missing requests are"
      + " reported.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("cpu-requirements-unset")
      .title("Container without CPU request or limit")
      .severity(Severity.LOW)
      .topic(Topic.TENANCY)
      .kinds(RuleMetadata.WORKLOADS)
      .parameters(REQUIRE_LIMIT)
      .rationale("Without a CPU request the scheduler places the pod as if it needed nothing and, under"
          + " contention, it gets the smallest share; without a limit one busy or compromised workload (a"
          + " crypto miner) takes every idle core of the node from its neighbours. Kubernetes copies a"
          + " limit into a missing request, so a container with only a limit is not reported for the"
          + " request; pod-level resources (spec.resources) count for every container; ephemeral containers"
          + " cannot set resources and are skipped. One finding per missing item and container.")
      .remediation("Set resources.requests.cpu (and resources.limits.cpu unless you run without CPU limits"
          + " on purpose) on every container and init container.")
      .build();

  /** The bound parameters. */
  record Params(boolean requireLimit) {}

  private final Params params;

  public CpuRequirementsUnset() {
    this(Parameters.defaults(METADATA));
  }

  private CpuRequirementsUnset(Parameters parameters) {
    this.params = new Params(parameters.get(REQUIRE_LIMIT));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new CpuRequirementsUnset(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    Requirements.check(resource, context, "cpu", "CPU", true, params.requireLimit());
  }
}
