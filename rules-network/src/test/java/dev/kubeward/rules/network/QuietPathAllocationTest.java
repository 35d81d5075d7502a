/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.assertj.QuietPath;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The network rules report nothing on well-configured policies, Services, Ingresses, Gateways and
 * mesh policies, and allocate nothing while checking them ({@link QuietPath}).
 */
class QuietPathAllocationTest {

  private static final String QUIET = String.join("\n",
      "apiVersion: networking.k8s.io/v1",
      "kind: NetworkPolicy",
      "metadata: {name: web, namespace: shop}",
      "spec:",
      "  podSelector: {matchLabels: {app: web}}",
      "  policyTypes: [Ingress, Egress]",
      "  ingress:",
      "    - from:",
      "        - podSelector: {matchLabels: {app: front}}",
      "        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: edge}}",
      "          podSelector: {matchLabels: {app: gateway}}",
      "      ports: [{port: 8080}]",
      "  egress:",
      "    - to: [{podSelector: {matchLabels: {app: db}}}]",
      "      ports: [{port: 5432}]",
      "---",
      "apiVersion: v1",
      "kind: Service",
      "metadata: {name: web, namespace: shop}",
      "spec:",
      "  selector: {app: web}",
      "  ports: [{port: 80, targetPort: 8080}]",
      "---",
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: {name: web, namespace: shop, annotations: {nginx.ingress.kubernetes.io/ssl-redirect: 'true'}}",
      "spec:",
      "  tls: [{hosts: [shop.example.com, '*.api.example.com'], secretName: shop-tls}]",
      "  rules:",
      "    - host: shop.example.com",
      "      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}",
      "    - host: v1.api.example.com",
      "      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}",
      "---",
      "apiVersion: security.istio.io/v1",
      "kind: PeerAuthentication",
      "metadata: {name: default, namespace: istio-system}",
      "spec: {mtls: {mode: STRICT}}",
      "---",
      "apiVersion: security.istio.io/v1",
      "kind: AuthorizationPolicy",
      "metadata: {name: web, namespace: shop}",
      "spec:",
      "  selector: {matchLabels: {app: web}}",
      "  rules: [{from: [{source: {namespaces: [edge]}}]}]",
      "");

  /**
   * The cross-resource rules of the module allocate nothing per Service, Ingress and route that
   * passes: over an inventory four times larger, a check allocates no more.
   */
  @Test
  void crossResourceRulesAllocateNothingPerQuietObject() {
    List<Rule> rules = objectRules().stream().filter(r -> r instanceof InventoryRule).toList();
    assertThat(rules).extracting(r -> r.metadata().id())
        .contains("service-selects-nothing", "backend-service-missing", "gateway-listener-without-tls");
    QuietPath.of(rules).assertAllocatesNothingPerQuietResource(QuietPathAllocationTest::shop);
  }

  /** {@code n} Deployments, each with its Service, an Ingress with TLS and an HTTPRoute on an HTTPS Gateway. */
  private static List<Resource> shop(int n) {
    StringBuilder yaml = new StringBuilder(String.join("\n",
        "apiVersion: gateway.networking.k8s.io/v1",
        "kind: Gateway",
        "metadata: {name: edge, namespace: shop}",
        "spec:",
        "  gatewayClassName: example",
        "  listeners: [{name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: edge-tls}]}}]",
        ""));
    for (int i = 0; i < n; i++) {
      String name = "web-" + i;
      yaml.append(String.join("\n",
          "---",
          "apiVersion: apps/v1",
          "kind: Deployment",
          "metadata: {name: " + name + ", namespace: shop}",
          "spec:",
          "  selector: {matchLabels: {app: " + name + "}}",
          "  template:",
          "    metadata: {labels: {app: " + name + ", tier: front}}",
          "    spec: {containers: [{name: web, image: web:1.0}]}",
          "---",
          "apiVersion: v1",
          "kind: Service",
          "metadata: {name: " + name + ", namespace: shop}",
          "spec: {selector: {app: " + name + "}, ports: [{port: 80}]}",
          "---",
          "apiVersion: networking.k8s.io/v1",
          "kind: Ingress",
          "metadata: {name: " + name + ", namespace: shop}",
          "spec:",
          "  tls: [{hosts: [" + name + ".example.com], secretName: tls}]",
          "  rules:",
          "    - host: " + name + ".example.com",
          "      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: " + name
              + ", port: {number: 80}}}}]}",
          "---",
          "apiVersion: gateway.networking.k8s.io/v1",
          "kind: HTTPRoute",
          "metadata: {name: " + name + ", namespace: shop}",
          "spec:",
          "  parentRefs: [{name: edge}]",
          "  rules: [{backendRefs: [{name: " + name + ", port: 80}]}]",
          ""));
    }
    LoadResult loaded = Loader.defaults().loadString("shop.yaml", yaml.toString());
    assertThat(loaded.errors()).isEmpty();
    assertThat(loaded.resources()).hasSize(4 * n + 1);
    return loaded.resources();
  }

  @Test
  void quietObjectsAllocateNothing() {
    List<Rule> rules = objectRules().stream().filter(r -> r instanceof ResourceRule).toList();
    assertThat(rules).hasSizeGreaterThan(10);
    QuietPath.of(rules).assertAllocatesNothingOn("shop.yaml", QUIET);
  }

  /**
   * The rules that judge one object, or one object against its peers (package objects); the
   * coverage rules judge whole namespaces and have quiet-path tests of their own.
   */
  private static List<Rule> objectRules() {
    return new NetworkRules().rules().stream()
        .filter(r -> r.getClass().getPackageName().endsWith(".objects")).toList();
  }
}
