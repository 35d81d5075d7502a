/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import static dev.kubeward.report.ReportFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.hostile.TestRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docs/report.schema.json} documents the JSON report: every report the writer produces in
 * these tests, the reviewed fixtures and real scans alike, validates against it, and it rejects
 * what the format does not allow.
 */
class JsonReportSchemaTest {

  static final Path SCHEMA = Path.of("../docs/report.schema.json");
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  static Set<ValidationMessage> problems(String json) throws IOException {
    return schema.validate(MAPPER.readTree(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mixed", "clean", "awkward"})
  void theReviewedFixturesValidate(String fixture) throws IOException {
    assertThat(problems(ReportWritersTest.resource("report/" + fixture + ".json"))).isEmpty();
    assertThat(problems(write(new JsonReportWriter(), ReportWritersTest.report(fixture)))).isEmpty();
  }

  @Test
  void aRealScanWithSuppressionsErrorsAndClusterScopedObjectsValidates() throws IOException {
    String yaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
          annotations:
            ignore.kubeward.dev/test-privileged: "reviewed"
        spec:
          containers:
            - name: app
              image: nginx
              securityContext: {privileged: true}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - {name: api, image: api, securityContext: {privileged: true}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        kind: Pod
        ---
        a: [
        """;
    ScanReport report = Kubeward.builder().rules(TestRules.all()).build().scanString("manifests.yaml", yaml);
    assertThat(report.suppressedCount()).isEqualTo(1);
    assertThat(report.activeFindings()).isNotEmpty();
    assertThat(report.errors()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(problems(write(new JsonReportWriter(), report))).isEmpty();
  }

  @Test
  void whatTheFormatDoesNotAllowIsRejected() throws IOException {
    String json = write(new JsonReportWriter(), ReportFixtures.mixed());
    assertThat(problems(json)).isEmpty();

    ObjectNode unknownField = (ObjectNode) MAPPER.readTree(json);
    unknownField.put("generatedAt", "2024-01-01");
    assertThat(schema.validate(unknownField)).hasSize(1);

    ObjectNode noReason = (ObjectNode) MAPPER.readTree(json);
    ((ObjectNode) suppressed(noReason)).remove("suppression");
    assertThat(schema.validate(noReason)).isNotEmpty();

    ObjectNode badSeverity = (ObjectNode) MAPPER.readTree(json);
    ((ObjectNode) badSeverity.get("findings").get(0)).put("severity", "SEVERE");
    assertThat(schema.validate(badSeverity)).isNotEmpty();

    ObjectNode noLine = (ObjectNode) MAPPER.readTree(json);
    ((ObjectNode) noLine.get("findings").get(0)).put("line", 0);
    assertThat(schema.validate(noLine)).isNotEmpty();
  }

  private static JsonNode suppressed(JsonNode report) {
    for (JsonNode f : (ArrayNode) report.get("findings")) {
      if (f.get("suppressed").asBoolean()) {
        return f;
      }
    }
    throw new AssertionError("the fixture has a suppressed finding");
  }
}
