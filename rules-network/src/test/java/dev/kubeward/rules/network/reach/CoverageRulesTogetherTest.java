/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Kubeward;
import dev.kubeward.rules.network.NetworkRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The coverage rules as they run together: one finding per problem. */
class CoverageRulesTogetherTest {

  private static final String APP = """
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
      metadata: {name: api, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: api}}
          spec: {containers: [{name: api, image: api}]}
      """;

  private static List<String> findings(List<String> rules, String yaml) {
    Kubeward kubeward = Kubeward.builder().rules(new NetworkRules().rules().stream()
        .filter(r -> rules.contains(r.metadata().id())).toList()).build();
    return kubeward.scanString("app.yaml", yaml).findings().stream()
        .map(f -> f.rule() + " " + f.severity() + " " + f.line() + " " + f.message()).toList();
  }

  @Test
  void aNamespaceWithoutPoliciesIsReportedOnceNotOncePerWorkload() {
    List<String> both = List.of("namespace-ingress-not-default-deny", "workload-without-ingress-policy");
    assertThat(findings(both, APP)).containsExactly("namespace-ingress-not-default-deny MEDIUM 1 namespace"
        + " \"shop\" has no default-deny policy for ingress in the scan (no NetworkPolicy with an empty podSelector"
        + " and policyTypes Ingress); 2 of its 2 workloads in the scan are not isolated for ingress and any pod in the"
        + " cluster can connect to them");
    assertThat(findings(List.of("workload-without-ingress-policy"), APP)).hasSize(2);
  }

  @Test
  void aCleanDefaultDenySetupHasNoNetworkFinding() {
    String yaml = APP + """
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
        metadata: {name: web-to-api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]
        """;
    List<String> all = new NetworkRules().rules().stream().map(r -> r.metadata().id()).toList();
    assertThat(findings(all, yaml)).isEmpty();
    assertThat(findings(all, APP)).isNotEmpty();
  }

}
