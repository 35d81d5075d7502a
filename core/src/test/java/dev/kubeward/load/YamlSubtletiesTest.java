/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static dev.kubeward.load.Loading.errors;
import static dev.kubeward.load.Loading.load;
import static dev.kubeward.load.Loading.one;
import static dev.kubeward.load.Loading.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlSubtletiesTest {

  private static String at(Node node) {
    return node.line() + ":" + node.column();
  }

  @ParameterizedTest
  @ValueSource(strings = {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"})
  void plainTrueSpellings(String spelling) {
    Node value = one("apiVersion: v1\nkind: Pod\nprivileged: " + spelling + "\n").root().get("privileged");

    assertThat(value.isTrue()).isTrue();
    assertThat(((ScalarNode) value).type()).isEqualTo(ScalarNode.Type.BOOLEAN);
    assertThat(value.text()).isEqualTo(spelling);
    assertThat(at(value)).isEqualTo("3:13");
  }

  @ParameterizedTest
  @ValueSource(strings = {"n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"})
  void plainFalseSpellings(String spelling) {
    Node value = one("apiVersion: v1\nkind: Pod\nprivileged: " + spelling + "\n").root().get("privileged");

    assertThat(value.isFalse()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"'yes'", "\"on\"", "'N'", "\"true\"", "!!str yes", "'off'"})
  void quotedOrStringTaggedBooleansStayStrings(String spelling) {
    Node value = one("apiVersion: v1\nkind: Pod\nprivileged: " + spelling + "\n").root().get("privileged");

    assertThat(value.isTrue()).isFalse();
    assertThat(value.isFalse()).isFalse();
    assertThat(((ScalarNode) value).type()).isEqualTo(ScalarNode.Type.STRING);
  }

  @Test
  void integersInEveryForm() {
    MapNode v = one("""
        apiVersion: v1
        kind: Test
        values:
          hex: 0x1F
          octal: 0o17
          oldOctal: 0644
          underscores: 1_000_000
          negative: -3
          quoted: "42"
          float: 1.5
          big: 99999999999999999999
        """).root().get("values").asMap();

    assertThat(v.get("hex").longValue(-1)).isEqualTo(31);
    assertThat(v.get("octal").longValue(-1)).isEqualTo(15);
    assertThat(v.get("oldOctal").longValue(-1)).isEqualTo(420);
    assertThat(v.get("underscores").longValue(-1)).isEqualTo(1_000_000);
    assertThat(v.get("negative").longValue(-1)).isEqualTo(-3);
    assertThat(v.get("quoted").longValue(-1)).as("a quoted number is a string").isEqualTo(-1);
    assertThat(v.get("float").longValue(-1)).isEqualTo(-1);
    assertThat(v.get("big").longValue(-1)).isEqualTo(-1);
    assertThat(v.get("oldOctal").text()).isEqualTo("0644");
    assertThat(at(v.get("oldOctal"))).isEqualTo("6:13");
  }

  @Test
  void nullForms() {
    MapNode v = one("""
        apiVersion: v1
        kind: Test
        values:
          empty:
          tilde: ~
          word: null
          title: Null
          upper: NULL
          quoted: 'null'
          flow: {a: , b: ~}
        """).root().get("values").asMap();

    for (String key : List.of("empty", "tilde", "word", "title", "upper")) {
      assertThat(v.get(key).isNull()).as(key).isTrue();
      assertThat(v.get(key).isMissing()).as(key).isFalse();
      assertThat(v.get(key).text()).as(key).isNull();
    }
    assertThat(v.has("empty")).isTrue();
    assertThat(v.get("quoted").text()).isEqualTo("null");
    assertThat(v.get("flow").get("a").isNull()).isTrue();
    assertThat(v.get("flow").get("b").isNull()).isTrue();
    assertThat(at(v.get("tilde"))).isEqualTo("5:10");
  }

  @Test
  void plainKeysBecomeTheirJsonText() {
    MapNode v = one("""
        apiVersion: v1
        kind: Test
        values:
          yes: a
          Off: b
          0x10: c
          "on": d
          1.5: e
        """).root().get("values").asMap();

    assertThat(v.get("true").text()).isEqualTo("a");
    assertThat(v.get("false").text()).isEqualTo("b");
    assertThat(v.get("16").text()).isEqualTo("c");
    assertThat(v.get("on").text()).isEqualTo("d");
    assertThat(v.get("1.5").text()).isEqualTo("e");
    assertThat(at(v.keyNode("16"))).isEqualTo("6:3");
  }

  @Test
  void keysThatMeanTheSameAreDuplicates() {
    LoadResult result = load("apiVersion: v1\nkind: Test\ny: 1\nyes: 2\n");

    assertThat(errors(result)).containsExactly("in.yaml:4:1: duplicate key 'true' (first at 3:1)");
  }

  @Test
  void aNullKeyMakesTheDocumentUnreadable() {
    LoadResult result = load("apiVersion: v1\nkind: Test\n~: x\n---\napiVersion: v1\nkind: Next\n");

    assertThat(errors(result)).containsExactly("in.yaml:3:1: a mapping key must not be null");
    assertThat(resources(result)).containsExactly("Next null@5:1");
  }

  private static final String MERGES = """
      apiVersion: v1
      kind: Test
      base: &base
        cpu: 100m
        memory: 64Mi
      extra: &extra
        memory: 128Mi
        gpu: 1
      single:
        <<: *base
        cpu: 200m
      many:
        <<: [*extra, *base]
        own: x
      inline:
        <<: {shared: true}
        "<<": literal
      """;

  @Test
  void mergeKeyWithOneMapExplicitKeysWin() {
    Resource r = one(MERGES);
    MapNode single = r.root().get("single").asMap();

    assertThat(keys(single)).containsExactly("cpu", "memory");
    assertThat(single.get("cpu").text()).isEqualTo("200m");
    assertThat(at(single.get("cpu"))).isEqualTo("11:8");
    assertThat(single.get("memory").text()).isEqualTo("64Mi");
    assertThat(at(single.get("memory"))).as("a merged value keeps where it is written").isEqualTo("5:11");
    assertThat(at(single.keyNode("memory"))).isEqualTo("5:3");
    assertThat(r.pointerOf(single.get("memory"))).isEqualTo("/single/memory");
    assertThat(r.pointerOf(r.root().get("base").get("memory"))).isEqualTo("/base/memory");
    assertThat(single.get("memory")).isNotSameAs(r.root().get("base").get("memory"));
  }

  @Test
  void mergeKeyWithAListEarlierMapsWin() {
    Resource r = one(MERGES);
    MapNode many = r.root().get("many").asMap();

    assertThat(keys(many)).containsExactly("own", "memory", "gpu", "cpu");
    assertThat(many.get("memory").text()).isEqualTo("128Mi");
    assertThat(at(many.get("memory"))).isEqualTo("7:11");
    assertThat(at(many.get("gpu"))).isEqualTo("8:8");
    assertThat(at(many.get("cpu"))).isEqualTo("4:8");
    assertThat(r.pointerOf(many.get("cpu"))).isEqualTo("/many/cpu");
    assertThat(r.pointerOf(many.get("gpu"))).isEqualTo("/many/gpu");
  }

  @Test
  void aQuotedMergeKeyIsAnOrdinaryKey() {
    MapNode inline = one(MERGES).root().get("inline").asMap();

    assertThat(keys(inline)).containsExactly("<<", "shared");
    assertThat(inline.get("<<").text()).isEqualTo("literal");
    assertThat(inline.get("shared").isTrue()).isTrue();
  }

  @Test
  void mergeKeyNeedsMaps() {
    LoadResult scalar = load("apiVersion: v1\nkind: Test\nm:\n  <<: 5\n");
    LoadResult list = load("apiVersion: v1\nkind: Test\na: &a {x: 1}\nm:\n  <<: [*a, 3]\n");

    assertThat(errors(scalar)).containsExactly("in.yaml:4:3: a merge key (<<) needs a mapping or a list of mappings");
    assertThat(errors(list)).containsExactly("in.yaml:5:12: a merge key (<<) list may hold only mappings");
  }

  private static final String ALIASES = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
          - name: a
            image: &img registry.example.com/app:1.0
            securityContext: &sc
              privileged: true
          - name: b
            image: *img
            securityContext: *sc
      """;

  @Test
  void aliasesAreCopiesEachWithItsOwnPointer() {
    Resource r = one(ALIASES);
    Node a = r.root().get("spec").get("containers").get(0);
    Node b = r.root().get("spec").get("containers").get(1);

    assertThat(b.get("image").text()).isEqualTo("registry.example.com/app:1.0");
    assertThat(b.get("image")).isNotSameAs(a.get("image"));
    assertThat(r.pointerOf(a.get("image"))).isEqualTo("/spec/containers/0/image");
    assertThat(r.pointerOf(b.get("image"))).isEqualTo("/spec/containers/1/image");
    assertThat(r.pointerOf(b.get("securityContext").get("privileged")))
        .isEqualTo("/spec/containers/1/securityContext/privileged");
    assertThat(r.pointerOf(a.get("securityContext").get("privileged")))
        .isEqualTo("/spec/containers/0/securityContext/privileged");
    assertThat(b.get("securityContext").get("privileged").isTrue()).isTrue();
  }

  @Test
  void anAliasSitsWhereItIsUsedAndItsContentWhereItIsWritten() {
    Resource r = one(ALIASES);
    Node a = r.root().get("spec").get("containers").get(0);
    Node b = r.root().get("spec").get("containers").get(1);

    assertThat(at(a.get("image"))).isEqualTo("8:14");
    assertThat(at(b.get("image"))).isEqualTo("12:14");
    assertThat(at(b.get("securityContext"))).isEqualTo("13:24");
    assertThat(at(b.get("securityContext").get("privileged"))).isEqualTo("10:21");
    assertThat(at(b.get("securityContext").asMap().keyNode("privileged"))).isEqualTo("10:9");
  }

  @Test
  void anAliasToAnUnknownAnchorIsAnError() {
    LoadResult result = load("apiVersion: v1\nkind: Test\nx: *nowhere\n");

    assertThat(errors(result)).containsExactly("in.yaml:3:4: alias refers to no earlier anchor");
  }

  @Test
  void anchorsDoNotLeakAcrossDocuments() {
    LoadResult result = load("apiVersion: v1\nkind: A\nx: &a 1\n---\napiVersion: v1\nkind: B\ny: *a\n");

    assertThat(resources(result)).containsExactly("A null@1:1");
    assertThat(errors(result)).containsExactly("in.yaml:7:4: alias refers to no earlier anchor");
  }

  @Test
  void duplicateKeysAreReportedWithBothPositions() {
    LoadResult result = load("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: first
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: a:1
                  image: b:2
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: last, name: again}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: after
        """);

    assertThat(errors(result)).containsExactly(
        "in.yaml:16:11: duplicate key 'image' (first at 15:11)",
        "in.yaml:20:24: duplicate key 'name' (first at 20:12)");
    assertThat(resources(result)).containsExactly("ConfigMap first@1:1", "ConfigMap after@22:1");
    assertThat(result.documents()).isEqualTo(4);
  }

  @Test
  void aMergedKeyIsNoDuplicate() {
    Resource r = one("apiVersion: v1\nkind: Test\nb: &b {x: 1}\nm: {<<: *b, x: 2}\n");

    assertThat(r.root().get("m").get("x").longValue(0)).isEqualTo(2);
  }

  @Test
  void tagsAndBlockScalars() {
    MapNode v = one("""
        apiVersion: v1
        kind: Test
        values:
          literal: |
            line one
            line two
          folded: >-
            folded
            text
          number: !!int "7"
          string: !!str 7
          custom: !thing plain
        """).root().get("values").asMap();

    assertThat(v.get("literal").text()).isEqualTo("line one\\nline two\\n".translateEscapes());
    assertThat(at(v.get("literal"))).isEqualTo("4:12");
    assertThat(v.get("folded").text()).isEqualTo("folded text");
    assertThat(v.get("number").longValue(-1)).isEqualTo(7);
    assertThat(v.get("string").longValue(-1)).isEqualTo(-1);
    assertThat(v.get("string").text()).isEqualTo("7");
    assertThat(v.get("custom").text()).isEqualTo("plain");
  }

  private static List<String> keys(MapNode map) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < map.size(); i++) {
      keys.add(map.key(i));
    }
    return keys;
  }
}
