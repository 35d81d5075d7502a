/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/** A container whose root filesystem is writable: {@code readOnlyRootFilesystem} is not true. */
public final class WritableRootFilesystem implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("writable-root-filesystem")
      .title("Writable root filesystem")
      .severity(Severity.MEDIUM)
      .topic(Topic.POD_SECURITY)
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("A writable root filesystem lets an intruder drop tools, alter binaries and libraries and"
          + " persist across process restarts inside the container. readOnlyRootFilesystem exists only in"
          + " the container's securityContext (a pod-level one is ignored), so every container, init and"
          + " ephemeral ones included, must set it to true; scratch space goes to emptyDir volumes. Windows"
          + " pods (spec.os.name: windows) cannot set it and are skipped.")
      .remediation("Set securityContext.readOnlyRootFilesystem: true on the container and mount an emptyDir"
          + " where it needs to write.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    PodSpec pod = resource.podSpec();
    if (pod.isWindows()) {
      return;
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node ro = c.securityContext().get("readOnlyRootFilesystem");
      if (ro.isTrue()) {
        continue;
      }
      if (ro.isNull()) {
        context.report(resource, Targets.securityContextOf(c), c.describe() + " of " + resource.displayName()
            + " has a writable root filesystem (securityContext.readOnlyRootFilesystem is not set)");
      } else {
        context.report(resource, ro, c.describe() + " of " + resource.displayName()
            + " has a writable root filesystem (readOnlyRootFilesystem: " + Targets.spelled(ro) + ")");
      }
    }
  }
}
