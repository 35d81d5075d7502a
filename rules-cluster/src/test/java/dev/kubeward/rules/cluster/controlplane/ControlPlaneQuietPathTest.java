/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import dev.kubeward.assertj.QuietPath;
import dev.kubeward.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The control-plane rules allocate nothing on a workload that runs no control-plane component. */
class ControlPlaneQuietPathTest {

  @Test
  void anOrdinaryWorkloadCostsNothing() {
    List<Rule> rules = new ArrayList<>(ControlPlaneFlag.rules());
    rules.add(new ControlPlaneCommandNotCheckable());
    rules.add(new ControlPlaneVersionUnsupported());
    QuietPath.of(rules).assertAllocatesNothingOn("web.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            component: frontend
        spec:
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: registry.example.com/web:1.4.2
                command: ["/web", "--listen=:8080"]
                args: ["--verbose"]
        """);
  }
}
