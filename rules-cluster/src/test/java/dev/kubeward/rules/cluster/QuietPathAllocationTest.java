/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.assertj.QuietPath;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The cluster rules report nothing on compliant input and allocate nothing while checking it: the
 * per-resource rules on good authentication and authorization files and a workload, the
 * cross-resource kubelet rules per additional workload ({@link QuietPath}). Not a timing test.
 */
class QuietPathAllocationTest {

  private static final String AUTH = String.join("\n",
      "apiVersion: apiserver.config.k8s.io/v1",
      "kind: AuthorizationConfiguration",
      "authorizers:",
      "  - {type: Node, name: node}",
      "  - {type: RBAC, name: rbac}",
      "---",
      "apiVersion: apiserver.config.k8s.io/v1",
      "kind: AuthenticationConfiguration",
      "anonymous:",
      "  enabled: true",
      "  conditions: [{path: /livez}, {path: /readyz}]",
      "");

  private static final String DEPLOYMENT = String.join("\n",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: web, namespace: shop}",
      "spec:",
      "  template:",
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: registry.example.com/shop/web:1.4.2",
      "          command: [/web, --port=8080]",
      "");

  private static final String KUBELET = String.join("\n",
      "apiVersion: kubelet.config.k8s.io/v1beta1",
      "kind: KubeletConfiguration",
      "authentication: {anonymous: {enabled: false}, x509: {clientCAFile: /pki/ca.crt}}",
      "authorization: {mode: Webhook}",
      "serverTLSBootstrap: true",
      "rotateCertificates: true",
      "protectKernelDefaults: true",
      "seccompDefault: true",
      "podPidsLimit: 4096",
      "");

  @Test
  void perResourceRulesAllocateNothingOnCompliantInput() {
    List<Rule> rules = nodeRules().stream().filter(r -> r instanceof ResourceRule)
        .collect(Collectors.toList());
    QuietPath.of(rules).assertAllocatesNothingOn("auth.yaml", AUTH + "---\n" + DEPLOYMENT);
  }

  @Test
  void kubeletRulesAllocateNothingPerQuietWorkload() {
    List<Rule> rules = nodeRules().stream().filter(r -> r instanceof InventoryRule)
        .collect(Collectors.toList());
    assertThat(rules).extracting(r -> r.metadata().id()).contains("kubelet-anonymous-auth", "kubelet-swap");
    QuietPath.of(rules).assertAllocatesNothingPerQuietResource(QuietPathAllocationTest::node);
  }

  /** A hardened kubelet configuration and {@code n} Deployments that run no kubelet. */
  private static List<Resource> node(int n) {
    StringBuilder yaml = new StringBuilder(KUBELET);
    for (int i = 0; i < n; i++) {
      yaml.append("---\n").append(DEPLOYMENT.replace("name: web,", "name: web-" + i + ","));
    }
    LoadResult loaded = Loader.defaults().loadString("node.yaml", yaml.toString());
    assertThat(loaded.errors()).isEmpty();
    return loaded.resources();
  }

  /**
   * The kubelet and authentication/authorization configuration rules (packages node and
   * authconfig); the other families of the module have quiet-path tests of their own.
   */
  private static List<Rule> nodeRules() {
    return new ClusterRules().rules().stream().filter(r -> r.getClass().getPackageName().endsWith(".node")
        || r.getClass().getPackageName().endsWith(".authconfig")).toList();
  }
}
