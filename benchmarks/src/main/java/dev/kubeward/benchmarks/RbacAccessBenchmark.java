/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.rules.rbac.access.AccessModel;
import dev.kubeward.rules.rbac.access.WhoCan;
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
 * Question: how long does the RBAC access model of a large cluster take to build, and how long
 * does a who-can question over it take? The cluster has {@code roles} roles (half ClusterRoles, one
 * in fifty of them aggregating the hundred or so ClusterRoles of one label, half Roles in 100 namespaces) and as many bindings (half
 * RoleBindings, some of them to ClusterRoles, half ClusterRoleBindings, to service accounts and
 * groups), loaded once in {@link Setup}. {@code build} makes a fresh inventory and model
 * ({@code inventory} is the inventory alone, to subtract); the who-can methods ask a model built
 * once, in one namespace and cluster-wide.
 * Scores are milliseconds per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class RbacAccessBenchmark {

  private static final int NAMESPACES = 100;

  /** The generated cluster, loaded, and a model built once. */
  @State(Scope.Benchmark)
  public static class Cluster {
    @Param({"10000"})
    public int roles;

    List<Resource> resources;
    AccessModel model;
    WhoCan.Query inNamespace;
    WhoCan.Query clusterWide;

    @Setup
    public void setup() {
      String yaml = generate(roles);
      LoadResult loaded = Loader.defaults().loadString("rbac.yaml", yaml);
      if (!loaded.errors().isEmpty()) {
        throw new IllegalStateException("generated RBAC does not load: " + loaded.errors().get(0));
      }
      resources = loaded.resources();
      model = AccessModel.of(Inventory.of(resources));
      inNamespace = WhoCan.Query.of("get", "secrets").inNamespace("ns-17");
      clusterWide = WhoCan.Query.of("create", "pods/exec");
      System.err.println("[kubeward-benchmarks] " + resources.size() + " RBAC objects; who-can get secrets in ns-17: "
          + model.whoCan(inNamespace).size() + " subjects");
    }
  }

  /** {@code count} roles and {@code count} bindings as one multi-document YAML text. */
  static String generate(int count) {
    StringBuilder sb = new StringBuilder(count * 400);
    String[] verbs = {"get", "list", "watch", "create", "update", "delete"};
    String[] resources = {"pods", "secrets", "configmaps", "services", "deployments", "pods/exec", "jobs"};
    int clusterRoles = count / 2;
    for (int i = 0; i < count; i++) {
      boolean cluster = i < clusterRoles;
      String name = (cluster ? "cr-" : "r-") + i;
      sb.append("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ").append(cluster ? "ClusterRole" : "Role")
          .append("\nmetadata:\n  name: ").append(name);
      if (!cluster) {
        sb.append("\n  namespace: ns-").append(i % NAMESPACES);
      } else if (i % 50 != 0) {
        sb.append("\n  labels: {group: g").append(i % 50).append('}');
      }
      sb.append('\n');
      if (cluster && i % 50 == 0) {
        sb.append("aggregationRule:\n  clusterRoleSelectors:\n    - matchLabels: {group: g").append((i / 50) % 50)
            .append("}\n");
        continue;
      }
      sb.append("rules:\n");
      for (int r = 0; r < 3; r++) {
        sb.append("  - apiGroups: [\"\"]\n    resources: [").append(resources[(i + r) % resources.length])
            .append("]\n    verbs: [").append(verbs[(i + r) % verbs.length]).append(", ")
            .append(verbs[(i + 2 * r + 1) % verbs.length]).append("]\n");
      }
    }
    for (int i = 0; i < count; i++) {
      boolean cluster = i % 2 == 0;
      int ns = i % NAMESPACES;
      sb.append("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ")
          .append(cluster ? "ClusterRoleBinding" : "RoleBinding").append("\nmetadata:\n  name: b-").append(i);
      if (!cluster) {
        sb.append("\n  namespace: ns-").append(ns);
      }
      String roleKind;
      String role;
      if (cluster || i % 3 == 0) {
        roleKind = "ClusterRole";
        role = "cr-" + (i % clusterRoles);
      } else {
        roleKind = "Role";
        role = "r-" + (clusterRoles + (i % (count - clusterRoles)) / NAMESPACES * NAMESPACES + ns);
      }
      sb.append("\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ").append(roleKind).append(", name: ")
          .append(role).append("}\nsubjects:\n  - {kind: ServiceAccount, name: sa-").append(i % 997)
          .append(", namespace: ns-").append(ns).append("}\n");
      if (i % 10 == 0) {
        sb.append("  - {kind: Group, name: team-").append(i % 37).append("}\n");
      }
    }
    return sb.toString();
  }

  @Benchmark
  public Object inventory(Cluster c) {
    return Inventory.of(c.resources);
  }

  @Benchmark
  public Object build(Cluster c) {
    return AccessModel.of(Inventory.of(c.resources));
  }

  @Benchmark
  public Object whoCanInNamespace(Cluster c) {
    return c.model.whoCan(c.inNamespace);
  }

  @Benchmark
  public Object whoCanClusterWide(Cluster c) {
    return c.model.whoCan(c.clusterWide);
  }
}
