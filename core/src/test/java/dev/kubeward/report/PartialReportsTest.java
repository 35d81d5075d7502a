/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import static dev.kubeward.report.ReportFixtures.PRIVILEGED;
import static dev.kubeward.report.ReportFixtures.WEB;
import static dev.kubeward.report.ReportFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.load.PartialDocument;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every report format marks unverified findings, names chart templates and lists documents checked in part. */
class PartialReportsTest {

  private static ScanReport report() {
    Finding unverified = new Finding("privileged-container", Severity.HIGH, Topic.POD_SECURITY, List.of(),
        "container \"app\" of Deployment shop/web runs privileged", WEB, "-", 12, 23,
        "/spec/template/spec/containers/0/securityContext/privileged", false, null, List.of(), "k1", false, true,
        "shop/templates/web.yaml");
    Finding plain = new Finding("privileged-container", Severity.HIGH, Topic.POD_SECURITY, List.of(),
        "container \"b\" of Deployment shop/web runs privileged", WEB, "-", 14, 23,
        "/spec/template/spec/containers/1/securityContext/privileged", false, null, List.of(), "k2", false, false,
        null);
    PartialDocument partial = new PartialDocument("-", 12, 23, PartialDocument.PLACEHOLDERS);
    return new ScanReport("0.1.0", 1, 1, 1, List.of(unverified, plain), List.of(), List.of(PRIVILEGED),
        Map.of("privileged-container", Severity.HIGH), List.of(), null, List.of(partial));
  }

  @Test
  void text() {
    assertThat(write(TextReportWriter.plain(), report())).isEqualTo("""
        -:12:23: HIGH container "app" of Deployment shop/web runs privileged [privileged-container] (unverified) (from shop/templates/web.yaml)
        -:14:23: HIGH container "b" of Deployment shop/web runs privileged [privileged-container]

        Checked in part:
          -:12:23: holds template placeholders; findings that depend on them are marked unverified

        Summary: 1 file, 1 document, 1 resource; 2 findings, 0 suppressed, 0 errors, 1 document checked in part, 1 unverified
          by severity: CRITICAL 0, HIGH 2, MEDIUM 0, LOW 0, INFO 0
          by rule:
            privileged-container  2
        """);
  }

  @Test
  void jsonValidatesAgainstTheSchema() throws IOException {
    String json = write(new JsonReportWriter(), report());
    assertThat(json).contains("      \"suppressed\": false,\n      \"unverified\": true,\n"
            + "      \"template\": \"shop/templates/web.yaml\"\n    },\n")
        .endsWith("  \"partial\": [\n    {\n      \"file\": \"-\",\n      \"line\": 12,\n      \"column\": 23,\n"
            + "      \"reason\": \"holds template placeholders; findings that depend on them are marked unverified\"\n"
            + "    }\n  ]\n}\n");
    assertThat(json.indexOf("\"unverified\"")).isEqualTo(json.lastIndexOf("\"unverified\""));
    JsonReportSchemaTest.loadSchema();
    assertThat(JsonReportSchemaTest.problems(json)).isEmpty();
  }

  @Test
  void sarif() {
    String sarif = write(SarifReportWriter.relativeTo(Path.of("/work")), report());
    assertThat(sarif).contains("\"level\": \"warning\",\n"
            + "              \"message\": {\n"
            + "                \"text\": \"checked in part: holds template placeholders; findings that depend on them"
            + " are marked unverified\"\n")
        .contains("\"controls\": [],\n            \"unverified\": true,\n"
            + "            \"template\": \"shop/templates/web.yaml\"\n          }")
        .contains("\"executionSuccessful\": true");
  }

  @Test
  void junit() {
    String xml = write(new JunitReportWriter(), report());
    assertThat(xml).contains("    <testcase classname=\"-\" name=\"checked in part (12:23)\">\n"
            + "      <skipped message=\"holds template placeholders; findings that depend on them are marked unverified\"/>\n"
            + "    </testcase>\n")
        .contains("runs privileged [privileged-container] (unverified) (from shop/templates/web.yaml)");
  }
}
