/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The version is the build's, not a constant in the code. */
class BuildVersionTest {

  @Test
  void theVersionIsTheProjectVersionOfThePom() {
    String pom = System.getProperty("kubeward.projectVersion");
    assertThat(pom).isNotBlank().doesNotStartWith("${");
    assertThat(Kubeward.VERSION).isEqualTo(pom).isEqualTo(BuildVersion.read());
  }

  @Test
  void reportsCarryIt() {
    assertThat(Kubeward.builder().rules(java.util.List.of()).build().scanString("a.yaml", "").toolVersion())
        .isEqualTo(System.getProperty("kubeward.projectVersion"));
  }
}
