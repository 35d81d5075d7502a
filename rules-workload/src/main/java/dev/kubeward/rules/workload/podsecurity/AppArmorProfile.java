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
 * An AppArmor profile other than the runtime default or a node-local one: Pod Security Standards
 * Baseline, check {@code appArmorProfile} (one behaviour for every policy version). Both the legacy
 * annotations {@code container.apparmor.security.beta.kubernetes.io/*} of the pod template and the
 * {@code securityContext.appArmorProfile} fields (pod and containers) are checked; a bad value
 * anywhere fails, whatever the other levels say.
 */
public final class AppArmorProfile extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("app-armor-profile", PssCheck.APP_ARMOR_PROFILE, Severity.MEDIUM)
          .title("AppArmor profile overridden")
          .rationale("Running unconfined removes the AppArmor policy the runtime applies by default, which"
              + " blocks writes to /proc and /sys, mounts and other kernel interfaces used to escape a"
              + " container.")
          .remediation("Leave the AppArmor profile unset or set it to RuntimeDefault or Localhost (annotation"
              + " values runtime/default or localhost/<profile>).")
          .build();

  static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

  public AppArmorProfile() {
    super(PssCheck.APP_ARMOR_PROFILE);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    MapNode annotations = pod.annotations().asMap();
    for (int i = 0; i < annotations.size(); i++) {
      String key = annotations.key(i);
      if (key.startsWith(ANNOTATION_PREFIX)) {
        Node value = annotations.value(i);
        String text = value.text("");
        if (!text.isEmpty() && !text.equals("runtime/default") && !text.startsWith("localhost/")) {
          out.report(resource, value, subject(resource) + " must not set annotation " + key + "=" + value(value)
              + " (allowed: runtime/default, localhost/<profile>)");
        }
      }
    }
    checkField(resource, pod.securityContext(), null, out);
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      checkField(resource, c.securityContext(), c, out);
    }
  }

  private static void checkField(Resource resource, Node securityContext, Container c, Context out) {
    if (profile(securityContext, "appArmorProfile") == FORBIDDEN) {
      reportForbiddenProfile(resource, securityContext, "appArmorProfile", c, out);
    }
  }
}
