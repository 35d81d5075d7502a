/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Secret data decodes as Go's {@code base64.StdEncoding} decodes it for the API server: padding
 * required, CR and LF ignored anywhere, anything else outside the alphabet an error, trailing bits
 * not checked.
 */
class Base64DecodingTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
    "''                 | ''",
    "YWRtaW4=           | admin",
    "'YWRt\\naW4='      | admin",
    "'YWRt\\r\\naW4=\\n' | admin",
    "'YQ=\\n='          | a",
    "YR==               | a",
    "aHVudGVyMg==       | hunter2",
  })
  void decodes(String encoded, String decoded) {
    byte[] bytes = SecretPatterns.decodeBase64(unescape(encoded));
    assertThat(bytes).isNotNull();
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(decoded);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
    "YWRtaW4", "'YWRt aW4='", "'YWRt\\taW4='", "a-b_YWRt", "YQ==YQ==", "Y===", "====", "YQ=", "admin", "'YWRtaW4= '"})
  void rejects(String encoded) {
    assertThat(SecretPatterns.decodeBase64(unescape(encoded))).isNull();
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
  }
}
