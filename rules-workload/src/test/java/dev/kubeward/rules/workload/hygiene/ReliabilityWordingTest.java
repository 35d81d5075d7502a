/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.RelatedLocation;
import dev.kubeward.rules.workload.WorkloadRules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact messages and related locations of the reliability rules added with
 * readiness-probe-missing's Service semantics, and their suppression by annotation on the object.
 */
class ReliabilityWordingTest {

  private static final List<String> RULES = List.of("readiness-probe-missing", "requests-not-equal-limits",
      "ephemeral-storage-requirements-unset", "container-port-unnamed", "deployment-rollout-unbounded",
      "stateful-set-headless-service-missing");

  /** One story that each rule reports once: a web Deployment behind a Service, and a database. */
  private static final String SHOP = """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec:
        selector: {app: web}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        annotations: {%s}
      spec:
        replicas: 2
        strategy: {type: Recreate}
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - name: app
                image: app:1.0
                ports: [{containerPort: 8080}]
                resources:
                  requests: {cpu: 100m, memory: 1Gi}
                  limits: {cpu: "1", memory: 1024Mi, ephemeral-storage: 1Gi}
              - name: sidecar
                image: sidecar:1.0
                readinessProbe: {tcpSocket: {port: 9000}}
                ports: [{name: admin, containerPort: 9000}]
                resources: {limits: {cpu: 100m, memory: 64Mi}}
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
        namespace: shop
        annotations: {%s}
      spec:
        serviceName: web
        selector: {matchLabels: {app: db}}
        template:
          metadata: {labels: {app: db}}
          spec:
            containers:
              - name: db
                image: db:1.0
                readinessProbe: {tcpSocket: {port: 5432}}
                ports: [{name: pg, containerPort: 5432}]
                resources: {limits: {cpu: "1", memory: 1Gi, ephemeral-storage: 1Gi}}
      """;

  private static List<Finding> scan(String annotations) {
    Kubeward scanner = Kubeward.builder().rules(new WorkloadRules().rules()).profile(Profile.ALL)
        .onlyRules(Set.copyOf(RULES)).build();
    return scanner.scanString("shop.yaml", SHOP.formatted(annotations, annotations)).findings();
  }

  @Test
  void eachRuleNamesTheObjectAndTheValue() {
    assertThat(scan("").stream().map(f -> f.line() + ":" + f.column() + " " + f.rule() + " " + f.message()))
        .containsExactly(
            "16:20 deployment-rollout-unbounded Deployment shop/web uses strategy Recreate: a rollout stops all"
                + " its pods before starting new ones while Service shop/web sends traffic to them",
            "22:11 readiness-probe-missing container \"app\" of Deployment shop/web has no readiness probe"
                + " (readinessProbe) while Service shop/web sends traffic to its pods",
            "24:19 container-port-unnamed containerPort 8080/TCP of container \"app\" of Deployment shop/web has"
                + " no name",
            "26:29 requests-not-equal-limits container \"app\" of Deployment shop/web requests 100m CPU but limits"
                + " it to 1 (resources.requests.cpu), so the pod is not Guaranteed",
            "32:23 ephemeral-storage-requirements-unset container \"sidecar\" of Deployment shop/web sets no"
                + " ephemeral-storage limit (resources.limits.ephemeral-storage) and no request",
            "41:16 stateful-set-headless-service-missing StatefulSet shop/db's Service web is not headless"
                + " (clusterIP is not set): its pods get no stable DNS names");
  }

  @Test
  void theServiceIsARelatedLocation() {
    Finding readiness = scan("").stream().filter(f -> f.rule().equals("readiness-probe-missing")).findFirst()
        .orElseThrow();
    assertThat(readiness.related()).extracting(RelatedLocation::message, RelatedLocation::line,
            RelatedLocation::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Service shop/web selects the pods", 5, 13));
  }

  @ParameterizedTest
  @ValueSource(strings = {"readiness-probe-missing", "requests-not-equal-limits",
      "ephemeral-storage-requirements-unset", "container-port-unnamed", "deployment-rollout-unbounded",
      "stateful-set-headless-service-missing"})
  void anAnnotationOnTheObjectSuppressesTheRule(String rule) {
    List<Finding> findings = scan("ignore.kubeward.dev/" + rule + ": \"accepted for the demo\"");
    assertThat(findings).filteredOn(f -> f.rule().equals(rule)).isNotEmpty()
        .allMatch(Finding::suppressed)
        .allMatch(f -> "accepted for the demo".equals(f.suppression()));
    assertThat(findings).filteredOn(f -> !f.rule().equals(rule)).noneMatch(Finding::suppressed);
  }
}
