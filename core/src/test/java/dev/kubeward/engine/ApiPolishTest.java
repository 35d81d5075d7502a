/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import static dev.kubeward.engine.TestRules.metadata;
import static dev.kubeward.rule.RuleMetadata.ANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kubeward.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small conveniences of the library API: paths, in-memory reports, typed configuration errors. */
class ApiPolishTest {

  private final TestRules.Recording named = new TestRules.Recording(metadata("named", ANY).build(),
      (r, c) -> c.report(r, r.root().get("metadata").get("name"), "object " + r.name() + " exists"));

  @Test
  void pathsScanLikeTheirNames(@TempDir Path dir) throws IOException {
    Path a = Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    Path b = Files.writeString(dir.resolve("b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
    Kubeward kubeward = Kubeward.builder().rules(List.of(named)).build();
    ScanReport byPath = kubeward.scan(a, b);
    assertThat(byPath.findings()).extracting(Finding::message).containsExactly("object a exists", "object b exists");
    assertThat(byPath).isEqualTo(kubeward.scan(List.of(a.toString(), b.toString())));
  }

  @Test
  void everyFormatRendersToAStringWithoutACheckedException() {
    ScanReport report = Kubeward.builder().rules(List.of(named)).build()
        .scanString("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(format.writer().format(report)).as(format.name()).contains("cm.yaml");
    }
  }

  @Test
  void configurationProblemsAreTypedWithTheirPlace() {
    ConfigurationException unknown = catchThrowableOfType(
        () -> ConfigurationFile.parse("k.yaml", "profile: recommended\nprofil: x\n"), ConfigurationException.class);
    assertThat(unknown.file()).isEqualTo("k.yaml");
    assertThat(unknown.line()).isEqualTo(2);
    assertThat(unknown.column()).isEqualTo(1);
    assertThat(unknown.problem()).startsWith("unknown key 'profil' in the configuration");
    assertThat(unknown).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("k.yaml:2:1: unknown key");

    ConfigurationException broken = catchThrowableOfType(
        () -> ConfigurationFile.parse("k.yaml", "rules: [a\n"), ConfigurationException.class);
    assertThat(broken.line()).isEqualTo(2);
    assertThat(broken.problem()).startsWith("malformed YAML");

    ConfigurationException missing = catchThrowableOfType(
        () -> ConfigurationFile.read(Path.of("does-not-exist.yaml")), ConfigurationException.class);
    assertThat(missing.line()).isZero();
    assertThat(missing).hasMessage("does-not-exist.yaml: no such file");
  }

  @Test
  void findingsAndReportsAreBuiltWithoutTheirFullConstructors() {
    ScanReport scanned = Kubeward.builder().rules(List.of(named)).build()
        .scanString("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    Finding found = scanned.findings().get(0);
    assertThat(found.toBuilder().build()).isEqualTo(found);
    assertThat(scanned.toBuilder().build()).isEqualTo(scanned);

    ResourceRef web = new ResourceRef("apps/v1", "Deployment", "shop", "web");
    Finding made = Finding.builder("privileged-container", web)
        .severity(dev.kubeward.rule.Severity.HIGH)
        .topic(dev.kubeward.rule.Topic.POD_SECURITY)
        .message("container \"app\" runs privileged")
        .at("web.yaml", 21, 23)
        .path("/spec/template/spec/containers/0/securityContext/privileged")
        .build();
    assertThat(made.key()).isEqualTo(
        "privileged-container|apps/Deployment/shop/web|/spec/template/spec/containers/0/securityContext/privileged");
    assertThat(made.location()).isEqualTo("web.yaml:21:23");
    assertThat(made.counts()).isTrue();
    assertThat(made.toBuilder().suppressed("accepted").build().counts()).isFalse();
    assertThat(catchThrowableOfType(() -> Finding.builder("r", web).build(), IllegalStateException.class))
        .hasMessage("a finding needs a message");

    ScanReport report = ScanReport.builder()
        .counts(1, 1, 1)
        .rules(List.of(metadata("privileged-container", ANY).severity(dev.kubeward.rule.Severity.HIGH).build()))
        .findings(List.of(made))
        .build();
    assertThat(report.toolVersion()).isEqualTo(Kubeward.VERSION);
    assertThat(report.severityOf("privileged-container")).isEqualTo(dev.kubeward.rule.Severity.HIGH);
    assertThat(report.exitCode(dev.kubeward.rule.Severity.HIGH)).isEqualTo(1);
    assertThat(report.toBuilder().severity("privileged-container", dev.kubeward.rule.Severity.LOW).build()
        .severityOf("privileged-container")).isEqualTo(dev.kubeward.rule.Severity.LOW);
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(format.writer().format(report)).as(format.name()).contains("web.yaml");
    }
  }
}
