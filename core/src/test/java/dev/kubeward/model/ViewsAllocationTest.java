/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The port, env, volume and selector views allocate nothing: the thread's allocated-bytes counter
 * does not grow over many passes over a pod. Not a timing test.
 */
class ViewsAllocationTest {

  private static final String DOCS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            hostNetwork: true
            initContainers:
              - {name: proxy, image: envoy, restartPolicy: Always, ports: [{name: admin, containerPort: 9901}]}
            containers:
              - name: app
                image: nginx
                ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]
                env:
                  - {name: LEVEL, value: info}
                  - {name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
                  - {name: IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
                envFrom: [{configMapRef: {name: common}}, {secretRef: {name: creds}}]
            volumes:
              - {name: host, hostPath: {path: /etc}}
              - {name: creds, secret: {secretName: db}}
              - {name: bundle, projected: {sources: [{serviceAccountToken: {path: t}}, {configMap: {name: ca}}]}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: p, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: x}}}, {ipBlock: {cidr: 10.0.0.0/8}}]}]
      """;

  private static long sink;

  @Test
  void viewsAllocateNothing() {
    List<Resource> resources = Manifests.load(DOCS);
    Resource deployment = resources.get(0);
    Resource policy = resources.get(1);
    for (int i = 0; i < 20_000; i++) {
      pass(deployment, policy);
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long before = threads.getThreadAllocatedBytes(thread);
      for (int i = 0; i < 10_000; i++) {
        pass(deployment, policy);
      }
      least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
    }

    assertThat(sink).isNotZero();
    assertThat(least).as("bytes allocated by 10,000 passes over the views").isLessThan(1_000);
  }

  private static void pass(Resource deployment, Resource policy) {
    PodSpec pod = deployment.podSpec();
    List<Container> containers = pod.containers();
    long acc = 0;
    for (int c = 0; c < containers.size(); c++) {
      Container container = containers.get(c);
      ListNode ports = Ports.of(container);
      for (int i = 0; i < ports.size(); i++) {
        Node port = ports.get(i);
        acc += Ports.number(port) + Ports.effectiveHostPort(pod, port) + Ports.protocol(port).length();
        String name = Ports.name(port);
        acc += name == null ? 0 : name.length();
      }
      ListNode env = EnvVars.of(container);
      for (int i = 0; i < env.size(); i++) {
        Node item = env.get(i);
        acc += EnvVars.source(item).ordinal() + EnvVars.sourceKeyNode(item).line();
        String ref = EnvVars.referencedName(item);
        acc += ref == null ? 0 : ref.length();
      }
      ListNode from = EnvVars.envFrom(container);
      for (int i = 0; i < from.size(); i++) {
        acc += EnvVars.fromSource(from.get(i)).ordinal() + EnvVars.fromKeyNode(from.get(i)).column();
      }
      acc += EnvVars.find(container, "LEVEL").line();
    }
    ListNode volumes = Volumes.of(pod);
    for (int i = 0; i < volumes.size(); i++) {
      Node volume = volumes.get(i);
      acc += Volumes.kind(volume).ordinal() + Volumes.sourceKeyNode(volume).line();
      String path = Volumes.hostPath(volume);
      acc += path == null ? 0 : path.length();
      ListNode sources = Volumes.projectedSources(volume);
      for (int j = 0; j < sources.size(); j++) {
        acc += Volumes.projection(sources.get(j)).ordinal();
      }
    }
    acc += Ports.number(Ports.findNamed(pod, "admin", "TCP"));
    acc += SelectorField.WORKLOAD_SELECTOR.kindOf(deployment.root(), deployment.apiVersion()).ordinal();
    acc += SelectorField.NETWORK_POLICY_POD_SELECTOR.kindOf(policy.root(), policy.apiVersion()).ordinal();
    Node peers = policy.root().get("spec").get("ingress").get(0).get("from");
    for (int i = 0; i < peers.size(); i++) {
      acc += SelectorField.NETWORK_POLICY_PEER_POD_SELECTOR.kindOf(peers.get(i), policy.apiVersion()).ordinal();
      acc += SelectorField.NETWORK_POLICY_PEER_NAMESPACE_SELECTOR.kindOf(peers.get(i), policy.apiVersion()).ordinal();
    }
    acc += ServiceAccounts.nameOf(pod.spec()).length();
    sink += acc;
  }
}
