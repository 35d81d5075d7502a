package dev.kubeward.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.model.Node;
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
  void problemsNameTheFileLineAndColumn() {
    assertThatThrownBy(() -> Yaml.parseTree("c.yaml", "a: 1\nb: [\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("c.yaml:3:1: malformed YAML: expected the node content, but found '<stream end>'");
    assertThatThrownBy(() -> Yaml.parseTree("c.yaml", "a: 1\na: 2\n"))
        .hasMessage("c.yaml:2:1: duplicate key 'a' (first at 1:1)");
    assertThatThrownBy(() -> Yaml.parseTree("c.yaml", "a: 1\n---\nb: 2\n"))
        .hasMessage("c.yaml:3:1: expected a single YAML document, found more");
    assertThatThrownBy(() -> Yaml.parseTree("c.yaml", "a: x\u0000\n"))
        .hasMessage("c.yaml:1:5: NUL byte in a text file");
    assertThatThrownBy(() -> Yaml.parseTree("c.yaml", "a: [[[x]]]\n", LoadLimits.DEFAULTS.withMaxDepth(3)))
        .hasMessage("c.yaml:1:6: nesting deeper than the limit of 3");
  }
}
