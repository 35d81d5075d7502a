/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.lifecycle;

import dev.kubeward.assertj.QuietPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API lifecycle rules run on every Deployment, Ingress, CronJob and the like of a scan: on
 * current API versions and pod templates without the legacy annotations they report nothing and
 * allocate nothing ({@link QuietPath}).
 */
class LifecycleQuietPathTest {

  private static final String CURRENT = String.join("\n",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: web, namespace: shop}",
      "spec:",
      "  template:",
      "    metadata:",
      "      annotations: {prometheus.io/scrape: \"true\"}",
      "    spec:",
      "      securityContext: {seccompProfile: {type: RuntimeDefault}}",
      "      containers: [{name: web, image: web:1.0}]",
      "---",
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: {name: web, namespace: shop}",
      "---",
      "apiVersion: batch/v1",
      "kind: CronJob",
      "metadata: {name: nightly, namespace: shop}",
      "spec: {schedule: \"0 0 * * *\", jobTemplate: {spec: {template: {spec: {containers: [{name: j, image: j:1}]}}}}}",
      "---",
      "apiVersion: policy/v1",
      "kind: PodDisruptionBudget",
      "metadata: {name: web, namespace: shop}",
      "");

  @Test
  void currentApiVersionsAreQuietAndAllocateNothing() {
    QuietPath.of(List.of(new RemovedApiVersion(), new DeprecatedApiVersion(), new DeprecatedSecurityAnnotation()))
        .assertAllocatesNothingOn("shop.yaml", CURRENT);
  }
}
