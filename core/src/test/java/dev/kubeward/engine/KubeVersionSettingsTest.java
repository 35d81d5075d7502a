/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.model.GroupKind;
import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.ScanSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kubernetes version knob from the configuration file and the builder to the rules. */
class KubeVersionSettingsTest {

  private static Kubeward.Builder builder() {
    return Kubeward.builder().rules(List.of());
  }

  @Test
  void withoutAVersionTheNewestKnownAppliesAndPssIsLatest() {
    ScanSettings s = builder().build().settings();

    assertThat(s.kubeVersion()).isEqualTo(KubeVersion.newestKnown());
    assertThat(s.isKubeVersionExplicit()).isFalse();
    assertThat(s.pssVersion()).isEqualTo(PssVersion.LATEST);
  }

  @Test
  void theConfigurationFileSetsTheVersionAndWithItThePssVersion() {
    Configuration config = ConfigurationFile.parse(".kubeward.yaml", "kubernetesVersion: v1.28\n");

    ScanSettings s = builder().configuration(config).build().settings();

    assertThat(config.kubeVersion()).isEqualTo(KubeVersion.of(28));
    assertThat(s.kubeVersion()).isEqualTo(KubeVersion.of(28));
    assertThat(s.isKubeVersionExplicit()).isTrue();
    assertThat(s.pssVersion()).isEqualTo(PssVersion.of(28));
  }

  @Test
  void theBuilderWinsOverTheConfiguration() {
    Configuration config = Configuration.builder().kubeVersion(KubeVersion.of(28)).build();

    ScanSettings s = builder().configuration(config).kubeVersion(KubeVersion.of(31)).build().settings();

    assertThat(s.kubeVersion()).isEqualTo(KubeVersion.of(31));
    assertThat(s.pssVersion()).isEqualTo(PssVersion.of(31));
  }

  @Test
  void aGivenPssVersionWinsOverTheKubernetesVersionWhereverEitherIsSet() {
    Configuration pssInFile = Configuration.builder().pssVersion(PssVersion.of(22)).build();
    Configuration kubeInFile = Configuration.builder().kubeVersion(KubeVersion.of(28)).build();

    assertThat(builder().configuration(pssInFile).kubeVersion(KubeVersion.of(31)).build().settings().pssVersion())
        .isEqualTo(PssVersion.of(22));
    assertThat(builder().configuration(kubeInFile).pssVersion(PssVersion.LATEST).build().settings().pssVersion())
        .isEqualTo(PssVersion.LATEST);
  }

  @Test
  void theVersionReachesTheRules() {
    StringBuilder seen = new StringBuilder();
    TestRules.Recording rule = new TestRules.Recording(TestRules.metadata("version-echo", GroupKind.POD).build(),
        (resource, context) -> seen.append(context.kubeVersion(resource).describe()).append('|'));
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers: [{name: kube-apiserver, image: "registry.k8s.io/kube-apiserver:v1.29.3"}]
        """;

    Kubeward.builder().rules(List.of(rule)).build().scanString("pod.yaml", pod);
    Kubeward.builder().rules(List.of(rule)).kubeVersion(KubeVersion.of(27)).build().scanString("pod.yaml", pod);

    assertThat(seen).hasToString("Kubernetes v1.29, from the image tag|Kubernetes v1.27, as set for the scan|");
  }

  @Test
  void aBadVersionInTheFileIsAnErrorWithItsPosition() {
    assertThatThrownBy(() -> ConfigurationFile.parse("c.yaml", "kubernetesVersion: 1.30\n"))
        .hasMessage("c.yaml:1:20: invalid Kubernetes version '1.30' (expected v1.N, such as v1.30)");
    assertThatThrownBy(() -> ConfigurationFile.parse("c.yaml", "kubernetesVersion: [v1.30]\n"))
        .hasMessage("c.yaml:1:20: kubernetesVersion must be a string");
  }

  @Test
  void theConfigurationBuilderKeepsTheVersion() {
    Configuration c = Configuration.builder().kubeVersion(KubeVersion.of(30)).defaultNamespace("shop").build();

    assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
    assertThat(c).isNotEqualTo(Configuration.empty());
    assertThat(c.toString()).contains("kubeVersion=v1.30");
    assertThat(Configuration.empty().kubeVersion()).isNull();
  }
}
