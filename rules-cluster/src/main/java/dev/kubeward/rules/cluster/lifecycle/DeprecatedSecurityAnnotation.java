/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.lifecycle;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A pod (template) annotation that a security context field replaced: the seccomp annotations
 * {@code seccomp.security.alpha.kubernetes.io/pod} and
 * {@code container.seccomp.security.alpha.kubernetes.io/<container>} (deprecated in v1.19 by
 * {@code securityContext.seccompProfile}; since v1.25 the kubelet ignores them and only the API
 * server's copy into the field when a pod is created applies them, never for static pods) and
 * {@code container.apparmor.security.beta.kubernetes.io/<container>} (deprecated in v1.30 by
 * {@code securityContext.appArmorProfile}). Reported at the annotation key when the scan's
 * Kubernetes version (the newest known when none is given) has the field. Whether the annotation's
 * value is safe is the Pod Security rules' ({@code seccomp-profile-*}, {@code app-armor-profile});
 * this rule is only about the deprecation.
 */
public final class DeprecatedSecurityAnnotation implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("deprecated-security-annotation")
      .title("Deprecated seccomp or AppArmor annotation")
      .severity(Severity.LOW)
      .topic(Topic.UPDATES)
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("The seccomp and AppArmor annotations were replaced by securityContext fields. Since"
          + " v1.25 the kubelet reads only the seccomp field, so an annotation takes effect only if the API"
          + " server copies it when the pod is created, and never for a static pod; tools and policies"
          + " that read the fields do not see the annotation. A profile set only by annotation is one"
          + " release change away from not being applied.")
      .remediation("Set securityContext.seccompProfile or securityContext.appArmorProfile on the pod or"
          + " container instead, and remove the annotation.")
      .build();

  private static final String SECCOMP_POD = "seccomp.security.alpha.kubernetes.io/pod";
  private static final String SECCOMP_CONTAINER = "container.seccomp.security.alpha.kubernetes.io/";
  private static final String APPARMOR_CONTAINER = "container.apparmor.security.beta.kubernetes.io/";

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    MapNode annotations = resource.podSpec().annotations().asMap();
    KubeVersions.Applied version = null;
    for (int i = 0; i < annotations.size(); i++) {
      String key = annotations.key(i);
      boolean seccomp = key.equals(SECCOMP_POD) || key.startsWith(SECCOMP_CONTAINER);
      if (!seccomp && !key.startsWith(APPARMOR_CONTAINER)) {
        continue;
      }
      if (version == null) {
        version = context.kubeVersion(resource);
      }
      int since = seccomp ? 19 : 30;
      if (version.version().isBefore(since)) {
        continue;
      }
      String field = seccomp ? "seccompProfile" : "appArmorProfile";
      String target = key.equals(SECCOMP_POD) ? "securityContext." + field + " of the pod"
          : "securityContext." + field + " of container \"" + key.substring(key.indexOf('/') + 1) + "\"";
      context.finding(resource, annotations.keyNode(i))
          .message(resource.displayName() + " sets the annotation " + key + ", deprecated since Kubernetes v1."
              + since + (seccomp && version.version().isAtLeast(25) ? " and ignored by the kubelet since v1.25" : "")
              + ": use " + target
              + " (" + version.describe() + ")")
          .key("annotation:" + key)
          .report();
    }
  }
}
