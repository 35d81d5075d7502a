/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import static dev.kubeward.report.ReportFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kubeward.engine.ScanReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SARIF writer's output validates against the official SARIF 2.1.0 schema (copied into the
 * test resources, see {@code schemas/README.md}), and carries what code scanning needs.
 */
class SarifSchemaTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = SarifSchemaTest.class.getClassLoader().getResourceAsStream("schemas/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mixed", "clean", "awkward"})
  void outputValidatesAgainstTheSarifSchema(String fixture) throws IOException {
    JsonNode sarif = MAPPER.readTree(write(new SarifReportWriter(), ReportWritersTest.report(fixture)));
    Set<ValidationMessage> problems = schema.validate(sarif);
    assertThat(problems).isEmpty();
  }

  @Test
  void theSchemaRejectsWhatIsNotSarif() throws IOException {
    JsonNode sarif = MAPPER.readTree(write(new SarifReportWriter(), ReportFixtures.mixed()));
    ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.get("runs").get(0).get("results").get(0))
        .put("level", "severe");
    ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.get("runs").get(0).get("invocations").get(0))
        .remove("executionSuccessful");
    assertThat(schema.validate(sarif)).hasSize(2);
  }

  @Test
  void rulesResultsSuppressionsAndNotificationsAreWhereCodeScanningLooks() throws IOException {
    ScanReport report = ReportFixtures.mixed();
    JsonNode run = MAPPER.readTree(write(new SarifReportWriter(), report)).get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    assertThat(rules).hasSize(3);
    JsonNode privileged = rules.get(2);
    assertThat(privileged.get("id").asText()).isEqualTo("privileged-container");
    assertThat(privileged.get("shortDescription").get("text").asText()).isEqualTo("Privileged container");
    assertThat(privileged.get("help").get("text").asText()).isEqualTo(
        "A privileged container has every capability of the host and can take it over.\n\n"
            + "Remediation: Remove securityContext.privileged or set it to false.");
    assertThat(privileged.get("defaultConfiguration").get("level").asText()).isEqualTo("error");
    assertThat(privileged.get("properties").get("security-severity").asText()).isEqualTo("8.0");
    assertThat(privileged.get("properties").get("controls").get(0).asText()).isEqualTo("pss-baseline:privileged");

    JsonNode results = run.get("results");
    assertThat(results).hasSize(4);
    JsonNode second = results.get(1);
    assertThat(second.get("ruleId").asText()).isEqualTo("privileged-container");
    assertThat(second.get("ruleIndex").asInt()).isEqualTo(2);
    JsonNode location = second.get("locations").get(0);
    assertThat(location.get("physicalLocation").get("artifactLocation").get("uri").asText()).isEqualTo("deploy/web.yaml");
    assertThat(location.get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(21);
    assertThat(location.get("physicalLocation").get("region").get("startColumn").asInt()).isEqualTo(23);
    assertThat(location.get("logicalLocations").get(1).get("name").asText())
        .isEqualTo("/spec/template/spec/containers/0/securityContext/privileged");
    assertThat(second.has("suppressions")).isFalse();

    JsonNode suppressed = results.get(2);
    assertThat(suppressed.get("suppressions").get(0).get("kind").asText()).isEqualTo("inSource");
    assertThat(suppressed.get("suppressions").get(0).get("justification").asText())
        .isEqualTo("rebuilt nightly from a pinned base");

    JsonNode invocation = run.get("invocations").get(0);
    assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
    JsonNode notifications = invocation.get("toolExecutionNotifications");
    assertThat(notifications).hasSize(2);
    assertThat(notifications.get(0).get("message").get("text").asText()).isEqualTo("duplicate key 'image' (first at 38:7)");
    assertThat(notifications.get(0).get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
        .isEqualTo(40);
  }

  @Test
  void aCleanScanIsASuccessfulInvocationWithoutNotifications() throws IOException {
    JsonNode invocation = MAPPER.readTree(write(new SarifReportWriter(), ReportFixtures.clean()))
        .get("runs").get(0).get("invocations").get(0);
    assertThat(invocation.get("executionSuccessful").asBoolean()).isTrue();
    assertThat(invocation.has("toolExecutionNotifications")).isFalse();
  }

  /** The mixed report with its findings moved to standard input, an absolute file inside and one outside. */
  static ScanReport placed() {
    ScanReport mixed = ReportFixtures.mixed();
    String[] files = {"-", "/work/shop/deploy/abs.yaml", "/elsewhere/x.yaml", "../sibling/y.yaml"};
    java.util.List<dev.kubeward.engine.Finding> moved = new java.util.ArrayList<>();
    for (int i = 0; i < mixed.findings().size(); i++) {
      dev.kubeward.engine.Finding f = mixed.findings().get(i);
      moved.add(new dev.kubeward.engine.Finding(f.rule(), f.severity(), f.topic(), f.controls(), f.message(),
          f.resource(), files[i], f.line(), f.column(), f.path(), f.suppressed(), f.suppression()));
    }
    return new ScanReport(mixed.toolVersion(), mixed.files(), mixed.documents(), mixed.resources(), moved,
        java.util.List.of(), mixed.rules(), mixed.severities());
  }

  @Test
  void locationsAreRelativeToTheWorkingDirectoryAndStandardInputIsNamed() throws IOException {
    JsonNode sarif = MAPPER.readTree(write(SarifReportWriter.relativeTo(java.nio.file.Path.of("/work/shop/")),
        placed()));
    assertThat(schema.validate(sarif)).isEmpty();
    JsonNode run = sarif.get("runs").get(0);
    assertThat(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText()).isEqualTo("file:///work/shop/");
    JsonNode results = run.get("results");
    assertThat(artifact(results.get(0)).toString()).isEqualTo("{\"description\":{\"text\":\"standard input\"}}");
    assertThat(artifact(results.get(1)).toString()).isEqualTo("{\"uri\":\"deploy/abs.yaml\",\"uriBaseId\":\"%SRCROOT%\"}");
    assertThat(artifact(results.get(2)).toString()).isEqualTo("{\"uri\":\"file:///elsewhere/x.yaml\"}");
    assertThat(artifact(results.get(3)).toString()).isEqualTo("{\"uri\":\"file:///work/sibling/y.yaml\"}");
  }

  @Test
  void aRuleHasAHelpUriOnlyWhenOneIsGiven() throws IOException {
    JsonNode rules = MAPPER.readTree(write(new SarifReportWriter()
            .withHelpUris(id -> id.startsWith("image") ? "https://example.com/docs/rules.md#" + id : null),
        ReportFixtures.mixed())).get("runs").get(0).get("tool").get("driver").get("rules");
    assertThat(rules.get(1).get("helpUri").asText()).isEqualTo("https://example.com/docs/rules.md#image-not-pinned");
    assertThat(rules.get(0).has("helpUri")).isFalse();
    assertThat(rules.get(2).has("helpUri")).isFalse();
  }

  private static JsonNode artifact(JsonNode result) {
    return result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
  }
}
