/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.rules.network.reach.NetworkModel;
import dev.kubeward.rules.network.reach.Reachability;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the network policy model of a scan takes to build, and how it grows: {@code size}
 * workloads and as many NetworkPolicies, spread over namespaces of 50 of each, plus a few
 * AdminNetworkPolicies. {@code build} indexes a fresh inventory (linear, cheap) and builds the
 * model; {@code reachAll} also answers every pair of workloads and every outside block, which is
 * quadratic by nature (the answer itself has up to size² lines).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class NetworkModelBenchmark {

  /** Workloads and policies of one generated cluster. */
  @State(Scope.Benchmark)
  public static class Cluster {
    @Param({"250", "500", "1000"})
    public int size;

    List<Resource> resources;

    @Setup
    public void setup() {
      LoadResult loaded = Loader.defaults().loadString("network.yaml", generate(size));
      if (!loaded.errors().isEmpty() || loaded.resources().size() < 2 * size) {
        throw new IllegalStateException("generated cluster did not load: " + loaded.errors());
      }
      resources = loaded.resources();
    }
  }

  @Benchmark
  public NetworkModel build(Cluster cluster) {
    return NetworkModel.of(Inventory.of(cluster.resources));
  }

  @Benchmark
  public Reachability.Answer reachAll(Cluster cluster) {
    return Reachability.of(Inventory.of(cluster.resources), Reachability.Options.defaults()).connections(null, null);
  }

  /** {@code size} workloads and {@code size} policies in namespaces of 50, with 5 admin policies. */
  static String generate(int size) {
    StringBuilder sb = new StringBuilder(size * 900);
    for (int i = 0; i < size; i++) {
      String ns = "ns" + i / 50;
      if (i % 50 == 0) {
        sb.append("apiVersion: v1\nkind: Namespace\nmetadata: {name: ").append(ns)
            .append(", labels: {tier: t").append(i / 50 % 3).append("}}\n---\n");
      }
      sb.append("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app").append(i).append(", namespace: ")
          .append(ns).append("}\nspec:\n  template:\n    metadata: {labels: {app: app").append(i).append(", group: g")
          .append(i % 7).append("}}\n    spec:\n      containers:\n        - name: c\n          image: img\n")
          .append("          ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]\n")
          .append("---\n");
      sb.append("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p").append(i)
          .append(", namespace: ").append(ns).append("}\nspec:\n");
      switch (i % 4) {
        case 0:
          sb.append("  podSelector: {}\n  policyTypes: [Ingress, Egress]\n");
          break;
        case 1:
          sb.append("  podSelector: {matchLabels: {app: app").append(i - 1).append("}}\n  ingress:\n")
              .append("    - from: [{podSelector: {matchLabels: {group: g").append(i % 7).append("}}}]\n")
              .append("      ports: [{port: http}]\n");
          break;
        case 2:
          sb.append("  podSelector: {matchExpressions: [{key: group, operator: In, values: [g1, g2]}]}\n")
              .append("  ingress:\n    - from: [{namespaceSelector: {matchLabels: {tier: t1}}, podSelector: {}}]\n")
              .append("  egress:\n    - to: [{ipBlock: {cidr: 10.").append(i % 250).append(".0.0/16, except: [10.")
              .append(i % 250).append(".1.0/24]}}]\n      ports: [{port: 443}, {port: 9000, endPort: 9100}]\n");
          break;
        default:
          sb.append("  podSelector: {matchLabels: {group: g").append(i % 7).append("}}\n  policyTypes: [Egress]\n")
              .append("  egress:\n    - ports: [{protocol: UDP, port: 53}]\n")
              .append("    - to: [{namespaceSelector: {}, podSelector: {matchLabels: {app: app").append(i - 3)
              .append("}}}]\n");
          break;
      }
      sb.append("---\n");
    }
    for (int k = 0; k < 5; k++) {
      sb.append("apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: anp")
          .append(k).append("}\nspec:\n  priority: ").append(k * 10).append("\n  subject: {namespaces: {matchLabels:")
          .append(" {tier: t").append(k % 3).append("}}}\n  ingress:\n    - action: ")
          .append(k % 2 == 0 ? "Pass" : "Deny").append("\n      from: [{namespaces: {matchLabels: {tier: t")
          .append((k + 1) % 3).append("}}}]\n      ports: [{portNumber: {protocol: TCP, port: ").append(8000 + k)
          .append("}}]\n---\n");
    }
    return sb.toString();
  }
}
