/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Configuration;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.rule.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The admission rule weighs each finding (rejected HIGH, warned MEDIUM, audited LOW); a severity the
 * configuration sets for the rule still applies to all of them.
 */
class PodSecurityAdmissionSeverityTest {

  private static final String YAML = """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels:
          pod-security.kubernetes.io/enforce: baseline
          pod-security.kubernetes.io/warn: restricted
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop}
      spec:
        hostIPC: true
        securityContext: {seccompProfile: {type: RuntimeDefault}}
        containers:
          - name: app
            image: nginx:1.25
            securityContext: {runAsNonRoot: true, capabilities: {drop: [ALL]}}
      """;

  private static List<Severity> severities(Configuration configuration) {
    Kubeward scanner = Kubeward.builder().rules(List.of(new PodSecurityAdmission())).configuration(configuration).build();
    return scanner.scanString("ns.yaml", YAML).findings().stream().map(Finding::severity).toList();
  }

  @Test
  void rejectionsAreHighAndWarningsMedium() {
    assertThat(severities(Configuration.empty())).containsExactly(Severity.HIGH, Severity.MEDIUM);
  }

  @Test
  void aConfiguredSeverityAppliesToEveryFindingOfTheRule() {
    Configuration low = Configuration.builder().severity("pod-security-admission", Severity.LOW).build();
    assertThat(severities(low)).containsExactly(Severity.LOW, Severity.LOW);
  }
}
