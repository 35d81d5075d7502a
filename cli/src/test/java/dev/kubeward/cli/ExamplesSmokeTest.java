/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static dev.kubeward.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.cli.Cli.Result;
import dev.kubeward.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scans the example shops ({@code examples/manifests}) through the command line with the rules
 * found on the class path, as {@code ./kubeward scan examples/} does: the smoke rules of the test
 * class path, and the real workload rules once their module ships them.
 */
class ExamplesSmokeTest {

  static final String EXAMPLES = "../examples/manifests";
  static final String INSECURE = EXAMPLES + "/insecure-shop";
  static final String HARDENED = EXAMPLES + "/hardened-shop";

  private static final Pattern FINDING =
      Pattern.compile("^(.+):(\\d+):(\\d+): [A-Z]+ .* \\[([a-z0-9-]+)\\]( \\(suppressed: .*\\))?$");

  /** Where the smoke rules must point in the insecure shop: {@code file:line:col rule}. */
  static final List<String> INSECURE_SMOKE = List.of(
      INSECURE + "/frontend.yaml:22:20 smoke-host-network",
      INSECURE + "/frontend.yaml:25:18 smoke-image-latest",
      INSECURE + "/frontend.yaml:32:25 smoke-privileged",
      INSECURE + "/payments.yaml:25:18 smoke-image-latest",
      INSECURE + "/payments.yaml:29:18 smoke-image-latest");

  /**
   * Where the real workload rules must point in the insecure shop: {@code file:line rule}. Lines
   * only: which column (key or value) a rule points at is the rule's own decision.
   */
  static final List<String> INSECURE_REAL = List.of(
      INSECURE + "/frontend.yaml:22 host-namespaces",
      INSECURE + "/frontend.yaml:25 image-not-pinned",
      INSECURE + "/frontend.yaml:32 privileged-container",
      INSECURE + "/payments.yaml:22 host-namespaces",
      INSECURE + "/payments.yaml:25 image-not-pinned",
      INSECURE + "/payments.yaml:29 image-not-pinned");

  @Test
  void bothShopsLoadWithoutErrorsFromEveryFile() {
    Result r = cli().discovering().run("scan", EXAMPLES);
    assertThat(r.out()).contains("\nSummary: 10 files, 27 documents, 27 resources; ").contains(" suppressed, 0 errors\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void theJsonReportOfBothShopsIsAsDocumented() {
    // Cli checks it against docs/report.schema.json; every profile, so that every shipped rule may report.
    Result r = cli().discovering().run("scan", "--profile", "all", "--format", "json", EXAMPLES);
    assertThat(r.out()).contains("\"schemaVersion\": 1,");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void theSmokeRulesFindTheInsecureShopsProblemsExactly() {
    Result r = cli().discovering().run("scan", "--rule", "smoke-privileged", "--rule", "smoke-host-network",
        "--rule", "smoke-image-latest", INSECURE);
    assertThat(findings(r.out(), true)).containsExactlyElementsOf(INSECURE_SMOKE);
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void theSmokeRulesFindNothingInTheHardenedShop() {
    Result r = cli().discovering().run("scan", "--rule", "smoke-privileged", "--rule", "smoke-host-network",
        "--rule", "smoke-image-latest", HARDENED);
    assertThat(findings(r.out(), true)).isEmpty();
    assertThat(r.out()).contains("Summary: 6 files, 20 documents, 20 resources; 0 findings, 0 suppressed, 0 errors\n");
    assertThat(r.exitCode()).isZero();
  }

  /** The workload rules find exactly the insecure shop's problems and nothing in the hardened shop. */
  @ParameterizedTest
  @ValueSource(strings = {"privileged-container", "host-namespaces", "image-not-pinned"})
  void theWorkloadRulesFindTheInsecureShopsProblemsAndNothingInTheHardenedShop(String rule) {
    List<String> ids = Main.catalogue(Environment.system()).stream().map(RuleMetadata::id).toList();
    assertThat(ids).contains(rule);
    Result insecure = cli().discovering().run("scan", "--rule", rule, INSECURE);
    assertThat(findings(insecure.out(), false))
        .containsExactlyElementsOf(INSECURE_REAL.stream().filter(f -> f.endsWith(" " + rule)).toList());
    assertThat(insecure.exitCode()).isEqualTo(1);
    Result hardened = cli().discovering().run("scan", "--rule", rule, HARDENED);
    assertThat(findings(hardened.out(), false)).isEmpty();
    assertThat(hardened.exitCode()).isZero();
  }

  /** Every shipped rule, opt-in ones included, leaves the hardened shop alone. */
  @Test
  void theHardenedShopIsCleanUnderEveryRule() {
    Result hardened = cli().discovering().run("scan", "--profile", "all", HARDENED);
    assertThat(findings(hardened.out(), true)).isEmpty();
    assertThat(hardened.out()).contains("Summary: 6 files, 20 documents, 20 resources; 0 findings, 0 suppressed, 0 errors\n");
    assertThat(hardened.exitCode()).isZero();
  }

  /** The findings of a text report as {@code file:line:col rule}, or {@code file:line rule}. */
  static List<String> findings(String text, boolean withColumn) {
    List<String> out = new ArrayList<>();
    for (String line : text.lines().toList()) {
      Matcher m = FINDING.matcher(line);
      if (m.matches()) {
        out.add(m.group(1) + ":" + m.group(2) + (withColumn ? ":" + m.group(3) : "") + " " + m.group(4));
      }
    }
    return out;
  }
}
