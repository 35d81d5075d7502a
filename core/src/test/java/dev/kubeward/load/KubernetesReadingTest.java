/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kubeward.model.Resource;
import dev.kubeward.model.Scalars;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Manifests that Kubernetes reads differently from a YAML 1.2 parser: the loader reads them the
 * Kubernetes way or refuses them, never a third way. (The rules module runs every Pod Security
 * check behind these forms; these tests pin the loader alone.)
 */
class KubernetesReadingTest {

  private static LoadResult load(String text) {
    return Loader.defaults().loadString("m.yaml", text);
  }

  @Test
  void aMergeKeyAfterTheKeyItSuppliesIsUnreadable() {
    LoadResult result = load("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        data:
          mode: safe
          <<: {mode: open}
        """);

    assertThat(result.resources()).isEmpty();
    assertThat(result.errors()).extracting(LoadError::line, LoadError::column, LoadError::message)
        .containsExactly(tuple(6, 3, "merge key (<<) sets 'mode' again (merged from 6:8, first at 5:3); YAML and"
            + " Kubernetes disagree on which value wins, so put the merge key first"));
  }

  @Test
  void aMergeKeyBeforeTheKeyItSuppliesLosesToIt() {
    LoadResult result = load("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        data:
          <<: [{mode: open, extra: one}, {mode: other, more: two}]
          mode: safe
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.resources().get(0).root().get("data").toString())
        .isEqualTo("{mode: STRING:safe, extra: STRING:one, more: STRING:two}");
  }

  @Test
  void twoMergeKeysInOneMappingAreADuplicateKey() {
    LoadResult result = load("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        data:
          <<: {mode: safe}
          <<: {mode: open}
        """);

    assertThat(result.errors()).extracting(LoadError::line, LoadError::column, LoadError::message)
        .containsExactly(tuple(6, 3, "duplicate key '<<' (first at 5:3)"));
  }

  @Test
  void yaml11LineBreaksMakeTheirDocumentUnreadableAndSpareTheOthers() {
    for (char c : new char[] {'\u0085', '\u2028', '\u2029'}) {
      LoadResult result = load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:  # note" + c
          + "  mode: open\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");

      assertThat(result.resources()).extracting(Resource::name).containsExactly("b");
      assertThat(result.errors()).extracting(LoadError::line, LoadError::column)
          .containsExactly(tuple(4, 14));
      assertThat(result.errors().get(0).message())
          .startsWith(String.format("line break character U+%04X, which Kubernetes (YAML 1.1)", (int) c));
    }
  }

  @Test
  void everyObjectWithAnItemsListHasItsItemsRead() {
    LoadResult result = load("""
        apiVersion: v1
        kind: List
        metadata: {name: named}
        items:
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
          - apiVersion: v1
            kind: List
            items:
              - {apiVersion: v1, kind: ConfigMap, metadata: {name: nested}}
          - apiVersion: v1
            kind: PodList
            items:
              - {metadata: {name: kindless}, spec: {containers: []}}
          - apiVersion: apps/v1
            kind: Deployment
            metadata: {name: carrier}
            spec: {template: {spec: {containers: []}}}
            items:
              - {metadata: {name: carried}, spec: {template: {spec: {containers: []}}}}
              - not an object
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.resources()).extracting(Resource::apiVersion, Resource::kind, Resource::name).containsExactly(
        tuple("v1", "ConfigMap", "a"),
        tuple("v1", "ConfigMap", "nested"),
        tuple("v1", "Pod", "kindless"),
        tuple("apps/v1", "Deployment", "carrier"),
        tuple("apps/v1", "Deployment", "carried"));
    Resource kindless = result.resources().get(2);
    assertThat(kindless.isWorkload()).isTrue();
    assertThat(kindless.pointerOf(kindless.root().get("spec"))).isEqualTo("/spec");
  }

  @Test
  void aJsonDocumentAfterACommentIsReadAsYaml() {
    LoadResult result = load("# exported\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n \"metadata\": {\"name\": \"a\"}}\n");

    assertThat(result.errors()).isEmpty();
    assertThat(result.resources()).extracting(Resource::name, Resource::line).containsExactly(tuple("a", 2));
  }

  @Test
  void wholeFloatsAreTheIntegersKubectlSends() {
    LoadResult yaml = load("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {a: 0.0, b: -0.0, c: 8e3, d: 1_000.0,"
        + " e: 0.5, f: .inf, g: .nan}\n");
    LoadResult json = Loader.defaults().loadBytes("m.json", ("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\":"
        + " {\"name\": \"a\"}, \"spec\": {\"a\": 0.0, \"b\": -0.0, \"c\": 8e3, \"e\": 0.5}}").getBytes(StandardCharsets.UTF_8));

    for (LoadResult result : new LoadResult[] {yaml, json}) {
      var spec = result.resources().get(0).root().get("spec");
      assertThat(spec.get("a").longValue(-1)).isZero();
      assertThat(spec.get("b").longValue(-1)).isZero();
      assertThat(spec.get("c").longValue(-1)).isEqualTo(8000);
      assertThat(spec.get("e").longValue(-1)).isEqualTo(-1);
    }
    var spec = yaml.resources().get(0).root().get("spec");
    assertThat(spec.get("d").longValue(-1)).isEqualTo(1000);
    assertThat(spec.get("f").longValue(-1)).isEqualTo(-1);
    assertThat(spec.get("g").longValue(-1)).isEqualTo(-1);
    assertThat(Scalars.wholeFloat("1e19", -1)).isEqualTo(-1);
    assertThat(Scalars.wholeFloat("-9.2e18", -1)).isEqualTo(-9_200_000_000_000_000_000L);
  }
}
