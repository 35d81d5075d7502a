/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rules.workload.WorkloadRules;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A ConfigMap value is parsed as YAML or JSON only when something in it could be reported: the
 * pre-check never skips a value in which parsing would find a credential.
 */
class EmbeddedPrecheckTest {

  private static final HardcodedEnvSecret.Params DEFAULTS = HardcodedEnvSecret.Params.of(
      SecretPatterns.DEFAULT_NAME_PATTERNS, SecretPatterns.DEFAULT_IGNORED_SUFFIXES);

  private static List<String> found(String key, String yamlValue) {
    Kubeward scanner = Kubeward.builder().rules(new WorkloadRules().rules()).profile(Profile.ALL)
        .onlyRules(Set.of("secret-in-config-map")).build();
    return scanner.scanString("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  "
        + key + ": " + yamlValue + "\n").findings().stream().map(Finding::message).toList();
  }

  @Test
  void aPemHeaderFoldedOverTwoLinesIsFoundAsParsed() {
    // The double-quoted JSON string folds its line break into a space: only the parsed value reads
    // "-----BEGIN RSA PRIVATE KEY-----".
    String value = "'{\"blob\": \"-----BEGIN RSA\n\n    PRIVATE KEY----- MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\"}'";
    assertThat(found("folded.json", value)).containsExactly(
        "ConfigMap c holds a value that looks like a private key under key \"blob\" of the JSON in \"folded.json\" (value not shown)");
    assertThat(SecretInConfigMap.holdsNoCandidate("{\"blob\": \"-----BEGIN RSA\nPRIVATE KEY-----\"}", DEFAULTS)).isFalse();
  }

  @Test
  void anEscapedNameIsFoundAsParsed() {
    assertThat(found("escaped.json", "'{\"db_p\\u0061ssword\": \"hunter2\"}'")).hasSize(1);
    assertThat(SecretInConfigMap.holdsNoCandidate("{\"db_p\\u0061ssword\": \"hunter2\"}", DEFAULTS)).isFalse();
  }

  @Test
  void escapesThatOnlyQuoteAreNoReasonToParse() {
    // A Grafana dashboard: JSON strings full of \" and \\ in its queries, and nothing secret.
    String dashboard = "{\"expr\": \"sum(rate(http_requests_total{job=\\\"api\\\", path=~\\\"/v1\\\\/.*\\\"}[5m]))\","
        + " \"legend\": \"{{pod}}\\n{{container}}\", \"url\": \"https:\\/\\/grafana.example\\/d\\/x\"}";
    assertThat(dashboard).contains("\\\"").contains("\\/");
    assertThat(SecretInConfigMap.holdsNoCandidate(dashboard, DEFAULTS)).isTrue();
    assertThat(found("dashboard.json", "'" + dashboard + "'")).isEmpty();
  }

  @Test
  void escapesThatMakeACandidateAreParsed() {
    // A line-feed escape ends the word before an access key id (read as it is, "nAKIA..." is inside a word).
    String newline = "{\"notes\": \"rotate\\nAKIAIOSFODNN7EXAMPLF\"}";
    assertThat(SecretInConfigMap.holdsNoCandidate(newline, DEFAULTS)).isFalse();
    assertThat(found("notes.json", "'" + newline + "'")).containsExactly(
        "ConfigMap c holds a value that looks like an AWS access key id under key \"notes\" of the JSON in \"notes.json\" (value not shown)");
    // A hex escape spells the key id.
    String hex = "{\"notes\": \"\\x41KIAIOSFODNN7EXAMPLF\"}";
    assertThat(SecretInConfigMap.holdsNoCandidate(hex, DEFAULTS)).isFalse();
    assertThat(found("hex.json", "'" + hex + "'")).hasSize(1);
    // An escaped line break joins the two halves of a key id.
    String joined = "{\"notes\": \"AKIAIOSF\\\n    ODNN7EXAMPLF\"}\n";
    assertThat(SecretInConfigMap.holdsNoCandidate(joined, DEFAULTS)).isFalse();
    assertThat(found("joined.json", "|\n    {\"notes\": \"AKIAIOSF\\\n      ODNN7EXAMPLF\"}")).hasSize(1);
    // In a plain scalar a backslash is text: "\\token" still names a token.
    assertThat(SecretInConfigMap.holdsNoCandidate("api:\n  x\\token: abc\n", DEFAULTS)).isFalse();
  }

  @Test
  void wordsAreFoundWhereverTheyStartWithSeparatorsBetweenTheirLetters() {
    String[] words = DEFAULTS.namePatterns();
    SecretPatterns.Initials initials = DEFAULTS.initials();
    assertThat(SecretPatterns.mentionsAny("db: {p_a-s.sword: x}", words, initials)).isTrue();
    assertThat(SecretPatterns.mentionsAny("toKEN", words, initials)).isTrue();
    assertThat(SecretPatterns.mentionsAny("x-apI-Key", words, initials)).isTrue();
    assertThat(SecretPatterns.mentionsAny("passwd", words, initials)).isTrue();
    assertThat(SecretPatterns.mentionsAny("pass word, to ken, tok", words, initials)).isFalse();
    assertThat(SecretPatterns.mentionsAny("p", words, initials)).isFalse();
    // Words the pair filter cannot hold (one letter, or not starting with two of A to Z) are looked for everywhere.
    assertThat(mentions("the x1 value", "X1")).isTrue();
    assertThat(mentions("a q b", "Q")).isTrue();
    assertThat(mentions("a q b", "Z")).isFalse();
  }

  private static boolean mentions(String text, String word) {
    String[] words = SecretPatterns.compile(List.of(word));
    return SecretPatterns.mentionsAny(text, words, SecretPatterns.initials(words));
  }

  @Test
  void decodingFollowsTheDoubleQuotedEscapes() {
    assertThat(SecretInConfigMap.decoded("a\\\"b\\\\c\\/d\\te\\u0041\\x42\\U00000043\\q")).isEqualTo("a\"b\\c/d\teABC\\q");
    assertThat(SecretInConfigMap.decoded("pass\\\n   word")).isEqualTo("password");
    assertThat(SecretInConfigMap.decoded("end\\")).isEqualTo("end\\");
    assertThat(SecretInConfigMap.decoded("\\u00zz")).isEqualTo("\\u00zz");
  }

  @Test
  void aValueWithoutAnyCandidateIsNotParsed() {
    assertThat(SecretInConfigMap.holdsNoCandidate("server {\n  listen 80;\n}\n", DEFAULTS)).isTrue();
    assertThat(SecretInConfigMap.holdsNoCandidate("{\"logLevel\": \"debug\", \"port\": 8080}", DEFAULTS)).isTrue();
    assertThat(SecretInConfigMap.holdsNoCandidate("auth:\n  api-key: x\n", DEFAULTS)).isFalse();
    assertThat(SecretInConfigMap.holdsNoCandidate("a: AKIAIOSFODNN7EXAMPLF\n", DEFAULTS)).isFalse();
  }

  /**
   * Every ConfigMap value of this module's fixtures, and each of them under a neutral key: where the
   * pre-check says nothing can be found, inspecting the value finds nothing.
   */
  @Test
  void thePrecheckNeverHidesWhatParsingFinds() throws IOException, URISyntaxException {
    Path rules = Path.of(EmbeddedPrecheckTest.class.getClassLoader().getResource("rules").toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(rules)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList();
    }
    Loader loader = Loader.defaults();
    List<String> skipped = new ArrayList<>();
    int values = 0;
    for (Path file : files) {
      LoadResult loaded = loader.loadBytes(file.toString(), Files.readAllBytes(file));
      for (Resource r : loaded.resources()) {
        MapNode data = r.root().get("data").asMap();
        for (int i = 0; i < data.size(); i++) {
          Node value = data.value(i);
          String text = value.text();
          if (text == null || text.isEmpty()) {
            continue;
          }
          values++;
          if (SecretInConfigMap.holdsNoCandidate(text, DEFAULTS)) {
            skipped.add(text);
            List<String> found = new ArrayList<>();
            SecretInConfigMap.inspectParsed("neutral", value, text, DEFAULTS, false, (v, k, e, at, kind) -> found.add(kind));
            assertThat(found).as("%s in %s", data.key(i), file).isEmpty();
          }
        }
      }
    }
    assertThat(values).isGreaterThan(50);
    assertThat(skipped).isNotEmpty();
  }
}
