/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.Yaml;
import org.junit.jupiter.api.Test;

class ControllerLabelsTest {

  private static int matched(String selector, String labels) {
    return ControllerLabels.matchedEntries(Yaml.parseTree("s", selector).asMap(), Yaml.parseTree("l", labels));
  }

  @Test
  void controllerLabelsAreLeftOutOfTheMatchAndTheCount() {
    assertThat(matched("{app: web, statefulset.kubernetes.io/pod-name: web-0}", "{app: web, tier: front}")).isEqualTo(1);
    assertThat(matched("{app: web, tier: front}", "{app: web, tier: front}")).isEqualTo(2);
    assertThat(matched("{pod-template-hash: abc}", "{app: web}")).isZero();
    assertThat(matched("{app: api}", "{app: web}")).isEqualTo(-1);
    assertThat(matched("{app: web, tier: back}", "{app: web}")).isEqualTo(-1);
    assertThat(ControllerLabels.contains("job-name")).isTrue();
    assertThat(ControllerLabels.contains("app")).isFalse();
  }
}
