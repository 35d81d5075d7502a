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
 * A container that may gain privileges: Pod Security Standards Restricted, check
 * {@code allowPrivilegeEscalation} (policy versions v1.8 and v1.25). Every container must set
 * {@code securityContext.allowPrivilegeEscalation: false}; there is no pod-level field. From v1.25
 * Windows pods ({@code spec.os.name: windows}) are exempt.
 */
public final class AllowPrivilegeEscalation extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("allow-privilege-escalation", PssCheck.ALLOW_PRIVILEGE_ESCALATION, Severity.MEDIUM)
          .title("Privilege escalation not disabled")
          .rationale("Unless allowPrivilegeEscalation is false, a process in the container can gain more"
              + " privileges than its parent through setuid binaries or file capabilities.")
          .remediation("Set securityContext.allowPrivilegeEscalation to false in every container.")
          .build();

  private static final String UNSET = " does not set securityContext.allowPrivilegeEscalation: set it to false";
  /** What a message adds when the container runs privileged. */
  private static final String PRIVILEGED =
      " (the API rejects it together with privileged: true, so remove privileged first)";

  public AllowPrivilegeEscalation() {
    super(PssCheck.ALLOW_PRIVILEGE_ESCALATION);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    if (minor >= 25 && isWindows(pod)) {
      return;
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node value = c.securityContext().get("allowPrivilegeEscalation");
      if (value.isMissing()) {
        out.report(resource, lackingSecurityContext(c),
            subject(c, resource) + UNSET + (isPrivileged(c) ? PRIVILEGED : ""));
      } else if (!value.isFalse()) {
        out.report(resource, value, subject(c, resource) + " sets securityContext.allowPrivilegeEscalation to "
            + value(value) + ": set it to false" + (isPrivileged(c) ? PRIVILEGED : ""));
      }
    }
  }

  private static boolean isPrivileged(Container c) {
    return c.securityContext().get("privileged").isTrue();
  }
}
