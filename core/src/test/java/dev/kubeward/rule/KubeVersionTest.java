/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubeVersionTest {

  @Test
  void parsesV1N() {
    assertThat(KubeVersion.parse("v1.30").minor()).isEqualTo(30);
    assertThat(KubeVersion.parse("v1.0").minor()).isZero();
    assertThat(KubeVersion.parse("v1.30")).isEqualTo(KubeVersion.of(30)).hasToString("v1.30");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.30", "v1.030", "v1.30.1", "v2.0", "latest", "v1.", "V1.30", " v1.30", "v1.99999999999"})
  void rejectsAnythingElse(String text) {
    assertThatThrownBy(() -> KubeVersion.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid Kubernetes version '" + text + "' (expected v1.N, such as v1.30)");
  }

  @Test
  void rejectsNullAndNegative() {
    assertThatThrownBy(() -> KubeVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KubeVersion.of(-1)).hasMessage("minor version must not be negative");
  }

  @Test
  void comparesByMinor() {
    assertThat(KubeVersion.of(9)).isLessThan(KubeVersion.of(10));
    assertThat(KubeVersion.of(29).isAtLeast(29)).isTrue();
    assertThat(KubeVersion.of(29).isAtLeast(30)).isFalse();
    assertThat(KubeVersion.of(29).isBefore(30)).isTrue();
    assertThat(KubeVersion.of(30).isBefore(30)).isFalse();
  }

  @Test
  void theNewestKnownIsThePssCatalogues() {
    assertThat(KubeVersion.newestKnown()).isEqualTo(KubeVersion.of(PssVersion.NEWEST_KNOWN_MINOR));
  }

  @Test
  void itsPssVersionIsTheSameMinor() {
    assertThat(KubeVersion.of(25).pssVersion()).isEqualTo(PssVersion.of(25));
  }
}
