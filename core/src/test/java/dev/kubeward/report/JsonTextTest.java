/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void quotesEscapesAndControlCharacters() {
    assertThat(JsonText.quote("plain")).isEqualTo("\"plain\"");
    assertThat(JsonText.quote("a\"b\\c\nd\re\tf")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\"");
    assertThat(JsonText.quote("\u001b[2K\u2028\u2029")).isEqualTo("\"\\u001b[2K\\u2028\\u2029\"");
  }
}
