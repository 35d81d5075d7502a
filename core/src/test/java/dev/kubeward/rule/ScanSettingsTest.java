/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanSettingsTest {

  @Test
  void defaults() {
    ScanSettings s = ScanSettings.defaults();

    assertThat(s.pssLevel()).isEqualTo(PssLevel.RESTRICTED);
    assertThat(s.pssVersion()).isEqualTo(PssVersion.LATEST);
    assertThat(s.kubeVersion()).isEqualTo(KubeVersion.newestKnown());
    assertThat(s.isKubeVersionExplicit()).isFalse();
    assertThat(s.defaultNamespace()).isEqualTo("default");
    assertThat(s).hasToString("ScanSettings[pssLevel=RESTRICTED, pssVersion=latest, kubeVersion=v1.37 (default),"
        + " defaultNamespace=default]");
  }

  @Test
  void thePssVersionFollowsAGivenKubernetesVersion() {
    ScanSettings s = ScanSettings.builder().kubeVersion(KubeVersion.of(25)).build();

    assertThat(s.pssVersion()).isEqualTo(PssVersion.of(25));
    assertThat(s).hasToString("ScanSettings[pssLevel=RESTRICTED, pssVersion=v1.25, kubeVersion=v1.25,"
        + " defaultNamespace=default]");
  }

  @Test
  void aGivenPssVersionWins() {
    ScanSettings s = ScanSettings.builder().pssVersion(PssVersion.of(21)).kubeVersion(KubeVersion.of(25)).build();

    assertThat(s.pssVersion()).isEqualTo(PssVersion.of(21));
    assertThat(s.kubeVersion()).isEqualTo(KubeVersion.of(25));
  }

  @Test
  void toBuilderKeepsWhatWasGivenNotWhatWasDerived() {
    ScanSettings derived = ScanSettings.builder().kubeVersion(KubeVersion.of(25)).defaultNamespace("shop").build();

    ScanSettings moved = derived.toBuilder().kubeVersion(KubeVersion.of(30)).build();

    assertThat(derived.toBuilder().build()).isEqualTo(derived).hasSameHashCodeAs(derived);
    assertThat(moved.pssVersion()).isEqualTo(PssVersion.of(30));
    assertThat(moved.defaultNamespace()).isEqualTo("shop");
    assertThat(moved).isNotEqualTo(derived);
    assertThat(ScanSettings.defaults().toBuilder().build().isKubeVersionExplicit()).isFalse();
  }

  @Test
  void anExplicitNewestVersionIsStillExplicit() {
    ScanSettings s = ScanSettings.builder().kubeVersion(KubeVersion.newestKnown()).build();

    assertThat(s.isKubeVersionExplicit()).isTrue();
    assertThat(s).isNotEqualTo(ScanSettings.defaults());
    assertThat(s.pssVersion()).isEqualTo(PssVersion.of(PssVersion.NEWEST_KNOWN_MINOR));
  }
}
