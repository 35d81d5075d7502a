/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.model.Node;
import dev.kubeward.model.ScalarNode;
import org.junit.jupiter.api.Test;

class YamlTest {

  @Test
  void parsesOneDocumentWithPositions() {
    Node root = Yaml.parseTree("c.yaml", "# settings\nprofile: all\nrules:\n  a: off\n");

    assertThat(root.get("profile").text()).isEqualTo("all");
    assertThat(root.get("rules").get("a").isFalse()).isTrue();
    assertThat(root.get("rules").get("a").line()).isEqualTo(4);
    assertThat(root.get("rules").get("a").column()).isEqualTo(6);
  }

  @Test
  void emptyTextIsMissing() {
    assertThat(Yaml.parseTree("c.yaml", "")).isSameAs(Node.MISSING);
    assertThat(Yaml.parseTree("c.yaml", "# only a comment\n")).isSameAs(Node.MISSING);
    assertThat(Yaml.parseTree("c.yaml", "\uFEFFa: 1\n").get("a").longValue(0)).isEqualTo(1);
  }

  @Test
  void literalBlocksKnowWhereTheirContentStarts() {
    Node root = Yaml.parseTree("c.yaml", "x: \"\uD83D\uDC4B\"\nm:\n  a: |\n\n      one\n      two\n  b: |-  # c\n   x\n"
        + "  c: |2\n     y\n  d: >\n    z\n  e: 'q'\n");
    assertThat(((ScalarNode) root.get("m").get("a")).literalContentColumn()).isEqualTo(7);
    assertThat(root.get("m").get("a").line()).isEqualTo(3);
    assertThat(((ScalarNode) root.get("m").get("b")).literalContentColumn()).isEqualTo(4);
    assertThat(((ScalarNode) root.get("m").get("c")).literalContentColumn()).isZero();
    assertThat(((ScalarNode) root.get("m").get("d")).literalContentColumn()).isZero();
    assertThat(((ScalarNode) root.get("m").get("e")).literalContentColumn()).isZero();
  }

  @Test
  void problemsNameTheFileLineAndColumn() {
    assertThatThrownBy(() -> Yaml.parseTree("c.yaml", "a: 1\nb: [\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("c.yaml:3:1: malformed YAML: expected a value, but found the end of the input");
    assertThatThrownBy(() -> Yaml.parseTree("c.yaml", "a: 1\na: 2\n"))
        .hasMessage("c.yaml:2:1: duplicate key 'a' (first at 1:1)");
    assertThatThrownBy(() -> Yaml.parseTree("c.yaml", "a: 1\n---\nb: 2\n"))
        .hasMessage("c.yaml:3:1: expected a single YAML document, found more");
    assertThatThrownBy(() -> Yaml.parseTree("c.yaml", "a: x\u0000\n"))
        .hasMessage("c.yaml:1:5: NUL byte in a text file");
    assertThatThrownBy(() -> Yaml.parseTree("c.yaml", "a: [[[x]]]\n", LoadLimits.DEFAULTS.withMaxDepth(3)))
        .hasMessage("c.yaml:1:6: nesting deeper than the limit of 3");
  }

  @Test
  void largeMappingsFindDuplicatesAndMergedKeysLikeSmallOnes() {
    StringBuilder big = new StringBuilder("m:\n");
    for (int i = 1; i <= 20; i++) {
      big.append("  k").append(i).append(": ").append(i).append('\n');
    }
    Node root = Yaml.parseTree("c.yaml", big.toString());
    assertThat(root.get("m").size()).isEqualTo(20);
    assertThat(root.get("m").get("k20").line()).isEqualTo(21);

    assertThatThrownBy(() -> Yaml.parseTree("c.yaml", big + "  k3: again\n"))
        .hasMessage("c.yaml:22:3: duplicate key 'k3' (first at 4:3)");

    String merged = "base: &b\n  k18: merged\n  extra: merged\n" + big + "  <<: *b\n  k21: 21\n";
    assertThatThrownBy(() -> Yaml.parseTree("c.yaml", merged))
        .hasMessage("c.yaml:25:3: merge key (<<) sets 'k18' again (merged from 2:3, first at 22:3); YAML and"
            + " Kubernetes disagree on which value wins, so put the merge key first");

    String after = "base: &b\n  k18: merged\n  extra: merged\nm:\n  <<: *b\n" + big.substring(3);
    Node m = Yaml.parseTree("c.yaml", after).get("m");
    assertThat(m.size()).isEqualTo(21);
    assertThat(m.get("k18").text()).isEqualTo("18");
    assertThat(m.get("extra").text()).isEqualTo("merged");
  }
}
