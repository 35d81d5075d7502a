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
import dev.kubeward.rule.Topic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Suppression by annotation and by configured exemption. */
class SuppressionTest {

  /** Reports the name of every object it sees. */
  private final TestRules.Recording named = new TestRules.Recording(metadata("named", ANY).build(),
      (r, c) -> c.report(r, r.root().get("metadata").get("name"), "object " + r.name() + " exists"));
  private final TestRules.Recording other = new TestRules.Recording(metadata("other-rule", ANY).build(),
      (r, c) -> { });

  private static final String MANIFESTS = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: with-reason
        annotations:
          ignore.kubeward.dev/named: "reviewed in SEC-12, data is public"
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: empty-reason
        annotations:
          team: shop
          ignore.kubeward.dev/named: ""
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: blank-reason
        annotations:
          ignore.kubeward.dev/other-rule: "   "
          ignore.kubeward.dev/named:
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: other-rule-only
        annotations: {ignore.kubeward.dev/other-rule: not this one}
      """;

  private Kubeward scanner(List<Exemption> exemptions) {
    Configuration config = Configuration.builder().exemptions(exemptions).build();
    return Kubeward.builder().rules(List.of(named, other)).configuration(config).build();
  }

  @Test
  void anAnnotationWithAReasonSuppressesAndTheFindingStays() {
    ScanReport report = scanner(List.of()).scanString("cm.yaml", MANIFESTS);

    Finding suppressed = report.findings().get(0);
    assertThat(suppressed.rule()).isEqualTo("named");
    assertThat(suppressed.location()).isEqualTo("cm.yaml:4:9");
    assertThat(suppressed.suppressed()).isTrue();
    assertThat(suppressed.suppression()).isEqualTo("reviewed in SEC-12, data is public");
    assertThat(suppressed.toString()).endsWith("[named] (suppressed)");
    assertThat(report.suppressedCount()).isEqualTo(1);
    assertThat(report.activeFindings()).doesNotContain(suppressed);
  }

  @Test
  void anEmptyReasonIsReportedAndSuppressesNothing() {
    ScanReport report = scanner(List.of()).scanString("cm.yaml", MANIFESTS);

    assertThat(report.findings()).extracting(Finding::toString).containsExactly(
        "cm.yaml:4:9: MEDIUM object with-reason exists [named] (suppressed)",
        "cm.yaml:11:9: MEDIUM object empty-reason exists [named]",
        "cm.yaml:14:5: LOW annotation \"ignore.kubeward.dev/named\" of ConfigMap empty-reason gives no reason, "
            + "so it suppresses nothing [suppression-without-reason]",
        "cm.yaml:19:9: MEDIUM object blank-reason exists [named]",
        "cm.yaml:21:5: LOW annotation \"ignore.kubeward.dev/other-rule\" of ConfigMap blank-reason gives no reason, "
            + "so it suppresses nothing [suppression-without-reason]",
        "cm.yaml:22:5: LOW annotation \"ignore.kubeward.dev/named\" of ConfigMap blank-reason gives no reason, "
            + "so it suppresses nothing [suppression-without-reason]",
        "cm.yaml:27:9: MEDIUM object other-rule-only exists [named]");
    Finding noReason = report.findings().get(2);
    assertThat(noReason.severity()).isEqualTo(Severity.LOW);
    assertThat(noReason.topic()).isEqualTo(Topic.HYGIENE);
    assertThat(noReason.path()).isEqualTo("/metadata/annotations/ignore.kubeward.dev~1named");
    assertThat(noReason.suppressed()).isFalse();
  }

  @Test
  void theBuiltInRuleIsSelectedLikeAnyOther() {
    Kubeward skipping = Kubeward.builder().rules(List.of(named)).skipRules(Set.of(Kubeward.SUPPRESSION_WITHOUT_REASON)).build();

    assertThat(skipping.scanString("cm.yaml", MANIFESTS).findings()).extracting(Finding::rule).containsOnly("named");
  }

  @Test
  void exemptionsMatchRuleKindNamespaceAndNameGlobs() {
    String yaml = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: cilium-agent, namespace: kube-system}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: cilium-operator, namespace: kube-system}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: calico-node, namespace: kube-system}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: cilium-ui, namespace: kube-system}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: cilium-agent, namespace: default}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: cilium-x}
        """;
    Kubeward scanner = scanner(List.of(
        new Exemption("named", "DaemonSet", "kube-system", "cilium*", "CNI needs privileges"),
        new Exemption("*", "Namespace", null, "*-x", "namespaces are fine")));

    ScanReport report = scanner.scanString("ds.yaml", yaml);

    assertThat(report.findings()).extracting(f -> f.resource().name() + "/" + f.resource().namespace() + " " + f.suppression())
        .containsExactly(
            "cilium-agent/kube-system CNI needs privileges",
            "cilium-operator/kube-system CNI needs privileges",
            "calico-node/kube-system null",
            "cilium-ui/kube-system null",
            "cilium-agent/default null",
            "cilium-x/null namespaces are fine");
  }

  @Test
  void exemptionGlobs() {
    ResourceRef ref = new ResourceRef("v1", "ConfigMap", null, "app.config");

    assertThat(new Exemption("r", null, null, null, "x").covers("r", ref)).isTrue();
    assertThat(new Exemption("r", null, "", null, "x").covers("r", ref)).as("empty pattern, no namespace").isTrue();
    assertThat(new Exemption("r", null, "default", null, "x").covers("r", ref)).isFalse();
    assertThat(new Exemption("r", "Config*", null, "*.config", "x").covers("r", ref)).isTrue();
    assertThat(new Exemption("r", null, null, "app*config", "x").covers("r", ref)).isTrue();
    assertThat(new Exemption("r", null, null, "app?config", "x").covers("r", ref)).as("only * is special").isFalse();
    assertThat(new Exemption("r", null, null, "app.*", "x").covers("r", ref)).isTrue();
    assertThat(new Exemption("image-*", null, null, null, "x").covers("image-not-pinned", ref)).isTrue();
    assertThat(new Exemption("image-*", null, null, null, "x").covers("run-as-root", ref)).isFalse();
  }

  @Test
  void anExemptionNeedsAReason() {
    assertThatThrownBy(() -> new Exemption("named", null, null, null, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an exemption of rule named needs a reason");
  }

  @Test
  void aResourceIsAnnotatedForSuppressionByItsOwnAnnotationsOrItsPodTemplates() {
    List<dev.kubeward.model.Resource> resources = dev.kubeward.load.Loader.defaults().loadString("a.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: plain, annotations: {team: shop, kubeward.dev/ignore: not the prefix}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: own, annotations: {ignore.kubeward.dev/other-rule: reviewed}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: template}
        spec:
          template:
            metadata: {annotations: {ignore.kubeward.dev/named: set through the chart}}
            spec: {containers: [{name: app, image: app:1}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: neither, annotations: {team: shop}}
        spec:
          template:
            metadata: {annotations: {team: shop}}
            spec: {containers: [{name: app, image: app:1}]}
        """).resources();
    Suppressions suppressions = new Suppressions(List.of());

    assertThat(resources).extracting(Suppressions::annotated).containsExactly(false, true, true, false);
    for (dev.kubeward.model.Resource r : resources) {
      assertThat(suppressions.declared("named", r, Suppressions.annotated(r))).as(r.name())
          .isEqualTo(suppressions.declared("named", r, true));
    }
    assertThat(suppressions.declared("named", resources.get(2))).isEqualTo("set through the chart");
  }
}
