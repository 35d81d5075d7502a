/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.rules.cluster.ClusterRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole kubelets: hardened ones produce nothing, an insecure one trips every row once. */
class KubeletStoriesTest {

  private static final Kubeward SCANNER =
      Kubeward.builder().rules(new ClusterRules().rules()).profile(Profile.of("all")).build();

  private static ScanReport scan(String name) throws IOException {
    try (InputStream in = KubeletStoriesTest.class.getResourceAsStream("/stories/kubelet/" + name)) {
      return SCANNER.scanString(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aHardenedKubeletProducesNoFinding() throws IOException {
    for (String name : List.of("hardened.yaml", "hardened.json")) {
      ScanReport report = scan(name);
      assertThat(report.errors()).as(name).isEmpty();
      assertThat(report.findings()).as(name).isEmpty();
    }
  }

  @Test
  void anInsecureKubeletTripsEveryRowOnce() throws IOException {
    ScanReport report = scan("insecure.yaml");
    assertThat(report.errors()).isEmpty();
    List<String> rules = report.findings().stream().map(Finding::rule).sorted().collect(Collectors.toList());
    List<String> rows = KubeletRows.ROWS.stream().map(KubeletSetting.Row::id).sorted().collect(Collectors.toList());
    assertThat(rules).isEqualTo(rows);
  }

  @Test
  void messagesSayWhichSourceWonAndWhichDefaultApplied() {
    String text = """
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            read-only-port: "10255"
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        readOnlyPort: 0
        tlsCertFile: /pki/kubelet.crt
        """;
    List<String> messages = SCANNER.scanString("node.yaml", text).findings().stream()
        .filter(f -> f.rule().equals("kubelet-read-only-port") || f.rule().equals("kubelet-tls-cert-file")
            || f.rule().equals("kubelet-event-qps") || f.rule().equals("kubelet-anonymous-auth"))
        .map(f -> f.line() + " " + f.message()).collect(Collectors.toList());
    assertThat(messages).containsExactly(
        "5 --read-only-port=10255 is given in kubeletExtraArgs of JoinConfiguration in node.yaml, which overrides"
            + " readOnlyPort 0 of KubeletConfiguration in node.yaml: the kubelet serves pod specs, node details and"
            + " metrics over plain HTTP without authentication",
        "8 tlsPrivateKeyFile is not set in KubeletConfiguration in node.yaml, so the configuration file's default \"\""
            + " applies, and serverTLSBootstrap is not set (the configuration file's default is false): the kubelet"
            + " serves TLS with a self-signed certificate that no client can verify");
  }

  @Test
  void dropInsInTheFolderNamedAfterTheMainFileOverrideIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("config.yaml"), """
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        readOnlyPort: 10255
        authentication:
          anonymous:
            enabled: false
        """);
    Path dropIns = Files.createDirectory(dir.resolve("config.yaml.d"));
    Files.writeString(dropIns.resolve("10-ports.yaml"), """
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        readOnlyPort: 0
        """);
    Files.writeString(dropIns.resolve("20-debug.yaml"), """
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        authentication:
          anonymous:
            enabled: true
        """);
    List<String> found = SCANNER.scan(List.of(dir.toString())).findings().stream()
        .filter(f -> f.rule().equals("kubelet-read-only-port") || f.rule().equals("kubelet-anonymous-auth"))
        .map(f -> Path.of(f.file()).getFileName() + ":" + f.line() + " " + f.rule()).collect(Collectors.toList());
    assertThat(found).containsExactly("20-debug.yaml:5 kubelet-anonymous-auth");
  }

  @Test
  void aKubeletWithoutConfigRunsOnTheFlagsDefaults() {
    String text = """
        apiVersion: v1
        kind: Pod
        metadata: {name: kubelet, namespace: kube-system}
        spec:
          containers:
            - name: kubelet
              image: registry.example.com/kubelet:v1.30.0
              args: [kubelet, --anonymous-auth=false]
        """;
    List<String> messages = SCANNER.scanString("pod.yaml", text).findings().stream()
        .filter(f -> f.rule().equals("kubelet-authorization-always-allow") || f.rule().equals("kubelet-anonymous-auth"))
        .map(f -> f.line() + " " + f.message()).collect(Collectors.toList());
    assertThat(messages).containsExactly("8 --authorization-mode is not given to container \"kubelet\" of Pod"
        + " kube-system/kubelet, which runs without --config, so the flag's default AlwaysAllow applies: every caller"
        + " that reaches the kubelet may exec into, read and delete its pods");
  }
}
