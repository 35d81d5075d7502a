/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: it opens with the two commands, {@code .ci/run} runs the test command,
 * and its Java snippet is the code between the {@code readme-snippet} markers below, which this
 * test compiles and runs against the rules on the test class path.
 */
class ReadmeTest {

  static final Path README = Path.of("../README.md");
  static final Path SOURCE = Path.of("src/test/java/dev/kubeward/examples/ReadmeTest.java");
  static final String SNIPPET_MARKER = "<!-- snippet: ReadmeTest.scanAString -->";

  static final String YAML = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        namespace: shop
      spec:
        hostNetwork: true
        containers:
          - name: app
            image: nginx:latest
            securityContext:
              privileged: true
      """;

  /** Where the workload rules point in {@link #YAML}. */
  static final List<String> EXPECTED = List.of(
      "pod.yaml:7 host-namespaces",
      "pod.yaml:10 image-not-pinned",
      "pod.yaml:12 privileged-container");

  /** The README's example, verbatim. */
  static void scanAString(String yaml) {
    // readme-snippet:start
    Kubeward kubeward = Kubeward.builder().build();              // finds the rules on the class path
    ScanReport report = kubeward.scanString("pod.yaml", yaml);
    report.findings().forEach(System.out::println);             // file:line:col: SEVERITY message [rule-id]
    report.errors().forEach(System.err::println);               // input that could not be checked
    // readme-snippet:end
  }

  @Test
  void theSnippetRunsAndPrintsOneLinePerFinding() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      scanAString(YAML);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).allMatch(l -> l.matches("pod\\.yaml:\\d+:\\d+: (CRITICAL|HIGH|MEDIUM|LOW|INFO) .+ \\[[a-z0-9-]+\\]"));

    List<String> actual = new ArrayList<>();
    for (String l : lines) {
      String rule = l.substring(l.lastIndexOf('[') + 1, l.length() - 1);
      if (EXPECTED.stream().anyMatch(e -> e.endsWith(" " + rule))) {
        String[] at = l.split(":", 3);
        actual.add(at[0] + ":" + at[1] + " " + rule);
      }
    }
    assertThat(actual).containsExactlyElementsOf(EXPECTED);
    assertThat(lines).hasSizeGreaterThanOrEqualTo(EXPECTED.size());
  }

  @Test
  void theReadmeShowsExactlyTheTestedSnippet() throws IOException {
    assertThat(readmeBlockAfter(SNIPPET_MARKER)).isEqualTo(sourceRegion("readme-snippet"));
  }

  @Test
  void theReadmeOpensWithTheTwoCommands() throws IOException {
    List<String> lines = Files.readAllLines(README);
    int fence = 0;
    while (!lines.get(fence).startsWith("```")) {
      assertThat(lines.get(fence)).as("README line %d, before the first code block", fence + 1)
          .matches("# .*|\\s*");
      fence++;
    }
    assertThat(lines.subList(fence, fence + 4)).containsExactly("```sh", "./kubeward scan examples/", "mvn -B verify", "```");
  }

  @Test
  void ciRunsTheReadmesTestCommand() throws IOException {
    List<String> commands = Files.readAllLines(Path.of("../.ci/run")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .toList();
    assertThat(commands).containsExactly("set -euo pipefail", "cd \"$(dirname \"${BASH_SOURCE[0]}\")/..\"", "mvn -B verify");
  }

  @Test
  void theSnippetIsAboutFiveLines() throws IOException {
    assertThat(sourceRegion("readme-snippet").lines().count()).isBetween(3L, 6L);
  }

  /** The lines of the fenced block that follows {@code marker} in the README. */
  static String readmeBlockAfter(String marker) throws IOException {
    List<String> lines = Files.readAllLines(README);
    int at = lines.indexOf(marker);
    assertThat(at).as("README has the marker %s", marker).isNotNegative();
    assertThat(lines.get(at + 1)).isEqualTo("```java");
    StringBuilder sb = new StringBuilder();
    for (int i = at + 2; !lines.get(i).equals("```"); i++) {
      sb.append(lines.get(i)).append('\n');
    }
    return sb.toString();
  }

  /** The source lines between {@code // name:start} and {@code // name:end}, less their indentation. */
  static String sourceRegion(String name) throws IOException {
    List<String> lines = Files.readAllLines(SOURCE);
    int start = indexOfTrimmed(lines, "// " + name + ":start");
    int end = indexOfTrimmed(lines, "// " + name + ":end");
    List<String> region = lines.subList(start + 1, end);
    int indent = region.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (String l : region) {
      sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return sb.toString();
  }

  private static int indexOfTrimmed(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(text)) {
        return i;
      }
    }
    throw new AssertionError("no line '" + text + "' in " + SOURCE);
  }
}
