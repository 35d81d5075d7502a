/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rules.cluster.ClusterRules;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A finding says the value found, the default that applies when the flag is absent, and the value to set. */
class ControlPlaneMessagesTest {

  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: kube-apiserver-cp-1
        namespace: kube-system
      spec:
        containers:
        - name: kube-apiserver
          image: registry.k8s.io/kube-apiserver:v1.30.4
          command:
          - kube-apiserver
          - --profiling
          - --insecure-port=0
      """;

  private static List<String> messages(String rule, String yaml, KubeVersion version) {
    Kubeward.Builder builder = Kubeward.builder().rules(new ClusterRules().rules()).profile(Profile.ALL)
        .onlyRules(Set.of(rule));
    if (version != null) {
      builder.kubeVersion(version);
    }
    return builder.build().scanString("pod.yaml", yaml).findings().stream()
        .map(f -> f.line() + " " + f.severity() + " " + f.message()).collect(Collectors.toList());
  }

  @Test
  void aFlagSetSaysTheValueFoundAndTheValueToSet() {
    assertThat(messages("api-server-profiling", POD, null))
        .containsExactly("12 LOW kube-apiserver runs with --profiling=true; set --profiling=false");
  }

  @Test
  void anAbsentFlagSaysTheDefaultOfTheVersionTheImageStates() {
    assertThat(messages("api-server-extend-token-expiration", POD, null)).containsExactly(
        "10 LOW kube-apiserver runs without --service-account-extend-token-expiration, whose default is true"
            + " (Kubernetes v1.30, from the image tag); set --service-account-extend-token-expiration=false");
  }

  @Test
  void theScanVersionWinsOverTheImage() {
    assertThat(messages("api-server-removed-flag", POD, KubeVersion.of(25))).containsExactly(
        "13 LOW kube-apiserver runs with --insecure-port=0, which was removed in v1.24 (Kubernetes v1.25, as set"
            + " for the scan): the API server does not start; remove it");
    assertThat(messages("api-server-removed-flag", POD, null)).containsExactly(
        "13 LOW kube-apiserver runs with --insecure-port=0, which was removed in v1.24 (Kubernetes v1.30, from"
            + " the image tag): the API server does not start; remove it");
  }

  @Test
  void kubeadmFindingsSayWhereTheFlagCameFrom() {
    String config = """
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        kubernetesVersion: v1.36.2
        etcd:
          local:
            extraEnvs:
            - name: ETCD_AUTO_TLS
              value: "true"
        """;
    assertThat(messages("etcd-auto-tls", config, null)).containsExactly(
        "8 MEDIUM kubeadm's etcd runs with --auto-tls=true (from ETCD_AUTO_TLS in etcd.local.extraEnvs);"
            + " set --auto-tls=false");
  }

  @Test
  void findingsCarryTheRowsControl() {
    List<Finding> findings = Kubeward.builder().rules(new ClusterRules().rules()).profile(Profile.ALL)
        .onlyRules(Set.of("api-server-profiling")).build().scanString("pod.yaml", POD).findings();
    assertThat(findings).singleElement().satisfies(f -> assertThat(f.controls()).contains("cis-k8s:1.2.15"));
  }
}
