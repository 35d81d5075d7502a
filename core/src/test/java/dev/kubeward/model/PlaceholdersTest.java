/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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

  @Test
  void substitutionsAreFoundAsTheirRegularExpressionFindsThem() {
    // The check is written out for speed; this is the expression it stands for.
    Pattern substitution = Pattern.compile("\\$\\{[A-Z_][A-Z0-9_]*(:?[-=?+][^}]*)?}");
    for (String v : new String[] {"${TAG}", "x${TAG}y", "${TAG:-latest}", "${TAG-x}", "${A?}", "${A:=b}", "${A:+}",
        "${a}", "${2}", "${A", "${A:x}", "${A:}", "${}", "$${A}", "${${A}}", "${A.b}", "${A}${b}", "${b}${A}",
        "${_}", "${_9}", "${9A}", "${A:-}", "${A:-x", "${A:-x}}"}) {
      assertThat(Placeholders.holdsSubstitution(v)).as(v).isEqualTo(substitution.matcher(v).find());
    }
    Random random = new Random(7);
    String alphabet = "${}AZ_09a:-=?+x";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(14); k > 0; k--) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String v = sb.toString();
      assertThat(Placeholders.holdsSubstitution(v)).as(v).isEqualTo(substitution.matcher(v).find());
    }
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
