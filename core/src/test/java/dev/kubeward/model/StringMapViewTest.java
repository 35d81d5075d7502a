/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.load.Loader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Labels and annotations are views of their mapping: source order, scalars' text, "" otherwise. */
class StringMapViewTest {

  private static Resource resource(String metadata) {
    return Loader.defaults().loadString("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: " + metadata + "\n")
        .resources().get(0);
  }

  @Test
  void readsLikeAnOrderedMapOfTexts() {
    Resource r = resource("{name: a, labels: {z: '1', a: 2, m: ~, l: [x], o: {p: q}, t: yes}}");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("z", "1");
    expected.put("a", "2");
    expected.put("m", "");
    expected.put("l", "");
    expected.put("o", "");
    expected.put("t", "yes");

    Map<String, String> labels = r.labels();

    assertThat(labels).containsExactlyEntriesOf(expected);
    assertThat(labels).isEqualTo(expected);
    assertThat(labels.hashCode()).isEqualTo(expected.hashCode());
    assertThat(labels.toString()).isEqualTo(expected.toString());
    assertThat(labels.get("a")).isEqualTo("2");
    assertThat(labels.get("missing")).isNull();
    assertThat(labels.get(42)).isNull();
    assertThat(labels.containsKey("m")).isTrue();
    assertThat(labels.containsKey("missing")).isFalse();
    assertThat(labels.keySet()).containsExactly("z", "a", "m", "l", "o", "t");
  }

  @Test
  void cannotBeChanged() {
    Map<String, String> labels = resource("{name: a, labels: {app: web}}").labels();

    assertThatThrownBy(() -> labels.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.remove("app")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(labels::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThat(labels).containsExactly(Map.entry("app", "web"));
  }

  @Test
  void absentEmptyOrNonMappingIsEmpty() {
    assertThat(resource("{name: a}").labels()).isEmpty();
    assertThat(resource("{name: a, labels: {}}").labels()).isEmpty();
    assertThat(resource("{name: a, labels: [x]}").labels()).isEmpty();
    assertThat(resource("{name: a, annotations: text}").annotations()).isEmpty();
  }
}
