/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ScalarNode;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.List;

/**
 * A pod or container set to run as root: Pod Security Standards Restricted, check
 * {@code runAsUser} (policy versions v1.23 and v1.35). {@code securityContext.runAsUser: 0} fails at
 * the pod level and in any container, with no inheritance either way. From v1.35 pods in their own
 * user namespace ({@code hostUsers: false}) are exempt.
 */
public final class RunAsUser extends PssRule {

  private static final RuleMetadata METADATA = metadata("run-as-user", PssCheck.RUN_AS_USER, Severity.MEDIUM)
      .title("Pod or container runs as UID 0")
      .rationale("A process running as UID 0 is root on the node's kernel unless a user namespace maps it,"
          + " so any escape from the container starts with full privileges.")
      .remediation("Set securityContext.runAsUser to a non-zero UID, or leave it unset and let the image"
          + " choose a non-root user.")
      .build();

  public RunAsUser() {
    super(PssCheck.RUN_AS_USER);
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
    Node podValue = pod.securityContext().get("runAsUser");
    if (isZero(podValue)) {
      out.report(resource, podValue, subject(resource) + " must not set securityContext.runAsUser=0");
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node value = c.securityContext().get("runAsUser");
      if (isZero(value)) {
        out.report(resource, value, subject(c, resource) + " must not set securityContext.runAsUser=0");
      }
    }
  }

  /** True if {@code value} is the integer 0, however it is spelled ({@code 0}, {@code 0x0}, {@code 0.0}...). */
  static boolean isZero(Node value) {
    // An integer spelled with a digit 1-9 is not 0 in any base, or not a valid integer: most UIDs are
    // told apart without parsing them.
    if (value instanceof ScalarNode scalar && scalar.type() == ScalarNode.Type.INTEGER
        && hasDigitOneToNine(scalar.rawText())) {
      return false;
    }
    return value.longValue(-1) == 0;
  }

  private static boolean hasDigitOneToNine(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch >= '1' && ch <= '9') {
        return true;
      }
    }
    return false;
  }
}
