/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kubeward.assertj.RuleFixtures;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.rule.PssVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pss-* profiles end to end, with rules found through ServiceLoader as the CLI finds them: the
 * expectations live in the scan fixtures under {@code scans/}.
 */
class PodSecurityEndToEndTest {

  @Test
  void restrictedAtV1_25ReportsExactlyWhatAdmissionRejects() {
    Kubeward scanner = Kubeward.builder().profile(Profile.PSS_RESTRICTED).pssVersion(PssVersion.parse("v1.25")).build();
    RuleFixtures.verifyScan(scanner, "scans/pss-restricted-v1.25.yaml");
  }

  @Test
  void baselineAtV1_25ReportsOnlyBaselineChecks() {
    Kubeward scanner = Kubeward.builder().profile(Profile.PSS_BASELINE).pssVersion(PssVersion.parse("v1.25")).build();
    RuleFixtures.verifyScan(scanner, "scans/pss-baseline-v1.25.yaml");
  }

  @Test
  void findingsCarryTheUpstreamCheckIdAsControl() {
    Kubeward scanner = Kubeward.builder().profile(Profile.PSS_RESTRICTED).pssVersion(PssVersion.parse("v1.25")).build();
    ScanReport report = scanner.scanString("pod.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          containers:
            - name: app
              image: nginx:1.25
              securityContext:
                runAsNonRoot: true
                allowPrivilegeEscalation: false
                seccompProfile: {type: RuntimeDefault}
                capabilities: {add: [SYS_ADMIN]}
        """);
    assertThat(report.findings()).extracting(Finding::rule, Finding::controls).containsExactly(
        tuple("capabilities-restricted", List.of("pss-restricted:capabilities_restricted")),
        tuple("capabilities-restricted", List.of("pss-restricted:capabilities_restricted")));
    assertThat(report.findings()).extracting(Finding::path).containsExactly(
        "/spec/containers/0/securityContext/capabilities",
        "/spec/containers/0/securityContext/capabilities/add/0");
  }
}
