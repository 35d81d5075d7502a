/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.Container;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.List;

/**
 * A pod without a seccomp profile: Pod Security Standards Restricted, check
 * {@code seccompProfile_restricted} (policy versions v1.19 and v1.25; replaces
 * {@code seccompProfile_baseline}). Every container must have {@code seccompProfile.type}
 * {@code RuntimeDefault} or {@code Localhost}, set on the container or inherited from the pod; a
 * forbidden type fails anywhere, even at the pod level when every container sets a good one. When
 * something is forbidden only those values are reported, as admission does; otherwise each container
 * without a profile is. From v1.25 Windows pods ({@code spec.os.name: windows}) are exempt.
 */
public final class SeccompProfileRestricted extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("seccomp-profile-restricted", PssCheck.SECCOMP_PROFILE_RESTRICTED, Severity.MEDIUM)
          .title("Seccomp profile not set")
          .rationale("A container without a seccomp profile can make every system call, including the rarely"
              + " used ones behind most container escapes; the runtime default profile blocks them at no"
              + " cost to ordinary workloads.")
          .remediation("Set securityContext.seccompProfile.type to RuntimeDefault (or Localhost) at the pod level"
              + " or in every container.")
          .build();

  private static final String FIELD = "seccompProfile";

  public SeccompProfileRestricted() {
    super(PssCheck.SECCOMP_PROFILE_RESTRICTED);
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
    int podProfile = profile(pod.securityContext(), FIELD);
    boolean explicit = podProfile == FORBIDDEN;
    boolean implicit = false;
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      int own = profile(containers.get(i).securityContext(), FIELD);
      if (own == FORBIDDEN) {
        explicit = true;
      } else if (own == UNSET && podProfile != ALLOWED) {
        implicit = true;
      }
    }
    if (explicit) {
      if (podProfile == FORBIDDEN) {
        reportForbiddenProfile(resource, pod.securityContext(), FIELD, null, out);
      }
      for (int i = 0; i < containers.size(); i++) {
        Container c = containers.get(i);
        if (profile(c.securityContext(), FIELD) == FORBIDDEN) {
          reportForbiddenProfile(resource, c.securityContext(), FIELD, c, out);
        }
      }
    } else if (implicit) {
      for (int i = 0; i < containers.size(); i++) {
        Container c = containers.get(i);
        if (profile(c.securityContext(), FIELD) == UNSET) {
          out.report(resource, lackingSecurityContext(c), "pod or " + subject(c, resource)
              + " must set securityContext.seccompProfile.type to RuntimeDefault or Localhost");
        }
      }
    }
  }
}
