/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.assertj.CatalogueChecks;
import dev.kubeward.assertj.QuietPath;
import dev.kubeward.assertj.RuleFixtures;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What a plugin author writes: the fixture kit over every rule, the catalogue checks, and the check
 * that the rules allocate nothing on a compliant resource.
 */
class ExampleRulesTest {

  @TestFactory
  Stream<DynamicTest> fixtures() {
    return new ExampleRules().rules().stream().flatMap(rule -> RuleFixtures.of(rule).tests());
  }

  @Test
  void catalogue() {
    CatalogueChecks.verify(new ExampleRules());
  }

  @Test
  void theQuietPathAllocatesNothing() {
    QuietPath.of(new ExampleRules().rules()).assertAllocatesNothingOn("cert.yaml", """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: web, namespace: shop}
        spec: {secretName: web-tls, duration: 2159h30m, issuerRef: {name: letsencrypt}}
        """);
  }

  @Test
  void thePluginIsDiscoveredNextToTheBuiltInRules() {
    ScanReport report = Kubeward.builder().build().scanString("cert.yaml", """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: web
          namespace: shop
        spec:
          duration: 8760h
        """);
    assertThat(report.findings()).extracting(Finding::toString).containsExactly(
        "cert.yaml:7:13: MEDIUM Certificate shop/web lives 8760h, longer than the allowed 2160h (spec.duration)"
            + " [certificate-lifetime-too-long]");
  }
}
