/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.List;

/**
 * An unmasked {@code /proc}: Pod Security Standards Baseline, check {@code procMount} (policy
 * versions v1.0 and v1.35). {@code securityContext.procMount} must be unset or {@code Default}; from
 * v1.35 any value is allowed in a pod with its own user namespace ({@code hostUsers: false}). At
 * restricted from v1.35, {@code procMount_restricted} replaces it and keeps the stricter rule.
 */
public final class ProcMount extends PssRule {

  private static final RuleMetadata METADATA = metadata("proc-mount", PssCheck.PROC_MOUNT, Severity.MEDIUM)
      .title("Unmasked /proc mount")
      .rationale("The default proc mount masks and makes read-only the /proc paths that expose or change"
          + " host kernel state; Unmasked removes that protection.")
      .remediation("Remove securityContext.procMount or set it to Default.")
      .build();

  public ProcMount() {
    super(PssCheck.PROC_MOUNT);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    if (minor >= 35 && userNamespace(pod)) {
      return;
    }
    report(resource, pod, out);
  }

  /** Reports every container whose procMount is neither unset nor {@code Default}. */
  static void report(Resource resource, PodSpec pod, Context out) {
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node procMount = c.securityContext().get("procMount");
      if (unmasked(procMount)) {
        out.report(resource, procMount, subject(c, resource) + " must not set securityContext.procMount="
            + value(procMount) + " (allowed: Default)");
      }
    }
  }

  /** True if {@code procMount} is set to anything but {@code Default}. */
  private static boolean unmasked(Node procMount) {
    return !procMount.isNull() && !procMount.textEquals("Default");
  }
}
