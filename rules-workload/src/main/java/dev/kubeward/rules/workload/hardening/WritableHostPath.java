/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.model.Volumes;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A container that mounts a hostPath volume without {@code readOnly: true}, reported at the
 * volume mount (its {@code readOnly} value when it has one), with the volume's path as a related
 * location. Every mount counts: the same volume may be read-only in one container and writable in
 * another.
 */
public final class WritableHostPath implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("writable-host-path")
      .title("Host path mounted writable")
      .severity(Severity.MEDIUM)
      .topic(Topic.POD_SECURITY)
      .controls("cis-k8s:5.2.11", "mitre-attack:T1611")
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("A writable host path lets the container change files on the node: drop a binary or a"
          + " cron entry where the node will run it, replace a CNI plugin or a static pod manifest, or fill"
          + " the node's disk; the change outlives the pod and reaches every other pod of the node. A"
          + " read-only mount still exposes what it reads (sensitive-host-path covers the paths that leak"
          + " credentials), but it cannot be used to plant anything. Only readOnly: true on the volume"
          + " mount counts; hostPath itself has no read-only switch. CIS Kubernetes Benchmark 1.12,"
          + " 5.2.11: minimize the admission of HostPath volumes.")
      .remediation("Set readOnly: true on the volume mount, or replace the hostPath volume with an emptyDir,"
          + " a ConfigMap or a persistent volume.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    PodSpec pod = resource.podSpec();
    if (pod.volumes().size() == 0) {
      return;
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node mounts = c.node().get("volumeMounts");
      for (int j = 0; j < mounts.size(); j++) {
        Node mount = mounts.get(j);
        Node readOnly = mount.get("readOnly");
        if (readOnly.isTrue()) {
          continue;
        }
        Node volume = Volumes.named(pod, mount.get("name").text());
        if (volume.get("hostPath").isNull()) {
          continue;
        }
        report(resource, c, mount, readOnly, volume, context);
      }
    }
  }

  private static void report(Resource resource, Container c, Node mount, Node readOnly, Node volume, Context context) {
    String name = Volumes.name(volume);
    Node path = Volumes.hostPathNode(volume);
    String why = readOnly.isNull() ? "readOnly is not set" : "readOnly: " + Targets.spelled(readOnly);
    context.finding(resource, readOnly.isNull() ? mount : readOnly)
        .message(c.describe() + " of " + resource.displayName() + " mounts host path \"" + path.text("")
            + "\" of volume \"" + name + "\" writable at " + mount.get("mountPath").text("(no mountPath)")
            + " (" + why + ")")
        .key(c.name() + "/" + name + "/" + mount.get("mountPath").text(""))
        .related(resource, path.isMissing() ? volume : path, "volume \"" + name + "\" is a hostPath volume")
        .report();
  }
}
