/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.tenancy;

import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** A container without a memory request or a memory limit. */
public final class MemoryRequirementsUnset implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("memory-requirements-unset")
      .title("Container without memory request or limit")
      .severity(Severity.MEDIUM)
      .topic(Topic.TENANCY)
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("Memory cannot be throttled, only reclaimed by killing: without a limit a leaking or"
          + " malicious container drives the node out of memory and the kubelet evicts or the kernel kills"
          + " its neighbours; without a request the scheduler overcommits the node. Kubernetes copies a"
          + " limit into a missing request, so a container with only a limit is not reported for the"
          + " request; pod-level resources (spec.resources) count for every container; ephemeral containers"
          + " cannot set resources and are skipped. One finding per missing item and container.")
      .remediation("Set resources.requests.memory and resources.limits.memory on every container and init"
          + " container.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Requirements.check(resource, context, "memory", "memory", true, true);
  }
}
