/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** A pod whose containers share one process namespace: {@code shareProcessNamespace: true}. */
public final class SharedProcessNamespace implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("shared-process-namespace")
      .title("Containers share a process namespace")
      .severity(Severity.MEDIUM)
      .topic(Topic.POD_SECURITY)
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("With shareProcessNamespace every container of the pod sees the processes of the others:"
          + " it can signal them, and as the same user read their environment (secrets included) through"
          + " /proc/<pid>/environ and their whole filesystem through /proc/<pid>/root, so a compromised"
          + " sidecar reaches the application's secrets and the other way round.")
      .remediation("Remove spec.shareProcessNamespace or set it to false; use it only for a debugging pod.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node share = resource.podSpec().spec().get("shareProcessNamespace");
    if (share.isTrue()) {
      context.report(resource, share, resource.displayName()
          + " shares one process namespace between its containers (shareProcessNamespace: " + share.text() + ")");
    }
  }
}
