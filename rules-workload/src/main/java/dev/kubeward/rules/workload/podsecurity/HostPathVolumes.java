/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;

/**
 * A hostPath volume: Pod Security Standards Baseline, check {@code hostPathVolumes} (every policy
 * version; at restricted always replaced by {@code restrictedVolumes}, which forbids hostPath
 * too). Any path fails, read-only or not.
 */
public final class HostPathVolumes extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("host-path-volumes", PssCheck.HOST_PATH_VOLUMES, Severity.HIGH)
          .title("hostPath volume")
          .rationale("A hostPath volume exposes the node's file system to the pod: container runtime sockets,"
              + " kubelet credentials and host configuration are one mount away, and even a read-only"
              + " mount leaks secrets of every pod on the node.")
          .remediation("Replace hostPath volumes with persistent volume claims, configMap, secret, emptyDir or"
              + " CSI volumes.")
          .build();

  public HostPathVolumes() {
    super(PssCheck.HOST_PATH_VOLUMES);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    ListNode volumes = pod.volumes().asList();
    for (int i = 0; i < volumes.size(); i++) {
      MapNode volume = volumes.get(i).asMap();
      if (isHostPath(volume)) {
        out.report(resource, volume.keyNode("hostPath"), subject(resource) + " must not use hostPath volume "
            + value(volume.get("name")) + " (path " + value(volume.get("hostPath").get("path")) + ")");
      }
    }
  }

  private static boolean isHostPath(Node volume) {
    return !volume.get("hostPath").isNull();
  }
}
