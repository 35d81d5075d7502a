/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.engine.Configuration;
import dev.kubeward.engine.ConfigurationFile;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} says what is true: its {@code .kubeward.yaml} examples load with
 * the rules that ship (every rule id and parameter exists), and its error messages are the ones
 * Kubeward gives for the mistakes below.
 */
class ConfigurationDocsTest {

  static final Path DOC = Path.of("../docs/configuration.md");

  /** The mistakes behind the documented file errors, in the documented order. */
  static final List<String> FILE_MISTAKES = List.of(
      "rules:\n  image-not-pinned: off\n  run-as-non-root:\n    severity: urgent\n",
      "profil: all\n",
      "exemptions:\n  - rule: privileged-container\n    kind: DaemonSet\n");

  /** The mistakes behind the documented build errors: rule settings, in the documented order. */
  static final List<Map<String, Object>> BUILD_MISTAKES = List.of(
      Map.of("rules", Map.of("imagenotpinned", "off")),
      Map.of("rules", Map.of("low-replica-count", Map.of("params", Map.of("minReplicas", List.of("2", "3"))))));

  @Test
  void everyConfigurationExampleLoadsWithTheShippedRules() throws IOException {
    List<String> examples = blocks().stream().filter(b -> b.startsWith("# .kubeward.yaml\n")).toList();
    assertThat(examples).isNotEmpty();
    Set<String> shipped = shippedIds();
    for (String example : examples) {
      Configuration configuration = ConfigurationFile.parse(".kubeward.yaml", example);
      Kubeward kubeward = Kubeward.builder().configuration(configuration).build();
      assertThat(kubeward.rules()).isNotEmpty();
      List<String> named = new ArrayList<>(configuration.enabledRules());
      named.addAll(configuration.disabledRules());
      named.addAll(configuration.severities().keySet());
      named.addAll(configuration.parameters().keySet());
      assertThat(shipped).as("rules the example names").containsAll(named);
    }
  }

  @Test
  void theDocumentedErrorsAreTheOnesKubewardGives() throws IOException {
    List<String> documented = blocks().stream().filter(b -> b.startsWith(".kubeward.yaml:") || b.startsWith("unknown"))
        .flatMap(String::lines).toList();
    List<String> actual = new ArrayList<>();
    for (String mistake : FILE_MISTAKES) {
      actual.add(message(() -> ConfigurationFile.parse(".kubeward.yaml", mistake)));
    }
    for (Map<String, Object> mistake : BUILD_MISTAKES) {
      String yaml = toYaml(mistake);
      Configuration configuration = ConfigurationFile.parse(".kubeward.yaml", yaml);
      actual.add(message(() -> Kubeward.builder().configuration(configuration).build()));
    }
    assertThat(documented).as("the errors %s documents", DOC).containsExactlyElementsOf(actual);
  }

  private static Set<String> shippedIds() {
    return Kubeward.builder().profile(Profile.ALL).build().rules().stream()
        .map(Rule::metadata).map(RuleMetadata::id).collect(Collectors.toSet());
  }

  private static String message(Runnable action) {
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(action::run).isInstanceOf(IllegalArgumentException.class).satisfies(t -> thrown[0] = t);
    return thrown[0].getMessage();
  }

  /** A small YAML writer for nested maps and lists of strings, in flow style. */
  private static String toYaml(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> e.getKey() + ": " + toYaml(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ConfigurationDocsTest::toYaml).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(value);
  }

  /** The fenced code blocks of the page, without their fences. */
  private static List<String> blocks() throws IOException {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("```")) {
        if (block == null) {
          block = new StringBuilder();
        } else {
          blocks.add(block.toString());
          block = null;
        }
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }
}
