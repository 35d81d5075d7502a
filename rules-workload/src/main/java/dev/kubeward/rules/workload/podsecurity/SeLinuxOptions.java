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
 * Custom SELinux options: Pod Security Standards Baseline, check {@code seLinuxOptions} (policy
 * versions v1.0 and v1.31). In {@code securityContext.seLinuxOptions} of the pod and of every
 * container, {@code type} must be empty or a container type ({@code container_t},
 * {@code container_init_t}, {@code container_kvm_t}, and from v1.31 {@code container_engine_t}),
 * and {@code user} and {@code role} must be empty; {@code level} is not checked.
 */
public final class SeLinuxOptions extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("se-linux-options", PssCheck.SE_LINUX_OPTIONS, Severity.MEDIUM)
          .title("Custom SELinux user, role or type")
          .rationale("An SELinux type such as spc_t, or a custom user or role, lifts the confinement that"
              + " keeps a container's processes away from host files and other containers.")
          .remediation("Remove seLinuxOptions.user and seLinuxOptions.role and leave seLinuxOptions.type unset"
              + " or set it to container_t, container_init_t, container_kvm_t or container_engine_t.")
          .build();

  private static final String[] TYPES_1_0 = {"", "container_t", "container_init_t", "container_kvm_t"};
  private static final String[] TYPES_1_31 = {
    "", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"
  };

  public SeLinuxOptions() {
    super(PssCheck.SE_LINUX_OPTIONS);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    String[] types = minor >= 31 ? TYPES_1_31 : TYPES_1_0;
    check(resource, pod.securityContext(), null, types, out);
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      check(resource, c.securityContext(), c, types, out);
    }
  }

  /** Checks {@code seLinuxOptions} of the pod ({@code c == null}) or of {@code c}. */
  private static void check(Resource resource, Node securityContext, Container c, String[] types, Context out) {
    Node options = securityContext.get("seLinuxOptions");
    if (options.isNull()) {
      return;
    }
    Node type = options.get("type");
    if (!oneOf(type.text(""), types)) {
      out.report(resource, type, subject(resource, c) + " must not set securityContext.seLinuxOptions.type="
          + value(type) + " (allowed: " + (types == TYPES_1_31 ? "container_t, container_init_t, container_kvm_t,"
          + " container_engine_t" : "container_t, container_init_t, container_kvm_t") + ")");
    }
    Node user = options.get("user");
    if (!user.text("").isEmpty()) {
      out.report(resource, user, subject(resource, c) + " must not set securityContext.seLinuxOptions.user="
          + value(user));
    }
    Node role = options.get("role");
    if (!role.text("").isEmpty()) {
      out.report(resource, role, subject(resource, c) + " must not set securityContext.seLinuxOptions.role="
          + value(role));
    }
  }
}
