/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoTextTest {

  @ParameterizedTest
  @CsvSource({"0, 1", "0s, 1", "0h0m0s, 1", "0.0ms, 1", "-0s, 1", "4h0m0s, 0", "5m, 0", "1ns, 0", "300ms, 0",
      "5, -1", "'', -1", "4x, -1", "m, -1"})
  void zeroDurationsAsGoReadsThem(String text, int expected) {
    assertThat(GoText.isZeroDuration(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"1, true, false", "t, true, false", "True, true, false", "0, false, true", "F, false, true",
      "yes, false, false", "'', false, false"})
  void booleansAsStrconvReadsThem(String text, boolean isTrue, boolean isFalse) {
    assertThat(GoText.isTrue(text)).isEqualTo(isTrue);
    assertThat(GoText.isFalse(text)).isEqualTo(isFalse);
  }
}
