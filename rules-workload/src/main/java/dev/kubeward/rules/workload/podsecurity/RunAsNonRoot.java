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
 * A pod that may run as root: Pod Security Standards Restricted, check {@code runAsNonRoot} (policy
 * versions v1.0 and v1.35). {@code securityContext.runAsNonRoot} must be {@code true} for every
 * container, set on the container or inherited from the pod; an explicit {@code false} fails
 * anywhere, even at the pod level when every container sets {@code true}. When something is
 * explicitly false only those values are reported, as admission does; otherwise each container that
 * neither sets it nor inherits it is. From v1.35 pods in their own user namespace
 * ({@code hostUsers: false}) are exempt. {@code runAsUser} plays no part.
 */
public final class RunAsNonRoot extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("run-as-non-root", PssCheck.RUN_AS_NON_ROOT, Severity.MEDIUM)
          .title("Pod may run as root")
          .rationale("Without runAsNonRoot the kubelet starts containers as whatever user the image says,"
              + " which is root for most images, so an escape starts with full privileges.")
          .remediation("Set securityContext.runAsNonRoot to true at the pod level (or in every container) and"
              + " build images that run as a non-root user.")
          .build();

  private static final String UNSET = " does not set securityContext.runAsNonRoot";
  private static final String SET_IT = ": set it to true in the pod's securityContext or in the container's";

  public RunAsNonRoot() {
    super(PssCheck.RUN_AS_NON_ROOT);
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
    Node podValue = pod.securityContext().get("runAsNonRoot");
    boolean podTrue = podValue.isTrue();
    boolean podExplicit = !podValue.isNull() && !podTrue;
    List<Container> containers = pod.containers();
    boolean explicit = podExplicit;
    boolean implicit = false;
    for (int i = 0; i < containers.size(); i++) {
      Node value = containers.get(i).securityContext().get("runAsNonRoot");
      if (!value.isNull()) {
        explicit |= !value.isTrue();
      } else if (!podTrue) {
        implicit = true;
      }
    }
    if (explicit) {
      if (podExplicit) {
        out.report(resource, podValue, subject(resource) + " sets securityContext.runAsNonRoot to "
            + value(podValue) + ": set it to true");
      }
      for (int i = 0; i < containers.size(); i++) {
        Container c = containers.get(i);
        Node value = c.securityContext().get("runAsNonRoot");
        if (!value.isNull() && !value.isTrue()) {
          out.report(resource, value, subject(c, resource) + " sets securityContext.runAsNonRoot to "
              + value(value) + ": set it to true");
        }
      }
    } else if (implicit) {
      for (int i = 0; i < containers.size(); i++) {
        Container c = containers.get(i);
        if (c.securityContext().get("runAsNonRoot").isNull()) {
          Node uid = c.effectiveSecurityContext("runAsUser");
          long id = uid.longValue(-1);
          out.report(resource, lackingSecurityContext(c), subject(c, resource) + UNSET
              + (id > 0 ? ", which admission requires even with runAsUser: " + id : "") + SET_IT);
        }
      }
    }
  }
}
