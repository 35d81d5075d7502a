/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.evasion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kubeward.assertj.RuleFixtures;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.load.LoadError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every evasion fixture again, with other line ends and a UTF-8 byte order mark, generated at test
 * time: the same findings at the same lines and columns (the kit checks the markers, which survive
 * the conversion). And the line breaks that only YAML 1.1 knows (NEL, LINE SEPARATOR, PARAGRAPH
 * SEPARATOR), which Kubernetes would honour and a YAML 1.2 parser would not, make their document
 * unreadable instead of hiding the line after them.
 */
class LineEndingsTest {

  private enum Variant {
    CRLF(text -> text.replace("\n", "\r\n")),
    CR(text -> text.replace("\n", "\r")),
    BOM(text -> "\uFEFF" + text),
    BOM_CRLF(text -> "\uFEFF" + text.replace("\n", "\r\n"));

    private final UnaryOperator<String> transform;

    Variant(UnaryOperator<String> transform) {
      this.transform = transform;
    }
  }

  private static final char[] YAML_1_1_BREAKS = {'\u0085', '\u2028', '\u2029'};

  @TempDir
  static Path temp;

  @TestFactory
  Stream<DynamicTest> sameFindingsWithOtherLineEndsAndAByteOrderMark() {
    return EvasionFixtures.all().stream().flatMap(fixture -> Stream.of(Variant.values()).map(variant ->
        DynamicTest.dynamicTest(EvasionFixtures.name(fixture) + " " + variant, fixture.toUri(), () -> {
          String text = EvasionFixtures.text(fixture);
          assertThat(text).doesNotContain("\r").doesNotStartWith("\uFEFF");
          Path file = write(variant + "-" + fixture.getParent().getFileName() + "-" + fixture.getFileName(),
              variant.transform.apply(text));
          assertThat(Files.readString(file, StandardCharsets.UTF_8).equals(text)).as("changed").isFalse();
          RuleFixtures.verifyScan(EvasionFixtures.scanner(fixture), file);
        })));
  }

  /**
   * The first marked line of each {@code fires} fixture, hidden at the end of a comment behind a
   * YAML 1.1 line break: the document becomes unreadable at that character, and the other documents
   * of the file keep their findings.
   */
  @TestFactory
  Stream<DynamicTest> yaml11LineBreaksMakeTheDocumentUnreadable() {
    List<Path> fires = EvasionFixtures.all().stream()
        .filter(p -> p.getFileName().toString().startsWith("fires-"))
        .collect(Collectors.toList());
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < fires.size(); i++) {
      Path fixture = fires.get(i);
      char breaker = YAML_1_1_BREAKS[i % YAML_1_1_BREAKS.length];
      tests.add(DynamicTest.dynamicTest(EvasionFixtures.name(fixture) + String.format(" U+%04X", (int) breaker),
          fixture.toUri(), () -> hiddenBehind(fixture, breaker)));
    }
    return tests.stream();
  }

  private static void hiddenBehind(Path fixture, char breaker) {
    String text = EvasionFixtures.text(fixture);
    List<String> lines = new ArrayList<>(text.lines().collect(Collectors.toList()));
    int marked = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("# expect:") && !lines.get(i).trim().startsWith("#")) {
        marked = i;
        break;
      }
    }
    assertThat(marked).as("a marked line in %s", fixture).isNotNegative();
    String line = lines.get(marked);
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    String prefix = indent + "# nothing to see" + breaker;
    lines.set(marked, prefix + line);
    String hidden = String.join("\n", lines) + "\n";

    ScanReport original = EvasionFixtures.scan(fixture);
    ScanReport report = EvasionFixtures.scan(EvasionFixtures.scanner(fixture), fixture.getFileName().toString(),
        hidden.getBytes(StandardCharsets.UTF_8));

    assertThat(report.errors()).extracting(LoadError::line, LoadError::column)
        .containsExactly(tuple(marked + 1, prefix.length()));
    assertThat(report.errors().get(0).message()).contains(String.format("U+%04X", (int) breaker));
    int[] document = documentAround(lines, marked);
    List<String> outside = EvasionFixtures.describe(original, 0).stream()
        .filter(f -> {
          int at = Integer.parseInt(f.substring(0, f.indexOf(':')));
          return at < document[0] || at > document[1];
        })
        .collect(Collectors.toList());
    assertThat(EvasionFixtures.describe(report, 0)).containsExactlyElementsOf(outside);
  }

  /** The first and last 1-based line of the document (between {@code ---} lines) holding 0-based line {@code at}. */
  private static int[] documentAround(List<String> lines, int at) {
    int first = at;
    while (first > 0 && !lines.get(first - 1).equals("---")) {
      first--;
    }
    int last = at;
    while (last + 1 < lines.size() && !lines.get(last + 1).equals("---")) {
      last++;
    }
    return new int[] {first + 1, last + 1};
  }

  private static Path write(String name, String text) throws IOException {
    return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
  }
}
