/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScalarsTest {

  @ParameterizedTest
  @ValueSource(strings = {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"})
  void yaml11TrueSpellingsAreBooleanTrue(String text) {
    ScalarNode node = Scalars.resolvePlain(3, 7, text);

    assertThat(node.type()).isEqualTo(ScalarNode.Type.BOOLEAN);
    assertThat(node.isTrue()).isTrue();
    assertThat(node.isFalse()).isFalse();
    assertThat(node.rawText()).isEqualTo(text);
    assertThat(node.line()).isEqualTo(3);
    assertThat(node.column()).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"})
  void yaml11FalseSpellingsAreBooleanFalse(String text) {
    ScalarNode node = Scalars.resolvePlain(1, 1, text);

    assertThat(node.type()).isEqualTo(ScalarNode.Type.BOOLEAN);
    assertThat(node.isFalse()).isTrue();
    assertThat(node.isTrue()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yEs", "oN", "nO", "oFF", "tRUE", "yes please", "ja", "1.2.3", "0x", "12abc", "1:20", "0xZZ", "--1"})
  void otherSpellingsAreStrings(String text) {
    ScalarNode node = Scalars.resolvePlain(1, 1, text);

    assertThat(node.type()).isEqualTo(ScalarNode.Type.STRING);
    assertThat(node.text()).isEqualTo(text);
    assertThat(node.isTrue()).isFalse();
    assertThat(node.isFalse()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0",
      "42, 42",
      "-42, -42",
      "+7, 7",
      "0x1F, 31",
      "0X1f, 31",
      "-0x10, -16",
      "0o17, 15",
      "0O17, 15",
      "017, 15",
      "019, 19",
      "0b101, 5",
      "1_000, 1000",
      "0x_FF, 255",
      "1_0_0, 100"
  })
  void integersResolveInEveryYaml11Form(String text, long value) {
    ScalarNode node = Scalars.resolvePlain(1, 1, text);

    assertThat(node.type()).isEqualTo(ScalarNode.Type.INTEGER);
    assertThat(node.longValue(-1)).isEqualTo(value);
    assertThat(node.text()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "-0.25", "2.5E-3", ".5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "1_000.5"})
  void floatsResolveAsFloats(String text) {
    ScalarNode node = Scalars.resolvePlain(1, 1, text);

    assertThat(node.type()).isEqualTo(ScalarNode.Type.FLOAT);
    assertThat(node.longValue(-1)).isEqualTo(-1);
  }

  /** kubectl sends a whole float such as {@code 0.0} as the integer 0, so it reads as one. */
  @ParameterizedTest
  @CsvSource({"1e3, 1000", "'1.', 1", "0.0, 0", "8e3, 8000"})
  void wholeFloatsAreFloatsWithAnIntegerValue(String text, long value) {
    ScalarNode node = Scalars.resolvePlain(1, 1, text);

    assertThat(node.type()).isEqualTo(ScalarNode.Type.FLOAT);
    assertThat(node.longValue(-1)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "~", "null", "Null", "NULL"})
  void nullFormsResolveToNull(String text) {
    ScalarNode node = Scalars.resolvePlain(2, 4, text);

    assertThat(node.type()).isEqualTo(ScalarNode.Type.NULL);
    assertThat(node.isNull()).isTrue();
    assertThat(node.text()).isNull();
    assertThat(node.text("fallback")).isEqualTo("fallback");
    assertThat(node.rawText()).isEqualTo(text);
    assertThat(node.isMissing()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nULL", "none", "nil", "NUll"})
  void otherNullLookalikesAreStrings(String text) {
    assertThat(Scalars.resolvePlain(1, 1, text).type()).isEqualTo(ScalarNode.Type.STRING);
  }

  @ParameterizedTest
  @CsvSource({"99999999999999999999", "0x1FFFFFFFFFFFFFFFF"})
  void integersOutOfRangeGiveTheFallback(String text) {
    assertThat(Scalars.parseLong(text, -7)).isEqualTo(-7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.5", "", "0x"})
  void parseLongRejectsNonIntegers(String text) {
    assertThat(Scalars.parseLong(text, -7)).isEqualTo(-7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "42", "null"})
  void quotedScalarsAreStrings(String text) {
    ScalarNode node = ScalarNode.ofString(1, 1, text, false);

    assertThat(node.type()).isEqualTo(ScalarNode.Type.STRING);
    assertThat(node.isTrue()).isFalse();
    assertThat(node.isNull()).isFalse();
    assertThat(node.longValue(-1)).isEqualTo(-1);
    assertThat(node.isPlain()).isFalse();
  }
}
