/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeTest {

  private static ScalarNode text(int line, int column, String text) {
    return ScalarNode.ofString(line, column, text, true);
  }

  private final MapNode map = MapNode.of(1, 1,
      new ScalarNode[] {text(1, 1, "zeta"), text(2, 1, "alpha"), text(3, 1, "list")},
      new Node[] {text(1, 7, "z"), text(2, 8, "a"), ListNode.of(4, 3, new Node[] {text(4, 5, "x")})});

  @Test
  void navigationNeverFails() {
    assertThat(map.get("nope").get("deeper").get(3).get("x")).isSameAs(Node.MISSING);
    assertThat(map.get("zeta").get("child")).isSameAs(Node.MISSING);
    assertThat(map.get("list").get(1)).isSameAs(Node.MISSING);
    assertThat(map.get("list").get(-1)).isSameAs(Node.MISSING);
    assertThat(Node.MISSING.line()).isZero();
    assertThat(Node.MISSING.column()).isZero();
    assertThat(Node.MISSING.isNull()).isTrue();
    assertThat(Node.MISSING.text("x")).isEqualTo("x");
    assertThat(Node.MISSING.asMap().size()).isZero();
    assertThat(Node.MISSING.asList().size()).isZero();
    assertThat(map.get("zeta").asMap().size()).isZero();
  }

  @Test
  void mapsKeepSourceOrderAndKeyPositions() {
    assertThat(map.key(0)).isEqualTo("zeta");
    assertThat(map.key(1)).isEqualTo("alpha");
    assertThat(map.key(2)).isEqualTo("list");
    assertThat(map.keyNode("alpha").line()).isEqualTo(2);
    assertThat(map.keyNode("alpha").column()).isEqualTo(1);
    assertThat(map.get("alpha").column()).isEqualTo(8);
    assertThat(map.indexOf("list")).isEqualTo(2);
    assertThat(map.has("zeta")).isTrue();
    assertThat(map.has("omega")).isFalse();
    assertThat(map.keyNode("omega")).isSameAs(Node.MISSING);
  }

  @Test
  void largeMapsFindKeysThroughTheirIndexInSourceOrder() {
    int n = 40;
    ScalarNode[] keys = new ScalarNode[n];
    Node[] values = new Node[n];
    for (int i = 0; i < n; i++) {
      keys[i] = text(i + 1, 1, "k" + (n - i));
      values[i] = text(i + 1, 5, "v" + i);
    }
    MapNode big = MapNode.of(1, 1, keys, values);

    assertThat(big.get("k40").text()).isEqualTo("v0");
    assertThat(big.get("k1").text()).isEqualTo("v39");
    assertThat(big.indexOf("k1")).isEqualTo(39);
    assertThat(big.key(0)).isEqualTo("k40");
    assertThat(big.get("k41")).isSameAs(Node.MISSING);
  }

  @Test
  void mapRejectsKeysAndValuesOfDifferentLengths() {
    assertThatThrownBy(() -> MapNode.of(1, 1, new ScalarNode[] {text(1, 1, "a")}, new Node[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keys and values must have the same length");
  }

  @Test
  void textEqualsComparesOnlyNonNullScalars() {
    assertThat(map.get("zeta").textEquals("z")).isTrue();
    assertThat(map.get("list").textEquals("z")).isFalse();
    assertThat(ScalarNode.ofNull(1, 1, "null").textEquals("null")).isFalse();
  }
}
