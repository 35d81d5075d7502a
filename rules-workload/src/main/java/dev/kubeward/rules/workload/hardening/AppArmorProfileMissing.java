/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import dev.kubeward.model.Container;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A container of a Linux pod with no AppArmor profile named anywhere: not in its own
 * {@code securityContext.appArmorProfile}, not in the pod's, and not in the legacy annotation
 * {@code container.apparmor.security.beta.kubernetes.io/<name>} of the pod template. Which profile
 * is named is the business of {@code app-armor-profile}; opt-in.
 */
public final class AppArmorProfileMissing implements ResourceRule {

  private static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

  private static final RuleMetadata METADATA = RuleMetadata.builder("app-armor-profile-missing")
      .title("AppArmor profile not set")
      .severity(Severity.LOW)
      .topic(Topic.POD_SECURITY)
      .kinds(RuleMetadata.WORKLOADS)
      .optIn()
      .rationale("Without a profile in the manifest the container gets whatever the node decides: the"
          + " runtime's default profile where AppArmor is enabled and the runtime applies one, no confinement"
          + " on nodes without AppArmor, and none for privileged containers. Naming RuntimeDefault or a"
          + " Localhost profile makes the confinement part of the workload and lets admission check it."
          + " Opt-in (kubeaudit's stance): on most nodes the runtime default already applies, so this is a"
          + " request for explicitness rather than a hole; app-armor-profile reports an Unconfined profile."
          + " A profile set on the pod covers every container; Windows pods (spec.os.name: windows) are"
          + " skipped.")
      .remediation("Set securityContext.appArmorProfile: {type: RuntimeDefault} on the pod, or a Localhost"
          + " profile on the containers that need their own.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    PodSpec pod = resource.podSpec();
    if (pod.isWindows() || named(pod.securityContext())) {
      return;
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (named(c.securityContext()) || annotated(pod.annotations().asMap(), c.name())) {
        continue;
      }
      context.report(resource, Targets.securityContextOf(c), c.describe() + " of " + resource.displayName()
          + " has no AppArmor profile (securityContext.appArmorProfile is not set on it or on the pod, nor is"
          + " the annotation " + ANNOTATION_PREFIX + c.name() + ")");
    }
  }

  private static boolean named(Node securityContext) {
    String type = securityContext.get("appArmorProfile").get("type").text();
    return type != null && !type.isEmpty();
  }

  /** True if a non-empty legacy annotation names a profile for container {@code name}; allocates nothing. */
  private static boolean annotated(MapNode annotations, String name) {
    int length = ANNOTATION_PREFIX.length() + name.length();
    for (int i = 0; i < annotations.size(); i++) {
      String key = annotations.key(i);
      if (key.length() == length && key.startsWith(ANNOTATION_PREFIX)
          && key.regionMatches(ANNOTATION_PREFIX.length(), name, 0, name.length())) {
        String value = annotations.value(i).text();
        return value != null && !value.isEmpty();
      }
    }
    return false;
  }
}
