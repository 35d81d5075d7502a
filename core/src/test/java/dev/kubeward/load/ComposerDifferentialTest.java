/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token composer against the event composer it replaces: every YAML, JSON and fuzz-seed file
 * of the repository's test resources and of the benchmark corpus, seeded mutations of them, and
 * the constructs of the grammar one by one. Where they differ, the event composer is right.
 */
class ComposerDifferentialTest {

  /** The repository checkout the tests run in (they run in {@code core/}). */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** The files compared: test resources of every module, and the benchmark corpus. */
  static List<Path> fixtures() {
    List<Path> roots = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules.filter(Files::isDirectory).forEach(m -> {
        roots.add(m.resolve("src/test/resources"));
        roots.add(m.resolve("src/main/resources/corpus"));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile).filter(ComposerDifferentialTest::yamlLike).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static boolean yamlLike(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")
        || p.toString().contains("FuzzTestInputs");
  }

  private static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyFixtureReadsTheSame() {
    List<Path> files = fixtures();
    // core's own, the rules modules' fixtures, the assertj kit's and the 428 corpus files
    assertThat(files).hasSizeGreaterThan(1000);
    ComposerDiff diff = new ComposerDiff();
    for (Path f : files) {
      diff.check(ROOT.relativize(f).toString(), read(f));
    }
    assertThat(diff.chunks).isGreaterThan(2000);
    // Every readable document is read from tokens alone: the fallback is for failures and directives.
    assertThat(diff.notTakenSamples).as("readable chunks the token path left to the event composer").isEmpty();
  }

  @Test
  void mutatedFixturesReadTheSame() {
    List<Path> files = fixtures();
    Random random = new Random(20261206L);
    String alphabet = ":-?[]{},&*!|>'\"#%.~<@` \t\n\n  ab0";
    ComposerDiff diff = new ComposerDiff();
    for (Path f : files) {
      String text = read(f);
      if (text.length() > 6000) {
        continue;
      }
      for (int k = 0; k < 8; k++) {
        StringBuilder m = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
          int at = m.length() == 0 ? 0 : random.nextInt(m.length());
          char c = alphabet.charAt(random.nextInt(alphabet.length()));
          switch (random.nextInt(3)) {
            case 0 -> m.insert(at, c);
            case 1 -> {
              if (m.length() > 0) {
                m.deleteCharAt(at);
              }
            }
            default -> {
              if (m.length() > 0) {
                m.setCharAt(at, c);
              }
            }
          }
        }
        diff.check(ROOT.relativize(f) + " mutation " + k, m.toString());
      }
    }
    assertThat(diff.chunks).isGreaterThan(5000);
    assertThat(diff.readable).isGreaterThan(1000);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "\n", "---", "--- \n...\n", "...\n", "a: 1\n...\n", "a: 1\n...\n---\nb: 2\n", "--- a\n--- b\n",
      "---\n---\n", "--- |\n  x\n", "%YAML 1.1\n---\na: 1\n", "%TAG !e! tag:e.com,2000:\n---\n!e!x a\n",
      "a: 1\n%YAML 1.1\n---\n", "a: 1\n...\n%YAML 1.1\n---\nb: 2\n", "a: b: c\n", "a:\n- 1\n- 2\nb: 3\n",
      "a:\n  - 1\n  -\n  - 3\n", "- a\n-\n- - b\n  - c\n", "? a\n: b\n", "? a\n? b\n: c\n", "?\n: x\n",
      "? - a\n  - b\n: c\n", "? [a]\n: b\n", "a: [1, 2, ]\n", "a: [? x : y, z: w, :v]\n", "a: [? x]\n",
      "a: {x, y: 1, ? z, : q}\n", "a: {x: 1,}\n", "{a: 1} \n", "[a, b]\n", "a: [b\n", "a: {b\n", "a: [b,, c]\n",
      "a: &x 1\nb: *x\n", "a: &x\nb: *x\n", "a: !!str 1\nb: !!int '2'\nc: ! 3\nd: !<tag:yaml.org,2002:str> 4\n",
      "a: !foo bar\nb: !!binary aGk=\nc: &a !!str\nd: !!str &b\n", "a: !!map\n  b: 1\n", "a: !e!x b\n",
      "&a a: 1\n*a : 2\n", "a: &m {x: 1}\nb:\n  <<: *m\n  y: 2\n", "b:\n  x: 1\n  <<: {x: 2}\n",
      "a: |\n  lit\n  eral\nb: >\n  folded\nc: |2\n   x\nd: &q |\n  y\n", "a: 'single'\nb: \"dou\\tble\"\n",
      "a: yes\nb: No\nc: ~\nd: 0x1F\ne: 1_000\nf: .inf\n1: x\ntrue: y\n0o17: z\n", "a:\n  b:\n    c: d\n  e: f\n",
      "a: 1\n a: 2\n", "a: 1\nb\n", "- a\nb: c\n", "a:\n- b\n c\n", "  - a\n - b\n", "a: *nope\n", "*a\n",
      "&a\n", "!!str\n", "&a [*a]\n", "[a]: b\n", "{a: 1}: b\n", "null: 1\n", "~: 1\n", "a: 1\na: 2\n",
      "a: {b: 1, b: 2}\n", "a: [1, {b: 2}, [3]]\n", "- ? a\n  : b\n", "a: \"\\x4\"\n", "a: \"\\x\n", "\ta: 1\n",
      "a: 1 # comment\n# c\nb: 2\n", "key: {{ .Values.x }}\n", "{{ if }}\nkey: 1\n", "a: b\n  c: d\n",
      "a:\n  - b: 1\n    c: 2\n  - d\n", "a: &a\n  - 1\nb: *a\n", "- &x a\n- *x\n- !!str *x\n", "[&x a, *x]\n",
      "{? a: b}\n", "[a: b, c: d]\n", "[? : x]\n", "{? : x}\n", "- !!null\n- !!bool yes\n", "!!str : a\n",
      "a:\n- b\n-\n", "a:\n-\nb: c\n", "? a\nb: c\n", "? !!str\n: x\n", "a: !x\n", "---\n- a\n--- !!map\nb: 1\n"})
  void constructsReadTheSame(String text) {
    ComposerDiff diff = new ComposerDiff();
    diff.check("case", text);
    // with the chunk elsewhere in the text, read in place
    diff.check("case in place", "# a comment line before\n---\n" + text);
  }
}
