/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.Container;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.List;

/**
 * A seccomp profile explicitly turned off: Pod Security Standards Baseline, check
 * {@code seccompProfile_baseline}. Policy versions v1.0 to v1.18 read the legacy annotations of the
 * pod template ({@code seccomp.security.alpha.kubernetes.io/pod} and
 * {@code container.seccomp.security.alpha.kubernetes.io/<name>} of each container), which must be
 * {@code runtime/default}, {@code docker/default} or {@code localhost/...} when present; from v1.19
 * only the {@code securityContext.seccompProfile} fields of the pod and the containers count, whose
 * type must be {@code RuntimeDefault} or {@code Localhost} when set. At restricted from v1.19,
 * {@code seccompProfile_restricted} replaces it.
 */
public final class SeccompProfileBaseline extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("seccomp-profile-baseline", PssCheck.SECCOMP_PROFILE_BASELINE, Severity.MEDIUM)
          .title("Seccomp profile set to unconfined")
          .rationale("Without a seccomp filter every system call reaches the kernel, including the rarely"
              + " used ones behind most container escapes.")
          .remediation("Remove the Unconfined seccomp profile: leave it unset or use RuntimeDefault or Localhost"
              + " (annotation values runtime/default or localhost/<profile>).")
          .build();

  static final String POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
  static final String CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

  public SeccompProfileBaseline() {
    super(PssCheck.SECCOMP_PROFILE_BASELINE);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    if (minor < 19) {
      annotations(resource, pod, out);
      return;
    }
    if (profile(pod.securityContext(), "seccompProfile") == FORBIDDEN) {
      reportForbiddenProfile(resource, pod.securityContext(), "seccompProfile", null, out);
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (profile(c.securityContext(), "seccompProfile") == FORBIDDEN) {
        reportForbiddenProfile(resource, c.securityContext(), "seccompProfile", c, out);
      }
    }
  }

  private static void annotations(Resource resource, PodSpec pod, Context out) {
    MapNode annotations = pod.annotations().asMap();
    for (int i = 0; i < annotations.size(); i++) {
      String key = annotations.key(i);
      if (key.equals(POD_ANNOTATION) || (key.startsWith(CONTAINER_ANNOTATION_PREFIX) && namesContainer(key, pod))) {
        Node value = annotations.value(i);
        String text = value.text("");
        if (!text.equals("runtime/default") && !text.equals("docker/default") && !text.startsWith("localhost/")) {
          out.report(resource, value, subject(resource) + " must not set annotation " + key + "=" + value(value)
              + " (allowed: runtime/default, docker/default, localhost/<profile>)");
        }
      }
    }
  }

  /** True if {@code key} is the container annotation prefix followed by the name of a container of the pod. */
  private static boolean namesContainer(String key, PodSpec pod) {
    int prefix = CONTAINER_ANNOTATION_PREFIX.length();
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      String name = containers.get(i).name();
      if (key.length() == prefix + name.length() && key.startsWith(name, prefix)) {
        return true;
      }
    }
    return false;
  }
}
