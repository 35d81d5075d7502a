/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;

/**
 * An unmasked {@code /proc}, even in a user namespace: Pod Security Standards Restricted, check
 * {@code procMount_restricted} (policy version v1.35 and later; replaces {@code procMount}).
 * {@code securityContext.procMount} must be unset or {@code Default}, whatever {@code hostUsers}
 * says.
 */
public final class ProcMountRestricted extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("proc-mount-restricted", PssCheck.PROC_MOUNT_RESTRICTED, Severity.MEDIUM)
          .title("Unmasked /proc mount, user namespace or not")
          .rationale("The restricted level keeps /proc masked even for pods in their own user namespace,"
              + " where the baseline level allows Unmasked: an unmasked /proc still exposes kernel"
              + " interfaces that the user namespace does not fully isolate.")
          .remediation("Remove securityContext.procMount or set it to Default.")
          .build();

  public ProcMountRestricted() {
    super(PssCheck.PROC_MOUNT_RESTRICTED);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    ProcMount.report(resource, pod, out);
  }
}
