/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A container of a Linux pod that does not say {@code securityContext.privileged: false}. A
 * container that says {@code true} is left to {@code privileged-container}; opt-in.
 */
public final class PrivilegedNotFalse implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("privileged-not-false")
      .title("Privileged mode not explicitly disabled")
      .severity(Severity.LOW)
      .topic(Topic.POD_SECURITY)
      .kinds(RuleMetadata.WORKLOADS)
      .optIn()
      .rationale("An unset privileged flag means false today, but the manifest then depends on defaults"
          + " that a mutating webhook, a Helm value or a kustomize patch can change without a diff in the"
          + " line a reviewer reads; saying false states the intent and lets policy engines that require an"
          + " explicit value (kubeaudit's privileged auditor) pass. Opt-in, since the default is safe."
          + " privileged exists only on containers (a pod-level field does not exist); Windows pods"
          + " (spec.os.name: windows) cannot set it and are skipped.")
      .remediation("Set securityContext.privileged: false on every container, init and ephemeral ones"
          + " included.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    PodSpec pod = resource.podSpec();
    if (pod.isWindows()) {
      return;
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node privileged = c.securityContext().get("privileged");
      if (privileged.isFalse() || privileged.isTrue()) {
        continue;
      }
      if (privileged.isNull()) {
        context.report(resource, Targets.securityContextOf(c), c.describe() + " of " + resource.displayName()
            + " does not set securityContext.privileged to false");
      } else {
        context.report(resource, privileged, c.describe() + " of " + resource.displayName()
            + " does not set securityContext.privileged to false (privileged: " + Targets.spelled(privileged) + ")");
      }
    }
  }
}
