/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static dev.kubeward.cli.Cli.cli;
import static dev.kubeward.cli.PluginJars.acme;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kubeward.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What CI services read: SARIF locations relative to the working directory, help links for the
 * shipped rules, and JUnit XML that fails exactly what {@code --fail-on} fails.
 */
class CiReportsTest {

  @TempDir
  Path dir;

  @Test
  void sarifLocationsAreRelativeToTheWorkingDirectory() throws IOException {
    Files.createDirectories(dir.resolve("k8s"));
    Files.copy(Path.of(ScanCommandTest.WEB), dir.resolve("k8s/web.yaml"));
    Result r = cli().in(dir).run("scan", "--format", "sarif", "k8s");
    assertThat(strings(r.out(), "uri")).containsExactly(
        dir.toUri().toString(), "k8s/web.yaml", "k8s/web.yaml");
    assertThat(strings(r.out(), "uriBaseId")).containsExactly("%SRCROOT%", "%SRCROOT%");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void sarifNamesStandardInput() throws IOException {
    Result r = cli().in(dir).stdin(Files.readString(Path.of(ScanCommandTest.WEB))).run("scan", "--format", "sarif", "-");
    assertThat(strings(r.out(), "uri")).containsExactly(dir.toUri().toString());
    assertThat(strings(r.out(), "text")).contains("standard input");
  }

  @Test
  void shippedRulesLinkToTheirSectionOfTheRuleDocumentationAndPluginRulesDoNot() throws IOException {
    acme().writeTo(dir.resolve("acme.jar"));
    Files.copy(Path.of(ScanCommandTest.WEB), dir.resolve("web.yaml"));
    Result r = cli().in(dir).discovering().run("scan", "--format", "sarif", "--plugin", "acme.jar", "--rule",
        "acme-team-label", "--rule", "smoke-privileged", "web.yaml");
    assertThat(strings(r.out(), "id")).containsExactly("acme-team-label", "smoke-privileged");
    assertThat(strings(r.out(), "helpUri")).containsExactly(
        "https://github.com/kubeward/kubeward/blob/main/docs/rules.md#smoke-privileged");
  }

  @Test
  void junitFailsOnlyWhatFailOnFails() {
    Result high = cli().run("scan", "--format", "junit", "--fail-on", "high", ScanCommandTest.WEB);
    assertThat(high.out()).contains("<testsuites name=\"kubeward\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">")
        .contains("<failure type=\"HIGH\"")
        .contains("<system-out>src/test/resources/manifests/web.yaml:18:18: MEDIUM ");
    assertThat(high.exitCode()).isEqualTo(1);

    Result critical = cli().run("scan", "--format", "junit", "--fail-on", "critical", ScanCommandTest.WEB);
    assertThat(critical.out()).contains("tests=\"2\" failures=\"0\"").doesNotContain("<failure");
    assertThat(critical.exitCode()).isZero();

    Result low = cli().run("scan", "--format", "junit", ScanCommandTest.WEB);
    assertThat(low.out()).contains("tests=\"2\" failures=\"2\"").doesNotContain("<system-out>");
  }

  /** Every string value of {@code field} in {@code json}, in document order. */
  static List<String> strings(String json, String field) throws IOException {
    List<String> values = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.VALUE_STRING && field.equals(p.currentName())) {
          values.add(p.getText());
        }
      }
    }
    return values;
  }
}
