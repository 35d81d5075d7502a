/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

  private static LabelSelector selector(String yaml) {
    String doc = "apiVersion: v1\nkind: Selector\nselector:\n" + yaml.indent(2);
    return LabelSelector.of(Manifests.one(doc).root().get("selector"));
  }

  private static final Map<String, String> WEB = Map.of("app", "web", "tier", "front");

  @Test
  void matchLabelsNeedsEveryLabel() {
    assertThat(selector("matchLabels: {app: web}\n").matches(WEB)).isTrue();
    assertThat(selector("matchLabels: {app: web, tier: front}\n").matches(WEB)).isTrue();
    assertThat(selector("matchLabels: {app: web, tier: back}\n").matches(WEB)).isFalse();
    assertThat(selector("matchLabels: {zone: a}\n").matches(WEB)).isFalse();
  }

  @Test
  void expressionOperators() {
    assertThat(selector("matchExpressions: [{key: app, operator: In, values: [api, web]}]\n").matches(WEB)).isTrue();
    assertThat(selector("matchExpressions: [{key: app, operator: In, values: [api]}]\n").matches(WEB)).isFalse();
    assertThat(selector("matchExpressions: [{key: zone, operator: In, values: [a]}]\n").matches(WEB)).isFalse();
    assertThat(selector("matchExpressions: [{key: app, operator: NotIn, values: [api]}]\n").matches(WEB)).isTrue();
    assertThat(selector("matchExpressions: [{key: app, operator: NotIn, values: [web]}]\n").matches(WEB)).isFalse();
    assertThat(selector("matchExpressions: [{key: zone, operator: NotIn, values: [a]}]\n").matches(WEB)).isTrue();
    assertThat(selector("matchExpressions: [{key: tier, operator: Exists}]\n").matches(WEB)).isTrue();
    assertThat(selector("matchExpressions: [{key: zone, operator: Exists}]\n").matches(WEB)).isFalse();
    assertThat(selector("matchExpressions: [{key: zone, operator: DoesNotExist}]\n").matches(WEB)).isTrue();
    assertThat(selector("matchExpressions: [{key: app, operator: DoesNotExist}]\n").matches(WEB)).isFalse();
  }

  @Test
  void anUnknownOperatorMatchesNothing() {
    LabelSelector bad = selector("""
        matchLabels: {app: web}
        matchExpressions: [{key: app, operator: Like, values: [w]}]
        """);

    assertThat(bad.matches(WEB)).isFalse();
    assertThat(bad.isEmpty()).isFalse();
  }

  @Test
  void emptyAndAbsentSelectorsMatchEverything() {
    assertThat(selector("{}\n").isEmpty()).isTrue();
    assertThat(selector("{}\n").matches(WEB)).isTrue();
    assertThat(LabelSelector.of(Node.MISSING).isEmpty()).isTrue();
    assertThat(LabelSelector.of(Node.MISSING).matches(Map.of())).isTrue();
    assertThat(LabelSelector.everything().matches(WEB)).isTrue();
  }

  @Test
  void aPlainMapSelectsLikeAServiceSelector() {
    Node map = Manifests.one("apiVersion: v1\nkind: S\nsel: {app: web}\n").root().get("sel");

    assertThat(LabelSelector.ofMap(map).matches(WEB)).isTrue();
    assertThat(LabelSelector.ofMap(map).matches(Map.of("app", "api"))).isFalse();
    assertThat(LabelSelector.ofMap(Node.MISSING).isEmpty()).isTrue();
  }

  @Test
  void labelValuesCompareAsText() {
    assertThat(selector("matchLabels: {enabled: \"true\"}\n").matches(Map.of("enabled", "true"))).isTrue();
    assertThat(selector("matchLabels: {version: \"1\"}\n").matches(Map.of("version", "1"))).isTrue();
  }
}
