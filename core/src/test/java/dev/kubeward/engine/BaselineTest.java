/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import static dev.kubeward.engine.TestRules.metadata;
import static dev.kubeward.rule.RuleMetadata.ANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.rule.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Baselines accept today's findings by key; template annotations and expiring suppressions. */
class BaselineTest {

  /** Reports the name of every object it sees, at MEDIUM. */
  private final TestRules.Recording named = new TestRules.Recording(metadata("named", ANY).build(),
      (r, c) -> c.report(r, r.root().get("metadata").get("name"), "object " + r.name() + " exists"));

  private static final String TWO = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a, namespace: shop}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: b, namespace: shop}
      """;

  private Kubeward.Builder builder() {
    return Kubeward.builder().rules(List.of(named));
  }

  @Test
  void aBaselineAcceptsWhatItHoldsAndOnlyNewFindingsCount() {
    ScanReport before = builder().build().scanString("cm.yaml", TWO);
    Baseline baseline = Baseline.parse("baseline.json", Baseline.of(before).toString());
    assertThat(baseline.entries()).extracting(Baseline.Entry::rule, Baseline.Entry::resource)
        .containsExactly(org.assertj.core.api.Assertions.tuple("named", "ConfigMap shop/a"),
            org.assertj.core.api.Assertions.tuple("named", "ConfigMap shop/b"));

    // Lines move and a third object appears: the two accepted findings stay accepted by key.
    String later = "# a comment that moves every line\n" + TWO
        + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n";
    ScanReport after = builder().baseline(baseline).build().scanString("cm.yaml", later);
    assertThat(after.findings()).extracting(f -> f.resource().name(), Finding::baselined)
        .containsExactly(org.assertj.core.api.Assertions.tuple("a", true),
            org.assertj.core.api.Assertions.tuple("b", true),
            org.assertj.core.api.Assertions.tuple("c", false));
    assertThat(after.exitCode(Severity.LOW)).isEqualTo(1);
    assertThat(after.baseline().accepted()).isEqualTo(2);
    assertThat(after.baseline().unmatched()).isEmpty();

    ScanReport fixed = builder().baseline(baseline).build().scanString("cm.yaml", TWO.replace("name: b", "name: x")
        .replace("kind: ConfigMap\nmetadata: {name: x", "kind: Secret\nmetadata: {name: x"));
    assertThat(fixed.baseline().unmatched()).extracting(Baseline.Entry::resource).containsExactly("ConfigMap shop/b");
    ScanReport clean = builder().baseline(baseline).build().scanString("cm.yaml", TWO);
    assertThat(clean.exitCode(Severity.LOW)).isZero();
  }

  @Test
  void aBaselineFileIsCheckedWithPositions() {
    assertThatThrownBy(() -> Baseline.parse("b.json", "[]")).hasMessage(
        "b.json:1:1: a baseline file is a JSON object with schemaVersion and findings");
    assertThatThrownBy(() -> Baseline.parse("b.json", "{\"schemaVersion\": 2, \"findings\": []}"))
        .hasMessageStartingWith("b.json:1:19: schemaVersion must be 1");
    assertThatThrownBy(() -> Baseline.parse("b.json", "{\"schemaVersion\": 1, \"findings\": [{\"rule\": \"x\"}]}"))
        .hasMessage("b.json:1:35: every entry of findings needs a key");
  }

  @Test
  void podTemplateAnnotationsSuppressLikeTheObjectsOwn() {
    String deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata:
              annotations:
                ignore.kubeward.dev/named: "set through the chart's podAnnotations"
            spec:
              containers: [{name: web, image: web:1}]
        """;
    Finding f = builder().build().scanString("d.yaml", deployment).findings().get(0);
    assertThat(f.suppressed()).isTrue();
    assertThat(f.suppression()).isEqualTo("set through the chart's podAnnotations");
    Finding unrelated = builder().build().scanString("d.yaml", deployment.replace("/named", "/other")).findings().get(0);
    assertThat(unrelated.suppressed()).isFalse();
  }

  @Test
  void aSuppressionWithAnEndDateHoldsThroughThatDayAndThenReportsAgainWithANote() {
    String cm = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          annotations: {ignore.kubeward.dev/named: "until 2027-03-01: migrating in SEC-9"}
        """;
    Finding before = builder().clock(at("2027-03-01T23:59:00Z")).build().scanString("cm.yaml", cm).findings().get(0);
    assertThat(before.suppressed()).isTrue();
    assertThat(before.suppression()).isEqualTo("until 2027-03-01: migrating in SEC-9");
    Finding after = builder().clock(at("2027-03-02T00:00:00Z")).build().scanString("cm.yaml", cm).findings().get(0);
    assertThat(after.suppressed()).isFalse();
    assertThat(after.message()).isEqualTo("object a exists (suppression expired on 2027-03-01: migrating in SEC-9)");
    Finding notADate = builder().clock(at("2030-01-01T00:00:00Z")).build()
        .scanString("cm.yaml", cm.replace("2027-03-01", "someday")).findings().get(0);
    assertThat(notADate.suppressed()).isTrue();
  }

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }
}
