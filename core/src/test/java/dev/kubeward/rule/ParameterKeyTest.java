/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.model.GroupKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed parameter keys: declared once with their default, read without string names. */
class ParameterKeyTest {

  static final ParameterKey<Long> MAX = ParameterKey.ofInt("max", 3, "The most allowed.");
  static final ParameterKey<Boolean> STRICT = ParameterKey.ofBoolean("strict", true, "Whether to be strict.");
  static final ParameterKey<String> LABEL = ParameterKey.ofString("label", "items", "What to call them.");
  static final ParameterKey<List<String>> NAMES = ParameterKey.ofList("names", List.of("a", "b"), "Names to allow.");

  static final RuleMetadata METADATA = RuleMetadata.builder("keyed").title("Keyed").severity(Severity.LOW)
      .topic(Topic.HYGIENE).kinds(GroupKind.CONFIG_MAP).rationale("For tests.").remediation("None.")
      .parameters(MAX, STRICT, LABEL, NAMES)
      .build();

  @Test
  void theKeyIsTheDeclarationTheCatalogueDescribes() {
    assertThat(METADATA.parameters()).containsExactly(
        new Parameter("max", Parameter.Type.INT, "3", "The most allowed."),
        new Parameter("strict", Parameter.Type.BOOLEAN, "true", "Whether to be strict."),
        new Parameter("label", Parameter.Type.STRING, "items", "What to call them."),
        new Parameter("names", Parameter.Type.STRING_LIST, "a,b", "Names to allow."));
    assertThat(MAX.name()).isEqualTo("max");
    assertThat(MAX.parameter()).isSameAs(METADATA.parameters().get(0));
  }

  @Test
  void theDefaultsAreTheKeysOwn() {
    Parameters defaults = Parameters.defaults(METADATA);

    assertThat(defaults.get(MAX)).isEqualTo(MAX.defaultValue()).isEqualTo(3L);
    assertThat(defaults.get(STRICT)).isEqualTo(STRICT.defaultValue()).isTrue();
    assertThat(defaults.get(LABEL)).isEqualTo(LABEL.defaultValue()).isEqualTo("items");
    assertThat(defaults.get(NAMES)).isEqualTo(NAMES.defaultValue()).containsExactly("a", "b");
  }

  @Test
  void configurationValuesAreReadTyped() {
    Parameters bound = Parameters.bind("keyed", METADATA.parameters(),
        Map.of("max", "7", "strict", "false", "label", " spaced ", "names", List.of("x", 5)));

    long max = bound.get(MAX);
    boolean strict = bound.get(STRICT);
    String label = bound.get(LABEL);
    List<String> names = bound.get(NAMES);
    assertThat(max).isEqualTo(7);
    assertThat(strict).isFalse();
    assertThat(label).isEqualTo(" spaced ");
    assertThat(names).containsExactly("x", "5");
  }

  @Test
  void aValueOfTheWrongTypeKeepsThePlainMessages() {
    assertThatThrownBy(() -> Parameters.bind("keyed", METADATA.parameters(), Map.of("max", "many")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter max of rule keyed must be an integer");
    assertThatThrownBy(() -> Parameters.bind("keyed", METADATA.parameters(), Map.of("strict", "yes")))
        .hasMessage("parameter strict of rule keyed must be true or false");
    assertThatThrownBy(() -> Parameters.bind("keyed", METADATA.parameters(), Map.of("label", List.of("a"))))
        .hasMessage("parameter label of rule keyed must be a single value, not a list");
    assertThatThrownBy(() -> Parameters.bind("keyed", METADATA.parameters(), Map.of("names", Map.of("a", "b"))))
        .hasMessage("parameter names of rule keyed must be a list, not a mapping");
    assertThatThrownBy(() -> Parameters.bind("keyed", METADATA.parameters(), Map.of("colour", "blue")))
        .hasMessage("rule keyed has no parameter 'colour' (it has [max, strict, label, names])");
  }

  @Test
  void aKeyTheRuleDidNotDeclareIsNotRead() {
    Parameters defaults = Parameters.defaults(METADATA);
    ParameterKey<Long> undeclared = ParameterKey.ofInt("other", 1, "Not declared.");
    ParameterKey<Long> sameNameOtherDefault = ParameterKey.ofInt("max", 4, "The most allowed.");

    assertThatThrownBy(() -> defaults.get(undeclared))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule keyed does not declare the parameter other it reads");
    assertThatThrownBy(() -> defaults.get(sameNameOtherDefault))
        .hasMessage("rule keyed does not declare the parameter max it reads");
  }

  @Test
  void aListDefaultMustReadBackFromItsCatalogueText() {
    assertThatThrownBy(() -> ParameterKey.ofList("names", List.of("a,b"), "Names."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an item of the default of parameter names is blank, holds a comma or has white space around it");
    assertThatThrownBy(() -> ParameterKey.ofList("names", List.of(" a"), "Names."))
        .hasMessage("an item of the default of parameter names is blank, holds a comma or has white space around it");
    assertThat(ParameterKey.ofList("names", List.of(), "Names.").parameter().defaultValue()).isEmpty();
  }

  @Test
  void aParameterIsDeclaredOnce() {
    RuleMetadata.Builder twice = RuleMetadata.builder("twice").title("Twice").severity(Severity.LOW)
        .topic(Topic.HYGIENE).kinds(GroupKind.CONFIG_MAP).rationale("For tests.").remediation("None.")
        .parameters(MAX, ParameterKey.ofInt("max", 5, "Again."));

    assertThatThrownBy(twice::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule twice declares parameter max twice");
  }
}
