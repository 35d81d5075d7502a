/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkReachCommandTest {

  private static final String CLUSTER = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: web}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: db, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: db}}
          spec: {containers: [{name: db, image: db, ports: [{name: pg, containerPort: 5432}]}]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: default-deny, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Ingress, Egress]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web-to-db, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        egress:
          - to: [{podSelector: {matchLabels: {app: db}}}]
            ports: [{port: pg}]
          - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
            ports: [{port: 443}, {port: 9000, endPort: 9100}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: db-from-web, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: db}}
        ingress:
          - from: [{podSelector: {matchLabels: {app: web}}}]
      """;

  @TempDir
  Path dir;

  @Test
  void text() throws IOException {
    Files.writeString(dir.resolve("cluster.yaml"), CLUSTER);
    Cli.Result result = Cli.cli().in(dir).run("network", "reach", "cluster.yaml");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("""
        shop/web[Deployment] => shop/db[Deployment] : TCP 5432
        shop/web[Deployment] => 0.0.0.0/0 except 10.0.0.0/8 : TCP 443,TCP 9000-9100
        """);
  }

  @Test
  void json() throws IOException {
    Files.writeString(dir.resolve("cluster.yaml"), CLUSTER);
    Cli.Result result = Cli.cli().in(dir).run("network", "reach", "--format", "json", "--from",
        "Deployment/shop/web", "cluster.yaml");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).endsWith("\"connections\":["
        + "\n  {\"from\":{\"kind\":\"Deployment\",\"namespace\":\"shop\",\"name\":\"web\"},"
        + "\"to\":{\"kind\":\"Deployment\",\"namespace\":\"shop\",\"name\":\"db\"},"
        + "\"ports\":[{\"protocol\":\"TCP\",\"port\":5432}]},"
        + "\n  {\"from\":{\"kind\":\"Deployment\",\"namespace\":\"shop\",\"name\":\"web\"},"
        + "\"to\":{\"ipBlock\":\"0.0.0.0/0\",\"except\":[\"10.0.0.0/8\"]},"
        + "\"ports\":[{\"protocol\":\"TCP\",\"port\":443},{\"protocol\":\"TCP\",\"port\":9000,\"endPort\":9100}]}"
        + "\n]}\n");
    assertThat(result.out()).startsWith("{\"schemaVersion\":1,\"assumptions\":[\"ipBlocks describe addresses outside");
  }

  @Test
  void customWorkloadKindsAndTheDefaultNamespaceComeFromTheConfiguration() throws IOException {
    Files.writeString(dir.resolve(".kubeward.yaml"), "defaultNamespace: shop\n"
        + "workloadKinds:\n  - {apiGroup: example.com, kind: Thing, templatePath: spec.template}\n");
    Files.writeString(dir.resolve("cluster.yaml"), CLUSTER + """
        ---
        apiVersion: example.com/v1
        kind: Thing
        metadata: {name: thing}
        spec:
          template:
            metadata: {labels: {app: thing}}
            spec: {containers: [{name: t, image: t}]}
        """);
    // Found (the default deny of shop isolates it, so nothing reaches it)...
    Cli.Result result = Cli.cli().in(dir).run("network", "reach", "--to", "Thing/shop/thing", "cluster.yaml");
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    // ... and not a workload without the configuration.
    Files.delete(dir.resolve(".kubeward.yaml"));
    assertThat(Cli.cli().in(dir).run("network", "reach", "--to", "Thing/default/thing", "cluster.yaml").err())
        .isEqualTo("kubeward: --to: no workload Thing/default/thing in the manifests\n");
  }

  @Test
  void usageErrors() throws IOException {
    Files.writeString(dir.resolve("cluster.yaml"), CLUSTER);
    assertThat(Cli.cli().in(dir).run("network", "reach", "--to", "Deployment/shop/nope", "cluster.yaml").err())
        .isEqualTo("kubeward: --to: no workload Deployment/shop/nope in the manifests\n");
    assertThat(Cli.cli().in(dir).run("network", "reach", "--pod-cidr", "10.0.0.1", "cluster.yaml").exitCode())
        .isEqualTo(2);
    assertThat(Cli.cli().in(dir).run("network", "reach", "--format", "xml", "cluster.yaml").exitCode()).isEqualTo(2);
  }

  @Test
  void theConfigurationCanNameThePodNetwork() throws IOException {
    Files.writeString(dir.resolve("cluster.yaml"), CLUSTER);
    String flag = Cli.cli().in(dir).run("network", "reach", "--format", "json", "--pod-cidr", "10.244.0.0/16",
        "cluster.yaml").out();
    String none = Cli.cli().in(dir).run("network", "reach", "--format", "json", "cluster.yaml").out();
    Files.writeString(dir.resolve(".kubeward.yaml"), "podCidr: 10.244.0.0/16\n");
    String configured = Cli.cli().in(dir).run("network", "reach", "--format", "json", "cluster.yaml").out();
    assertThat(configured).isEqualTo(flag).isNotEqualTo(none).contains("10.244.0.0/16");
    Files.writeString(dir.resolve(".kubeward.yaml"), "podCidr: pods\n");
    Cli.Result bad = Cli.cli().in(dir).run("network", "reach", "cluster.yaml");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("podCidr must be a CIDR block");
  }
}
