/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import static dev.kubeward.engine.TestRules.metadata;
import static dev.kubeward.rule.RuleMetadata.ANY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.InlineSuppression;
import dev.kubeward.model.Resource;
import dev.kubeward.report.ReportFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Configuration files without metadata: shown by kind and file, exempted by file glob, and
 * suppressed (like any object) by a {@code # kubeward:ignore} comment in the object's document.
 */
class InlineSuppressionTest {

  /** Reports every object at its kind. */
  private final TestRules.Recording seen = new TestRules.Recording(metadata("seen", ANY).build(),
      (r, c) -> c.report(r, r.root().get("kind"), r.displayName() + " seen"));

  private final Kubeward scanner = Kubeward.builder().rules(List.of(seen)).build();

  private static final String KUBELET = """
      apiVersion: kubelet.config.k8s.io/v1beta1
      kind: KubeletConfiguration
      readOnlyPort: 10255
      """;

  private Kubeward exempting(Exemption exemption) {
    return Kubeward.builder().rules(List.of(seen))
        .configuration(Configuration.builder().exemptions(List.of(exemption)).build()).build();
  }

  @Test
  void anUnnamedConfigurationFileIsShownByKindAndFile() {
    ScanReport report = scanner.scanString("nodes/kubelet.yaml", KUBELET);

    Finding f = report.findings().get(0);
    assertThat(f.message()).isEqualTo("KubeletConfiguration in nodes/kubelet.yaml seen");
    assertThat(f.resource().displayName()).isEqualTo("KubeletConfiguration in nodes/kubelet.yaml");
    assertThat(f.resource().name()).isNull();
    assertThat(write(ReportFormat.TEXT, report)).contains("nodes/kubelet.yaml:2:7: MEDIUM KubeletConfiguration in nodes/kubelet.yaml seen [seen]");
    assertThat(write(ReportFormat.JSON, report)).contains("\"message\": \"KubeletConfiguration in nodes/kubelet.yaml seen\"")
        .doesNotContain("<unnamed>");
    assertThat(write(ReportFormat.SARIF, report)).contains("\"name\": \"KubeletConfiguration in nodes/kubelet.yaml\"");
    assertThat(write(ReportFormat.JUNIT, report)).contains("seen KubeletConfiguration in nodes/kubelet.yaml (2:7)");
  }

  @Test
  void severalOfOneKindInAFileAreNumberedAndOtherUnnamedObjectsStayUnnamed() {
    ScanReport report = scanner.scanString("nodes/kubelet.yaml", KUBELET + "---\n" + KUBELET
        + "---\napiVersion: v1\nkind: ConfigMap\n---\napiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n");

    assertThat(report.findings()).extracting(Finding::message).containsExactly(
        "KubeletConfiguration #1 in nodes/kubelet.yaml seen",
        "KubeletConfiguration #2 in nodes/kubelet.yaml seen",
        "ConfigMap <unnamed> seen",
        "EncryptionConfiguration in nodes/kubelet.yaml seen");
    assertThat(report.findings()).extracting(Finding::key).doesNotHaveDuplicates();
    assertThat(report.findings().get(1).key()).isEqualTo("seen|kubelet.config.k8s.io/KubeletConfiguration//@nodes/kubelet.yaml#1|/kind");
    assertThat(write(ReportFormat.SARIF, report)).contains("\"name\": \"KubeletConfiguration #2 in nodes/kubelet.yaml\"");
  }

  @Test
  void aFileGlobExemptsOnlyMatchingFiles() {
    Exemption lab = new Exemption("seen", "KubeletConfiguration", null, null, "lab nodes", "nodes/**/kubelet.yaml");

    assertThat(exempting(lab).scanString("nodes/lab/a/kubelet.yaml", KUBELET).findings().get(0).suppression()).isEqualTo("lab nodes");
    assertThat(exempting(lab).scanString("nodes/kubelet.yaml", KUBELET).findings().get(0).suppressed()).as("** matches no folder too").isTrue();
    assertThat(exempting(lab).scanString("./nodes/x/../kubelet.yaml", KUBELET).findings().get(0).suppressed()).as("normalised").isTrue();
    assertThat(exempting(lab).scanString("prod/kubelet.yaml", KUBELET).findings().get(0).suppressed()).isFalse();

    Exemption oneFolder = new Exemption("seen", null, null, null, "top level only", "nodes/*.yaml");
    assertThat(exempting(oneFolder).scanString("nodes/kubelet.yaml", KUBELET).findings().get(0).suppressed()).isTrue();
    assertThat(exempting(oneFolder).scanString("nodes/lab/kubelet.yaml", KUBELET).findings().get(0).suppressed())
        .as("* stays within one folder").isFalse();
    assertThat(new Exemption("seen", null, null, null, "x").file()).as("no file: any").isEqualTo("**");
    assertThat(new Exemption("seen", null, null, null, "x", "a.yaml").covers("seen", new ResourceRef("v1", "Pod", null, "p")))
        .as("a reference without a file").isFalse();
  }

  @Test
  void aFileGlobIsReadFromTheConfigurationFile() {
    Configuration c = ConfigurationFile.parse("c.yaml", "exemptions: [{rule: seen, file: 'nodes/**', reason: lab}]\n");

    assertThat(c.exemptions()).containsExactly(new Exemption("seen", null, null, null, "lab", "nodes/**"));
  }

  @Test
  void aCommentSuppressesOnAConfigurationFile() {
    ScanReport report = scanner.scanString("k.yaml", """
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        # kubeward:ignore seen lab node, firewalled
        readOnlyPort: 10255
        """);

    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.suppressed()).isTrue();
      assertThat(f.suppression()).isEqualTo("lab node, firewalled");
    });
  }

  @Test
  void aCommentSuppressesOnAnyObjectOnlyItsOwnRule() {
    ScanReport report = scanner.scanString("d.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1  # kubeward:ignore seen reviewed in SEC-1
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}  # kubeward:ignore other-rule not this one
        """);

    assertThat(report.findings()).extracting(Finding::toString).containsExactly(
        "d.yaml:2:7: MEDIUM Deployment web seen [seen] (suppressed)",
        "d.yaml:8:7: MEDIUM Deployment api seen [seen]");
    assertThat(report.findings().get(0).suppression()).isEqualTo("reviewed in SEC-1");
  }

  @Test
  void textInABlockScalarOrAQuotedStringIsNoComment() {
    ScanReport report = scanner.scanString("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: literal}
        data:
          script: |
            # kubeward:ignore seen only text
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: folded}
        data:
          script: >
            # kubeward:ignore seen only text
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: quoted}
        data:
          a: "# kubeward:ignore seen only text"
          b: '# kubeward:ignore seen only text'
        """);

    assertThat(report.findings()).extracting(Finding::suppressed).containsExactly(false, false, false);
    assertThat(report.findings()).extracting(Finding::rule).containsOnly("seen");
  }

  @Test
  void aCommentInAnotherDocumentDoesNotSuppress() {
    ScanReport report = scanner.scanString("k.yaml", """
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        # kubeward:ignore seen this one only
        ---
        # a comment of the second document
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        ...
        # kubeward:ignore seen after the end of the document
        """);

    assertThat(report.findings()).extracting(Finding::suppressed).containsExactly(true, false);
  }

  @Test
  void jsonHasNoComments() {
    ScanReport report = scanner.scanString("cm.json",
        "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"j\"},"
        + " \"data\": {\"a\": \"# kubeward:ignore seen in a string\"}}");

    assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.suppressed()).isFalse());
  }

  @Test
  void aCommentWithoutAReasonSuppressesNothingAndIsReportedAtTheComment() {
    ScanReport report = scanner.scanString("k.yaml", """
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
          # kubeward:ignore seen
        readOnlyPort: 10255   # kubeward:ignore
        """);

    assertThat(report.findings()).extracting(Finding::toString).containsExactly(
        "k.yaml:2:7: MEDIUM KubeletConfiguration in k.yaml seen [seen]",
        "k.yaml:3:3: LOW comment \"# kubeward:ignore seen\" in KubeletConfiguration in k.yaml gives no reason,"
            + " so it suppresses nothing [suppression-without-reason]",
        "k.yaml:4:23: LOW comment \"# kubeward:ignore\" in KubeletConfiguration in k.yaml names no rule,"
            + " so it suppresses nothing [suppression-without-reason]");
    assertThat(report.findings()).extracting(Finding::suppressed).containsOnly(false);
    assertThat(report.findings().get(1).path()).isEmpty();
  }

  @Test
  void theLoaderRecordsTheCommentsOfEachObject() {
    List<Resource> resources = dev.kubeward.load.Loader.defaults().loadString("x.yaml", """
        apiVersion: v1
        kind: List
        items:  # kubeward:ignore seen both items
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        # kubeward:ignored seen not the marker
        """).resources();

    InlineSuppression both = InlineSuppression.of("seen", "both items", 3, 9);
    assertThat(resources.get(0).inlineSuppressions()).containsExactly(both);
    assertThat(resources.get(1).inlineSuppressions()).containsExactly(both);
    assertThat(resources.get(2).inlineSuppressions()).isEmpty();
  }

  private static String write(ReportFormat format, ScanReport report) {
    StringWriter out = new StringWriter();
    try {
      format.writer().write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
