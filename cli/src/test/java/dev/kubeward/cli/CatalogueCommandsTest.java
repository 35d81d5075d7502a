/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static dev.kubeward.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.cli.Cli.Result;
import org.junit.jupiter.api.Test;

/** {@code kubeward rules} and {@code kubeward explain}. */
class CatalogueCommandsTest {

  @Test
  void rulesListsTheCatalogueAsText() {
    Result r = cli().run("rules");
    assertThat(r.out()).isEqualTo("""
        ID                          SEVERITY  TOPIC         CONTROLS                     TITLE
        duplicate-object            INFO      hygiene       -                            Object defined more than once
        smoke-host-network          HIGH      pod-security  pss-baseline:hostNamespaces  Host network (test rule)
        smoke-image-latest          MEDIUM    images        -                            Image on the latest tag (test rule)
        smoke-privileged            HIGH      pod-security  pss-baseline:privileged      Privileged container (test rule)
        suppression-without-reason  LOW       hygiene       -                            Suppression without a reason
        test-settings               INFO      hygiene       -                            Scan settings (test rule)
            parameter levels (list, default baseline,restricted): Levels worth echoing.
        6 rules
        """);
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void rulesAsJsonListIdSeverityTopicAndControls() {
    Result r = cli().run("rules", "--format", "json");
    assertThat(r.out()).startsWith("""
        {
          "rules": [
            {
              "id": "duplicate-object",
              "title": "Object defined more than once",
              "severity": "INFO",
              "topic": "hygiene",
              "controls": [],
              "profiles": [
                "recommended",
                "all"
              ],
              "optIn": false,
              "since": "0.1.0",
              "kinds": [
                "any"
              ],
              "rationale": "When the same object is defined twice, kubectl apply keeps whichever copy it applies last, so what runs depends on file order. Kubeward checks every copy, and its cross-resource rules count every copy (a grant in either copy is a grant), so that a harmless decoy never hides the copy that is applied.",
              "remediation": "Keep one definition of the object, or scan the projects apart with --join-scope.",
              "parameters": []
            },
            {
              "id": "smoke-host-network",
              "title": "Host network (test rule)",
              "severity": "HIGH",
              "topic": "pod-security",
              "controls": [
                "pss-baseline:hostNamespaces"
              ],
              "profiles": [
                "recommended",
                "pss-baseline",
                "pss-restricted",
                "all"
              ],
              "optIn": false,
              "since": "0.1.0",
              "kinds": [
                "workloads"
              ],
              "rationale": "A pod on the host network sees every connection of its node.",
              "remediation": "Remove hostNetwork.",
              "parameters": []
            },
        """);
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void rulesAsMarkdownIsATableThenASectionPerRule() {
    Result r = cli().run("rules", "--format", "markdown");
    assertThat(r.out()).startsWith("# Kubeward rules\n");
    assertThat(r.out().lines().toList()).contains(
        "| [`smoke-privileged`](#smoke-privileged) | Privileged container (test rule) | HIGH | pod-security"
            + " | `pss-baseline:privileged` | recommended, pss-baseline, pss-restricted, all |",
        "## smoke-privileged");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void anUnknownCatalogueFormatIsAUsageError() {
    Result r = cli().run("rules", "--format", "yaml");
    assertThat(r.err()).isEqualTo("kubeward: invalid value for option '--format': unknown catalogue format 'yaml'"
        + " (expected text, json or markdown)\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void explainTellsWhyHowAndHowToSuppress() {
    Result r = cli().run("explain", "smoke-privileged");
    assertThat(r.out()).isEqualTo("""
        smoke-privileged: Privileged container (test rule)

          Severity:   HIGH
          Topic:      pod-security
          Controls:   pss-baseline:privileged
          Profiles:   recommended, pss-baseline, pss-restricted, all
          Kinds:      workloads
          Since:      0.1.0

        Why it matters
          A privileged container can take over its node.

        How to fix it
          Set securityContext.privileged to false.

        To accept a finding on one object, annotate it:
          metadata:
            annotations:
              ignore.kubeward.dev/smoke-privileged: "<reason>"
        """);
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void explainListsTheParameters() {
    Result r = cli().run("explain", "test-settings");
    assertThat(r.out()).contains("""
          Profiles:   all
          Kinds:      Namespace
          Since:      0.1.0

        Why it matters
          Shows what the rules see.

        How to fix it
          Nothing to do.

        Parameters
          levels (list, default baseline,restricted): Levels worth echoing.

        """);
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void explainingAnUnknownRuleIsAUsageError() {
    Result r = cli().run("explain", "privileged");
    assertThat(r.err()).isEqualTo("kubeward: unknown rule 'privileged' (see 'kubeward rules')\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void twoRulesWithOneIdAreReportedNotThrown() {
    Result r = cli().rules(() -> java.util.List.of(new TestRules.Privileged(), new TestRules.Privileged())).run("rules");
    assertThat(r.err()).isEqualTo("kubeward: two rules have the id smoke-privileged\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void explainWithoutARuleIsAUsageError() {
    Result r = cli().run("explain");
    assertThat(r.err()).isEqualTo("kubeward: missing required parameter: 'RULE-ID' (see 'kubeward explain --help')\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }
}
