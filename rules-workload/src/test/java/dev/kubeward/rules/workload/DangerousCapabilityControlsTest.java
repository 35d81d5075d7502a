/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.rules.workload.hardening.DangerousCapability;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings of dangerous-capability carry CIS 5.2.8 only when they add NET_RAW (or ALL, which has it). */
class DangerousCapabilityControlsTest {

  @Test
  void netRawFindingsAlsoCarryTheNetRawControl() {
    String pod = String.join("\n",
        "apiVersion: v1",
        "kind: Pod",
        "metadata: {name: fire-caps}",
        "spec:",
        "  containers:",
        "    - name: app",
        "      image: app:1.0",
        "      securityContext: {capabilities: {add: [SYS_ADMIN, net_raw, ALL]}}",
        "");
    Kubeward scanner = Kubeward.builder().rules(List.of(new DangerousCapability())).profile(Profile.ALL).build();

    assertThat(scanner.scanString("pod.yaml", pod).findings())
        .extracting(Finding::path, Finding::controls)
        .containsExactly(
            tuple("/spec/containers/0/securityContext/capabilities/add/0", List.of("cis-k8s:5.2.9")),
            tuple("/spec/containers/0/securityContext/capabilities/add/1", List.of("cis-k8s:5.2.8", "cis-k8s:5.2.9")),
            tuple("/spec/containers/0/securityContext/capabilities/add/2", List.of("cis-k8s:5.2.8", "cis-k8s:5.2.9")));
  }
}
