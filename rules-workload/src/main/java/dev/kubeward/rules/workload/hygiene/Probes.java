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

  /** Kinds whose pods run to completion, by default. */
  /** The kinds whose pods run to completion, shared by the liveness and readiness probe rules. */
  static final ParameterKey<List<String>> BATCH_KINDS = ParameterKey.ofList("batchKinds",
      List.of("Job", "CronJob", "ScaledJob"), "Kinds whose pods run to completion and need no probes.");

  private Probes() {}

  static void check(Resource resource, Context context, List<String> batchKinds, String field, String what) {
    if (batchKinds.contains(resource.kind())) {
      return;
    }
    PodSpec pod = resource.podSpec();
    Node restart = pod.spec().get("restartPolicy");
    if (restart.textEquals("Never") || restart.textEquals("OnFailure")) {
      return;
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      boolean longRunning = c.type() == Container.Type.REGULAR
          || (c.type() == Container.Type.INIT && c.node().get("restartPolicy").textEquals("Always"));
      if (longRunning && c.node().get(field).isNull()) {
        context.report(resource, c.node(), c.describe() + " of " + resource.displayName() + " has no " + what
            + " (" + field + ")");
      }
    }
  }
}
