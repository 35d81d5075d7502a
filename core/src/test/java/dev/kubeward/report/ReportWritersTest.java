/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import static dev.kubeward.report.ReportFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.engine.ScanReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every writer against reviewed, exact expected output ({@code src/test/resources/report}), and
 * the properties that hold for all of them.
 */
class ReportWritersTest {

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> cases = Stream.builder();
    String[][] extensions = {{"TEXT", "txt"}, {"JSON", "json"}, {"SARIF", "sarif"}, {"JUNIT", "xml"}};
    for (String fixture : new String[] {"mixed", "clean", "awkward"}) {
      for (String[] e : extensions) {
        cases.add(Arguments.of(ReportFormat.valueOf(e[0]), fixture, fixture + "." + e[1]));
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} of {1}")
  @MethodSource("cases")
  void writesExactlyTheExpectedOutput(ReportFormat format, String fixture, String expected) throws IOException {
    assertThat(write(writer(format), report(fixture))).isEqualTo(resource("report/" + expected));
  }

  /**
   * The writer of {@code format}; SARIF relative to {@link #WORK_DIR}, with a help URI for the
   * privileged-container rule only.
   */
  static ReportWriter writer(ReportFormat format) {
    return format != ReportFormat.SARIF ? format.writer() : SarifReportWriter.relativeTo(WORK_DIR)
        .withHelpUris(id -> id.equals("privileged-container") ? "https://kubeward.dev/rules#" + id : null);
  }

  /** The working directory the SARIF fixtures are written from. */
  static final Path WORK_DIR = Path.of("/work/shop");

  @Test
  void colouredTextPaintsSeveritiesErrorsAndSuppressedFindings() throws IOException {
    String coloured = write(TextReportWriter.coloured(), ReportFixtures.mixed());
    assertThat(coloured).isEqualTo(resource("report/mixed-colour.txt"));
    assertThat(coloured).contains("\u001b[1mrbac.yaml:8:3\u001b[0m: \u001b[1;31mCRITICAL\u001b[0m ");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(resource("report/mixed.txt"));
  }

  @Test
  void textHasNoColourByDefault() {
    assertThat(TextReportWriter.plain().isColoured()).isFalse();
    assertThat(ReportFormat.TEXT.writer()).isSameAs(TextReportWriter.plain());
    assertThat(write(ReportFormat.TEXT.writer(), ReportFixtures.mixed())).doesNotContain("\u001b");
  }

  @Test
  void textNeverLetsInputDriveTheTerminal() {
    String text = write(TextReportWriter.plain(), ReportFixtures.awkward());
    assertThat(text).doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\t");
    assertThat(text.lines()).first().isEqualTo(
        "dir with space/\u00fc.yaml:3:5: LOW container \"a<b>&c\" says 'hi'\\u0009then\\u001b[31mred\\u0000"
            + " [privileged-container]");
  }

  @Test
  void textShowsBidirectionalControlsEscapedSoThatTheyCannotReorderALine() {
    assertThat(TextReportWriter.oneLine("a\u202eb\u202ac\u2066d\u2069e\u2028f\u0085g\u00e9"))
        .isEqualTo("a\\u202eb\\u202ac\\u2066d\\u2069e\\u2028f\\u0085g\u00e9");
  }

  @Test
  void jsonLeavesOutTheNamespaceOfClusterScopedResources() {
    String json = write(new JsonReportWriter(), ReportFixtures.mixed());
    assertThat(json).contains(
        "\"resource\": {\n        \"apiVersion\": \"rbac.authorization.k8s.io/v1\",\n"
            + "        \"kind\": \"ClusterRoleBinding\",\n        \"name\": \"ci-admin\"\n      }");
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void sameReportGivesTheSameBytes(ReportFormat format) {
    assertThat(write(format.writer(), ReportFixtures.mixed())).isEqualTo(write(format.writer(), ReportFixtures.mixed()));
  }

  @Test
  void formatsAreNamedAsOnTheCommandLine() {
    assertThat(ReportFormat.of("sarif")).isEqualTo(ReportFormat.SARIF);
    assertThat(ReportFormat.of("JUnit")).isEqualTo(ReportFormat.JUNIT);
    assertThat(ReportFormat.JSON.id()).isEqualTo("json");
    assertThat(ReportFormat.SARIF.writer()).isInstanceOf(SarifReportWriter.class);
    assertThat(ReportFormat.JUNIT.writer()).isInstanceOf(JunitReportWriter.class);
    assertThatThrownBy(() -> ReportFormat.of("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown report format 'xml' (expected text, json, sarif or junit)");
  }

  @Test
  void sarifUrisAreEncodedReferences() {
    assertThat(SarifReportWriter.uriOf("deploy/web.yaml")).isEqualTo("deploy/web.yaml");
    assertThat(SarifReportWriter.uriOf("a b/c:d%.yaml")).isEqualTo("a%20b/c%3Ad%25.yaml");
    assertThat(SarifReportWriter.uriOf("/abs/x.yaml")).isEqualTo("file:///abs/x.yaml");
    assertThat(SarifReportWriter.uriOf("C:\\work\\x.yaml")).isEqualTo("file:///C:/work/x.yaml");
    assertThat(SarifReportWriter.uriOf("-")).isEqualTo("-");
  }

  static ScanReport report(String fixture) {
    Supplier<ScanReport> s = switch (fixture) {
      case "mixed" -> ReportFixtures::mixed;
      case "clean" -> ReportFixtures::clean;
      case "awkward" -> ReportFixtures::awkward;
      default -> throw new IllegalArgumentException(fixture);
    };
    return s.get();
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ReportWritersTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
