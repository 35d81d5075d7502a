/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli.hostile;

import static dev.kubeward.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.cli.Cli.Result;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * File names, suppression reasons and keys are input, and input must not forge, erase or reorder
 * report lines: the text report (and every line on standard error) shows their control and
 * bidirectional characters as {@code \}{@code uXXXX} escapes, one line per finding or error; JSON
 * and SARIF carry them exactly (parsed back, they equal the input); JUnit XML carries what XML 1.0
 * can hold and escapes the rest as the text report does.
 */
class ReportInjectionTest {

  /** A suppression reason written as a YAML double-quoted string, and what it reads as. */
  private static final String REASON_YAML = "ok\\e[2K\\r\\nfake.yaml:1:1: HIGH forged [privileged-container]\\n"
      + "\\u202eeulav\\u2066 \\u2028\\u2029\\x85\\x9b31m\\0\\x7f\\a\\tend";
  private static final String REASON = "ok\u001b[2K\r\nfake.yaml:1:1: HIGH forged [privileged-container]\n"
      + "\u202eeulav\u2066 \u2028\u2029\u0085\u009b31m\u0000\u007f\u0007\tend";
  private static final String REASON_SHOWN = "ok\\u001b[2K\\u000d\\u000afake.yaml:1:1: HIGH forged"
      + " [privileged-container]\\u000a\\u202eeulav\\u2066 \\u2028\\u2029\\u0085\\u009b31m\\u0000\\u007f\\u0007\\u0009end";

  /** A file name that tries to end a report line and start a forged one. */
  private static final String EVIL = "evil\u001b[2K\r\nfake.yaml:1:1: INFO forged\u0007.yaml";
  private static final String EVIL_SHOWN = "evil\\u001b[2K\\u000d\\u000afake.yaml:1:1: INFO forged\\u0007.yaml";

  /** A duplicated key, quoted by the error message with what could rewrite a line replaced. */
  private static final String KEY_YAML = "k\\e[1A\\u202e\\x9b";
  private static final String KEY_SHOWN = "k?[1A??";

  @TempDir
  static Path dir;

  private static String in;

  @BeforeAll
  static void writeInputs() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("in"));
    in = folder + "/";
    Files.writeString(folder.resolve("pod.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata:
          name: suppressed
          annotations:
            ignore.kubeward.dev/privileged-container: "%s"
        spec:
          containers:
          - name: app
            securityContext:
              privileged: true
        """.formatted(REASON_YAML));
    Files.writeString(folder.resolve(EVIL), Manifests.privileged("evil-file") + """
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: dup
        data:
          "%s": a
          "%s": b
        """.formatted(KEY_YAML, KEY_YAML));
  }

  @Test
  void textReportShowsInputEscapedOneLinePerFindingAndError() {
    Result r = cli().discovering().run("scan", "--rule", Manifests.RULE, in);

    assertThat(r.out()).isEqualTo(expectedText());
    assertNoControlCharacters(r.out());
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void textReportWrittenToAFileIsTheSame() throws IOException {
    Path file = dir.resolve("report.txt");
    Result r = cli().discovering().run("scan", "--rule", Manifests.RULE, "--output", file.toString(), in);

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expectedText());
    assertThat(r.err()).isEqualTo(expectedStandardError());
    assertNoControlCharacters(r.err());
  }

  @Test
  void errorsOnStandardErrorAreEscapedToo() {
    Result r = cli().discovering().run("scan", "--rule", Manifests.RULE, "--format", "json", in);

    assertThat(r.err()).isEqualTo(expectedStandardError());
    assertNoControlCharacters(r.err());
  }

  @Test
  void jsonCarriesTheInputExactly() throws IOException {
    Result r = cli().discovering().run("scan", "--rule", Manifests.RULE, "--format", "json", in);
    Object report = JsonTree.parse(r.out());

    List<Map<String, Object>> findings = JsonTree.at(report, "findings");
    assertThat(findings).hasSize(2);
    assertThat(findings.get(0)).containsEntry("file", in + EVIL).containsEntry("line", 9)
        .containsEntry("suppressed", false).doesNotContainKey("suppression");
    assertThat(findings.get(1)).containsEntry("file", in + "pod.yaml").containsEntry("line", 11)
        .containsEntry("suppressed", true).containsEntry("suppression", REASON);
    List<Map<String, Object>> errors = JsonTree.at(report, "errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).containsEntry("file", in + EVIL).containsEntry("line", 17).containsEntry("column", 3)
        .containsEntry("message", "duplicate key '" + KEY_SHOWN + "' (first at 16:3)");
  }

  @Test
  void sarifCarriesTheInputExactly() throws IOException {
    Result r = cli().discovering().run("scan", "--rule", Manifests.RULE, "--format", "sarif", in);
    Object run = JsonTree.at(JsonTree.parse(r.out()), "runs", 0);

    List<Map<String, Object>> results = JsonTree.at(run, "results");
    assertThat(results).hasSize(2);
    assertThat(fileOf(JsonTree.at(results.get(0), "locations", 0, "physicalLocation"))).isEqualTo(in + EVIL);
    assertThat(JsonTree.<Object>at(results.get(0), "suppressions")).isNull();
    assertThat(fileOf(JsonTree.at(results.get(1), "locations", 0, "physicalLocation"))).isEqualTo(in + "pod.yaml");
    assertThat(JsonTree.<String>at(results.get(1), "suppressions", 0, "justification")).isEqualTo(REASON);
    Map<String, Object> notification = JsonTree.at(run, "invocations", 0, "toolExecutionNotifications", 0);
    assertThat(fileOf(JsonTree.at(notification, "locations", 0, "physicalLocation"))).isEqualTo(in + EVIL);
    assertThat(JsonTree.<String>at(notification, "message", "text"))
        .isEqualTo("duplicate key '" + KEY_SHOWN + "' (first at 16:3)");
  }

  @Test
  void junitCarriesWhatXmlCanHoldAndEscapesTheRest() throws Exception {
    Result r = cli().discovering().run("scan", "--rule", Manifests.RULE, "--format", "junit", in);
    Document xml = parseXml(r.out());

    // XML 1.0 holds tab, line feed, carriage return, DEL, C1 and the Unicode controls; not ESC, BEL or NUL.
    String evil = in + "evil\\u001b[2K\r\nfake.yaml:1:1: INFO forged\\u0007.yaml";
    List<String> suites = new ArrayList<>();
    NodeList suiteNodes = xml.getElementsByTagName("testsuite");
    for (int i = 0; i < suiteNodes.getLength(); i++) {
      suites.add(((Element) suiteNodes.item(i)).getAttribute("name"));
    }
    assertThat(suites).containsExactly(evil, in + "pod.yaml");
    Element skipped = (Element) xml.getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message")).isEqualTo("suppressed: ok\\u001b[2K\r\nfake.yaml:1:1: HIGH forged"
        + " [privileged-container]\n\u202eeulav\u2066 \u2028\u2029\u0085\u009b31m\\u0000\u007f\\u0007\tend");
    Element error = (Element) xml.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).isEqualTo("duplicate key '" + KEY_SHOWN + "' (first at 16:3)");
    assertThat(((Element) error.getParentNode()).getAttribute("classname")).isEqualTo(evil);
    assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(3);
  }

  private static String expectedText() {
    return in + EVIL_SHOWN + ":9:19: HIGH container \"app\" of Pod evil-file must not set"
        + " securityContext.privileged=true [privileged-container]\n"
        + in + EVIL_SHOWN + ":17:3: ERROR duplicate key '" + KEY_SHOWN + "' (first at 16:3)\n"
        + "\n"
        + in + "pod.yaml:11:19: HIGH container \"app\" of Pod suppressed must not set"
        + " securityContext.privileged=true [privileged-container] (suppressed: " + REASON_SHOWN + ")\n"
        + "\n"
        + "Summary: 2 files, 3 documents, 2 resources; 1 finding, 1 suppressed, 1 error\n"
        + "  by severity: CRITICAL 0, HIGH 1, MEDIUM 0, LOW 0, INFO 0\n"
        + "  by rule:\n"
        + "    privileged-container  1 (1 suppressed)\n";
  }

  private static String expectedStandardError() {
    return "kubeward: " + in + EVIL_SHOWN + ":17:3: duplicate key '" + KEY_SHOWN + "' (first at 16:3)\n";
  }

  /** No character that could move the cursor, end a line early or reorder the line, but line feeds. */
  private static void assertNoControlCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe = (Character.getType(c) == Character.CONTROL && c != '\n') || c == '\u2028' || c == '\u2029'
          || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
      assertThat(unsafe).as("U+%04X at %d in%n%s", (int) c, i, text).isFalse();
    }
  }

  private static String fileOf(Map<String, Object> physicalLocation) {
    String uri = JsonTree.at(physicalLocation, "artifactLocation", "uri");
    assertThat(uri).startsWith("file:///").doesNotContain("\u001b", "\r", "\n", "\u0007");
    return Path.of(URI.create(uri)).toString();
  }

  private static Document parseXml(String text) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(new InputSource(new StringReader(text)));
  }
}
