/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ParameterKey;
import java.util.List;

/**
 * The shared check of the probe rules: long-running containers (regular ones and native sidecars,
 * i.e. init containers with {@code restartPolicy: Always}) of long-running pods must declare the
 * probe.
 */
final class Probes {

  /** The kinds whose pods run to completion, shared by the liveness and readiness probe rules. */
  static final ParameterKey<List<String>> BATCH_KINDS = ParameterKey.ofList("batchKinds",
      List.of("Job", "CronJob", "ScaledJob"), "Kinds whose pods run to completion and need no probes.");

  private Probes() {}

  static void check(Resource resource, Context context, List<String> batchKinds, String field, String what) {
    if (!runsForever(resource, batchKinds)) {
      return;
    }
    List<Container> containers = resource.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (lacks(c, field)) {
        context.report(resource, c.node(), c.describe() + " of " + resource.displayName() + " has no " + what
            + " (" + field + ")");
      }
    }
  }

  /**
   * True if the pods of {@code resource} are meant to run until replaced: it carries a pod, its
   * kind is not one of {@code batchKinds}, and the pod's restartPolicy is neither Never nor
   * OnFailure.
   */
  static boolean runsForever(Resource resource, List<String> batchKinds) {
    PodSpec pod = resource.podSpec();
    if (pod == null || batchKinds.contains(resource.kind())) {
      return false;
    }
    Node restart = pod.spec().get("restartPolicy");
    return !restart.textEquals("Never") && !restart.textEquals("OnFailure");
  }

  /** True if {@code c} is long-running (a regular container or a native sidecar) and lacks {@code field}. */
  static boolean lacks(Container c, String field) {
    return longRunning(c) && c.node().get(field).isNull();
  }

  /** True for a regular container or a native sidecar (an init container with restartPolicy: Always). */
  static boolean longRunning(Container c) {
    return c.type() == Container.Type.REGULAR
        || (c.type() == Container.Type.INIT && c.node().get("restartPolicy").textEquals("Always"));
  }
}
