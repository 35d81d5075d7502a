/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "<base64-encoded-password>", "${DB_PASSWORD}", "{{ .Values.password }}",
      "{{password}}", "XXX", "xxxx-xxxx", "XXXX_XXXX"})
  void placeholdersAreRecognised(String value) {
    assertThat(Placeholders.isPlaceholder(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3cr3t-Passw0rd", "$(DB_PASSWORD)", "xx", "<a", "x>", "${A", "{{ a }", "XXXa", "hunter2"})
  void realValuesAndReferencesAreNot(String value) {
    assertThat(Placeholders.isPlaceholder(value)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"$(DB_PASSWORD)", " $(A_B) "})
  void kubernetesReferencesAreReferences(String value) {
    assertThat(Placeholders.isReference(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${A}", "$(A) and $(B)", "secret", "$()"})
  void otherValuesAreNotReferences(String value) {
    assertThat(Placeholders.isReference(value)).isFalse();
  }
}
