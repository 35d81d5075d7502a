/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.examples.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoDurationTest {

  @Test
  void readsHoursMinutesAndSeconds() {
    assertThat(GoDuration.hours("2160h")).isEqualTo(2160);
    assertThat(GoDuration.hours("1h30m")).isEqualTo(1.5);
    assertThat(GoDuration.hours("90m")).isEqualTo(1.5);
    assertThat(GoDuration.hours("5400s")).isEqualTo(1.5);
    assertThat(GoDuration.hours("1h10ms20us30\u00b5s40ns")).isEqualTo(1);
  }

  @Test
  void readsDecimalsAsParseDoubleDoes() {
    for (String number : new String[] {"0.1", "1.5", ".5", "5.", "2159.999999999", "123456789012.345",
        "12345678901234567890.5"}) {
      assertThat(GoDuration.hours(number + "h")).as(number).isEqualTo(Double.parseDouble(number));
    }
  }

  @Test
  void rejectsWhatIsNotAGoDuration() {
    for (String text : new String[] {"", "h", "90", "1d", "1.2.3h", ".h", "1h30", "-1h", "1H", "1\u0663h"}) {
      assertThat(GoDuration.hours(text)).as(text).isNaN();
    }
  }
}
