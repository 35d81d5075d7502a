/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.evasion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.assertj.RuleFixtures;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON input. The {@code *-json.yaml} fixture of every family is JSON text with {@code #} comments
 * (which makes it YAML, so the kit checks its markers); stripping the comments, line for line,
 * gives a {@code .json} file with the violations at the same lines and columns, which is read by
 * the JSON reader (it starts with a brace and a key) and must report exactly what the YAML reading
 * of the fixture reports.
 */
class JsonInputTest {

  private static final Pattern COMMENT = Pattern.compile("\\s*#.*$");

  @TempDir
  static Path temp;

  static List<Path> jsonFixtures() {
    return EvasionFixtures.all().stream()
        .filter(p -> p.getFileName().toString().endsWith("-json.yaml"))
        .collect(Collectors.toList());
  }

  @Test
  void everyFamilyHasJsonFixtures() {
    assertThat(jsonFixtures().stream().map(p -> p.getParent().getFileName().toString()).distinct())
        .containsExactlyInAnyOrderElementsOf(EvasionFixtures.FAMILIES);
  }

  @TestFactory
  Stream<DynamicTest> jsonFilesReportWhatTheirYamlReadingReports() {
    return jsonFixtures().stream().map(fixture -> DynamicTest.dynamicTest(EvasionFixtures.name(fixture),
        fixture.toUri(), () -> {
          Kubeward scanner = EvasionFixtures.scanner(fixture);
          RuleFixtures.verifyScan(scanner, fixture);
          String json = stripComments(EvasionFixtures.text(fixture));
          assertThat(json).doesNotContain("#");
          assertThat(json.stripLeading()).startsWith("{");
          assertThat(json.stripLeading().substring(1).stripLeading()).startsWith("\"");
          Path file = temp.resolve(fixture.getParent().getFileName() + "-"
              + fixture.getFileName().toString().replace(".yaml", ".json"));
          Files.writeString(file, json, StandardCharsets.UTF_8);

          ScanReport report = scanner.scan(List.of(file.toString()));

          assertThat(report.errors()).isEmpty();
          assertThat(report.findings()).extracting(Finding::file).allMatch(file.toString()::equals);
          assertThat(EvasionFixtures.describe(report, 0))
              .containsExactlyElementsOf(EvasionFixtures.describe(EvasionFixtures.scan(fixture), 0));
        }));
  }

  /** Every comment removed, every line kept: full-line comments become empty lines. */
  static String stripComments(String text) {
    return text.lines().map(line -> COMMENT.matcher(line).replaceFirst("")).collect(Collectors.joining("\n", "", "\n"));
  }
}
