/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's readings of flag values: {@code strconv.ParseInt(s, 0, 64)}, {@code ParseFloat}, {@code time.ParseDuration}, pflag's CSV. */
class GoValuesTest {

  @ParameterizedTest
  @CsvSource({
      "0, 0", "7, 7", "-7, -7", "+7, 7", "017, 15", "0o17, 15", "0O17, 15", "0x1F, 31", "0X1f, 31", "0b101, 5",
      "1_000, 1000", "0x_1F, 31", "0_17, 15", "9223372036854775807, 9223372036854775807",
      "-9223372036854775808, -9223372036854775808"
  })
  void integersGoAccepts(String text, long expected) {
    assertThat(GoValues.parseInt(text, 42)).isEqualTo(expected);
    assertThat(GoValues.isInt(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+", "019", "0x", "0b2", "1__0", "_1", "1_", "0x_", "1.0", "1e3", "thirty", " 1",
      "9223372036854775808", "-9223372036854775809", "\uff11"})
  void integersGoRejects(String text) {
    assertThat(GoValues.isInt(text)).isFalse();
    assertThat(GoValues.parseInt(text, 42)).isEqualTo(42);
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0", "1ns, 1", "1us, 1000", "1\u00b5s, 1000", "1\u03bcs, 1000", "300ms, 300000000", "1s, 1000000000",
      "1m0s, 60000000000", "1h, 3600000000000", "4h, 14400000000000", "1.5h, 5400000000000", ".5s, 500000000",
      "5.s, 5000000000", "-1m, -60000000000", "+2s, 2000000000", "1h30m, 5400000000000", "-0, 0"
  })
  void durationsGoAccepts(String text, long nanos) {
    assertThat(GoValues.parseDuration(text, 42)).isEqualTo(nanos);
    assertThat(GoValues.isDuration(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "60", "1", "-", ".s", "1d", "1 s", "s", "1h1", "3000000h"})
  void durationsGoRejects(String text) {
    assertThat(GoValues.isDuration(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1.5", "-1.5", ".5", "5.", "1e3", "1E-3", "+inf", "-Inf", "infinity", "NaN", "0x1p-2"})
  void floatsGoAccepts(String text) {
    assertThat(GoValues.isFloat(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "1e", "e3", "1.5f", "1d", "-nan", "0x1", "1,5", " 1"})
  void floatsGoRejects(String text) {
    assertThat(GoValues.isFloat(text)).isFalse();
  }

  @Test
  void floatValues() {
    assertThat(GoValues.parseFloat("0.02", -1)).isEqualTo(0.02);
    assertThat(GoValues.parseFloat("+Inf", -1)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(GoValues.parseFloat("x", -1)).isEqualTo(-1);
  }

  @Test
  void csvAsPflagReadsStringSlices() {
    assertThat(GoValues.csv("")).isEmpty();
    assertThat(GoValues.csv("a")).containsExactly("a");
    assertThat(GoValues.csv("a,b, c")).containsExactly("a", "b", " c");
    assertThat(GoValues.csv("a,,b,")).containsExactly("a", "", "b", "");
    assertThat(GoValues.csv("\"a,b\",c")).containsExactly("a,b", "c");
    assertThat(GoValues.csv("\"say \"\"hi\"\"\"")).containsExactly("say \"hi\"");
    assertThat(GoValues.csv("a\"b")).isNull();
    assertThat(GoValues.csv("\"ab")).isNull();
    assertThat(GoValues.csv("\"a\"b")).isNull();
  }

  @Test
  void booleanSpellings() {
    for (String t : new String[] {"1", "t", "T", "TRUE", "true", "True"}) {
      assertThat(GoValues.isTrue(t)).as(t).isTrue();
      assertThat(GoValues.isFalse(t)).as(t).isFalse();
    }
    for (String f : new String[] {"0", "f", "F", "FALSE", "false", "False"}) {
      assertThat(GoValues.isFalse(f)).as(f).isTrue();
      assertThat(GoValues.isTrue(f)).as(f).isFalse();
    }
    for (String other : new String[] {"yes", "on", "tRue", "", " true"}) {
      assertThat(GoValues.isBool(other)).as(other).isFalse();
    }
  }
}
