/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.evasion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.ScanReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every evasion fixture wrapped, at test time, in one {@code kind: List}: each document becomes an
 * item (a document that is itself a list becomes a nested list). The wrapping keeps every line
 * where it was and moves every column two to the right, so the findings must be those of the
 * fixture, shifted by two columns.
 */
class ListWrapperTest {

  @TestFactory
  Stream<DynamicTest> wrappedInAListTheFindingsStay() {
    return EvasionFixtures.all().stream().map(fixture -> DynamicTest.dynamicTest(EvasionFixtures.name(fixture),
        fixture.toUri(), () -> {
          String text = EvasionFixtures.text(fixture);
          String wrapped = wrap(text);
          assertThat(wrapped.lines().count()).isEqualTo(text.lines().count() + 2);

          ScanReport report = EvasionFixtures.scan(EvasionFixtures.scanner(fixture), "list-" + fixture.getFileName(),
              wrapped.getBytes(StandardCharsets.UTF_8));

          assertThat(report.errors()).isEmpty();
          assertThat(EvasionFixtures.describe(report, 0))
              .containsExactlyElementsOf(EvasionFixtures.describe(EvasionFixtures.scan(fixture), 2));
        }));
  }

  @Test
  void wrappingKeepsLinesAndShiftsColumns() {
    String text = "# why\napiVersion: v1\nkind: Pod\n---\n# next\n{\"apiVersion\": \"v1\",\n \"kind\": \"Pod\"}\n";
    assertThat(wrap(text)).isEqualTo("items:\n- apiVersion: v1\n  kind: Pod\n#\n  # next\n- {\"apiVersion\": \"v1\",\n"
        + "   \"kind\": \"Pod\"}\napiVersion: v1\nkind: List\n");
  }

  /**
   * {@code text} (which starts with a comment line) as one {@code kind: List}: the first line becomes
   * {@code items:}, each {@code ---} line a comment, the first content line of each document
   * {@code - <line>} and every other line {@code "  " + line}; apiVersion and kind come last.
   */
  static String wrap(String text) {
    List<String> lines = text.lines().collect(Collectors.toList());
    assertThat(lines.get(0)).startsWith("#");
    List<String> out = new ArrayList<>();
    out.add("items:");
    boolean started = false;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.equals("---")) {
        out.add("#");
        started = false;
      } else if (!started && !line.isBlank() && !line.startsWith("#")) {
        out.add("- " + line);
        started = true;
      } else {
        out.add(line.isEmpty() ? line : "  " + line);
      }
    }
    out.add("apiVersion: v1");
    out.add("kind: List");
    return String.join("\n", out) + "\n";
  }
}
