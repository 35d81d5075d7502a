/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.Loader;
import dev.kubeward.model.Node;
import org.junit.jupiter.api.Test;

/**
 * The short way {@link RunAsUser#isZero} takes (an integer spelled with a digit 1 to 9 is not 0)
 * gives the answer of parsing the value, whatever its spelling.
 */
class ShortcutsTest {

  @Test
  void zeroIsToldApartAsParsingTellsIt() {
    String[] spellings = {
      "0", "-0", "+0", "00", "000", "0_0", "0x0", "0X00", "0o0", "0b0", "0b00_0", "0.0", "-0.0", "0e5", "0.0e10",
      "1", "10", "1000", "10001", "01", "010", "019", "0x10", "0xa", "0xA0", "0b10", "0b2", "0o8", "1:00", "1_0",
      "-1", "+10", "1e0", "1.0", "0.5", "0.", ".0", "9223372036854775808", "0x10000000000000000",
      "\"0\"", "'0'", "null", "~", "true", "no", "zero", "0a", "[0]", "{a: 0}"
    };
    int zeros = 0;
    for (String spelling : spellings) {
      Node value = Loader.defaults().loadString("v.yaml", "kind: X\napiVersion: v1\nv: " + spelling + "\n")
          .resources().get(0).root().get("v");
      boolean zero = value.longValue(-1) == 0;
      assertThat(RunAsUser.isZero(value)).as(spelling).isEqualTo(zero);
      zeros += zero ? 1 : 0;
    }
    assertThat(zeros).isGreaterThanOrEqualTo(10);
  }
}
