/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Resource;
import dev.kubeward.rules.workload.WorkloadRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which Service the rules that ask for "a Service that sends traffic to the pods" name when several
 * select a workload through different labels of its pod template: the first in scan order, unless a
 * later one comes from the workload's own file; a Service with publishNotReadyAddresses: true counts
 * for deployment-rollout-unbounded but not for readiness-probe-missing, and one whose ports are all
 * metrics ports counts for neither.
 */
class ServiceChoiceTest {

  /** Services of a shared file: found for web through tier=front, app=web and version=2. */
  private static final String SERVICES = """
      apiVersion: v1
      kind: Service
      metadata: {name: metrics, namespace: shop}
      spec: {selector: {app: web}, ports: [{name: http-metrics, port: 9100}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: not-ready, namespace: shop}
      spec: {selector: {version: "2"}, publishNotReadyAddresses: true, ports: [{port: 80, targetPort: 8080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: by-tier, namespace: shop}
      spec: {selector: {tier: front, app: web}, ports: [{port: 80, targetPort: 8080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: by-app, namespace: shop}
      spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: shared-api, namespace: shop}
      spec: {selector: {app: api}, ports: [{port: 80, targetPort: 8080}]}
      """;

  /** A Deployment whose labels list app first, with a Recreate rollout and no readiness probe. */
  private static final String WEB = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        strategy: {type: Recreate}
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web, version: "2", tier: front}}
          spec:
            containers: [{name: app, image: app:1.0, ports: [{containerPort: 8080}]}]
      """;

  /** The same for api, with the Service written for it in its own file, found through tier=back. */
  private static final String API = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: shop}
      spec:
        strategy: {type: Recreate}
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api, tier: back}}
          spec:
            containers: [{name: app, image: app:1.0, ports: [{containerPort: 8080}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: api, namespace: shop}
      spec: {selector: {tier: back}, ports: [{port: 80, targetPort: 8080}]}
      """;

  private static List<String> scan() {
    Loader loader = Loader.defaults();
    List<Resource> resources = new ArrayList<>();
    int documents = 0;
    for (String[] file : List.of(new String[] {"services.yaml", SERVICES}, new String[] {"web.yaml", WEB},
        new String[] {"api.yaml", API})) {
      LoadResult one = loader.loadString(file[0], file[1]);
      assertThat(one.errors()).isEmpty();
      resources.addAll(one.resources());
      documents += one.documents();
    }
    Kubeward scanner = Kubeward.builder().rules(new WorkloadRules().rules()).profile(Profile.ALL)
        .onlyRules(Set.of("readiness-probe-missing", "deployment-rollout-unbounded")).build();
    return scanner.scan(new LoadResult(resources, List.of(), 3, documents)).findings().stream()
        .map(f -> f.file() + ":" + f.line() + ":" + f.column() + " " + f.rule() + " " + f.message()
            + " [" + f.related().get(0).file() + ":" + f.related().get(0).line() + "]")
        .toList();
  }

  @Test
  void theFirstServiceInScanOrderIsNamedUnlessOneIsFromTheWorkloadsOwnFile() {
    assertThat(scan()).containsExactly(
        "api.yaml:5:20 deployment-rollout-unbounded Deployment shop/api uses strategy Recreate: a rollout stops"
            + " all its pods before starting new ones while Service shop/api sends traffic to them [api.yaml:15]",
        "api.yaml:10:20 readiness-probe-missing container \"app\" of Deployment shop/api has no readiness probe"
            + " (readinessProbe) while Service shop/api sends traffic to its pods [api.yaml:15]",
        "web.yaml:5:20 deployment-rollout-unbounded Deployment shop/web uses strategy Recreate: a rollout stops"
            + " all its pods before starting new ones while Service shop/not-ready sends traffic to them"
            + " [services.yaml:9]",
        "web.yaml:10:20 readiness-probe-missing container \"app\" of Deployment shop/web has no readiness probe"
            + " (readinessProbe) while Service shop/by-tier sends traffic to its pods [services.yaml:14]");
  }
}
