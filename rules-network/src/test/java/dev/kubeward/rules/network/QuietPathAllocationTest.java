/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.assertj.QuietPath;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-resource network rules report nothing on well-configured policies, Services, Ingresses,
 * Gateways and mesh policies, and allocate nothing while checking them ({@link QuietPath}).
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

  @Test
  void quietObjectsAllocateNothing() {
    List<Rule> rules = new NetworkRules().rules().stream().filter(r -> r instanceof ResourceRule).toList();
    assertThat(rules).hasSizeGreaterThan(10);
    QuietPath.of(rules).assertAllocatesNothingOn("shop.yaml", QUIET);
  }
}
