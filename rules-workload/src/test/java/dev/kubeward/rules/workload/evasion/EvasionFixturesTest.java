/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.evasion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.assertj.RuleFixtures;
import dev.kubeward.rule.Rule;
import dev.kubeward.rules.workload.WorkloadRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every evasion fixture, as written: each violation hidden behind a YAML or Kubernetes trick is
 * still reported, by the right rule, at the right line (and column where the marker pins one), and
 * each compliant twin passes. The generated variants of the same fixtures (line ends, byte order
 * mark, JSON, list wrappers) have their own tests.
 */
class EvasionFixturesTest {

  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([^#]+)$");
  private static final Pattern RULE = Pattern.compile("^\\s*([a-z0-9-]+)");

  @TestFactory
  Stream<DynamicTest> everyFixtureHolds() {
    return EvasionFixtures.all().stream().map(file -> DynamicTest.dynamicTest(EvasionFixtures.name(file), file.toUri(),
        () -> RuleFixtures.verifyScan(EvasionFixtures.scanner(file), file)));
  }

  @Test
  void everyFamilyHasFixtures() throws Exception {
    try (Stream<Path> dirs = Files.list(EvasionFixtures.root())) {
      assertThat(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
          .containsAll(EvasionFixtures.FAMILIES);
    }
    for (String family : EvasionFixtures.FAMILIES) {
      assertThat(EvasionFixtures.files(EvasionFixtures.root().resolve(family))).as(family).hasSizeGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void everyFiresFixtureHasAPassingTwinAndSaysWhatItTries() {
    List<String> problems = new ArrayList<>();
    for (Path file : EvasionFixtures.all()) {
      String name = file.getFileName().toString();
      String text = EvasionFixtures.text(file);
      List<String> markers = markedRules(text);
      if (!text.startsWith("# Trick: ")) {
        problems.add(EvasionFixtures.name(file) + " does not start with a '# Trick: ' comment");
      }
      if (name.startsWith("fires-")) {
        if (markers.isEmpty()) {
          problems.add(EvasionFixtures.name(file) + " expects no finding");
        }
        Path twin = file.resolveSibling("passes-" + name.substring("fires-".length()));
        if (!Files.exists(twin)) {
          problems.add(EvasionFixtures.name(file) + " has no twin " + twin.getFileName());
        } else if (!EvasionFixtures.text(twin).lines().filter(l -> l.startsWith("# ")).findFirst()
            .equals(text.lines().filter(l -> l.startsWith("# ")).findFirst())) {
          problems.add(EvasionFixtures.name(twin) + " does not try the trick of its twin (first comments differ)");
        }
      } else {
        if (!markers.isEmpty()) {
          problems.add(EvasionFixtures.name(file) + " expects findings");
        }
        if (!Files.exists(file.resolveSibling("fires-" + name.substring("passes-".length())))) {
          problems.add(EvasionFixtures.name(file) + " has no twin that fires");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyPodSecurityCheckIsCaughtBehindSomeTrick() {
    Set<String> pss = new WorkloadRules().rules().stream()
        .map(Rule::metadata)
        .filter(m -> m.hasControlPrefix("pss-baseline:") || m.hasControlPrefix("pss-restricted:"))
        .map(m -> m.id())
        .filter(id -> !id.equals("pod-security-admission"))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> caught = EvasionFixtures.all().stream()
        .flatMap(file -> markedRules(EvasionFixtures.text(file)).stream())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(caught).containsAll(pss);
  }

  /** The rule ids of every {@code # expect:} marker of {@code text}. */
  static List<String> markedRules(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.lines().collect(Collectors.toList())) {
      Matcher m = EXPECT.matcher(line);
      if (m.find()) {
        for (String item : m.group(1).split(",")) {
          Matcher r = RULE.matcher(item);
          if (r.find()) {
            out.add(r.group(1));
          }
        }
      }
    }
    return out;
  }
}
