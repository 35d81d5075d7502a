/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import dev.kubeward.load.Loader;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.rules.rbac.access.AccessModel;
import dev.kubeward.rules.rbac.access.WhoCan;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Not a JMH benchmark: the best thread CPU time, over a number of rounds in one JVM, of the steps
 * {@link RbacAccessBenchmark} measures, for a machine too busy for wall-clock scores. Arguments:
 * the number of roles (and of bindings), then the number of rounds.
 */
public final class RbacAccessTiming {

  private RbacAccessTiming() {}

  public static void main(String[] args) {
    int roles = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    List<Resource> resources = Loader.defaults().loadString("rbac.yaml", RbacAccessBenchmark.generate(roles)).resources();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long inventory = Long.MAX_VALUE;
    long model = Long.MAX_VALUE;
    long inNamespace = Long.MAX_VALUE;
    long clusterWide = Long.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      Inventory inv = Inventory.of(resources);
      long t1 = threads.getCurrentThreadCpuTime();
      AccessModel m = AccessModel.of(inv);
      long t2 = threads.getCurrentThreadCpuTime();
      m.whoCan(WhoCan.Query.of("get", "secrets").inNamespace("ns-17"));
      long t3 = threads.getCurrentThreadCpuTime();
      m.whoCan(WhoCan.Query.of("create", "pods/exec"));
      long t4 = threads.getCurrentThreadCpuTime();
      inventory = Math.min(inventory, t1 - t0);
      model = Math.min(model, t2 - t1);
      inNamespace = Math.min(inNamespace, t3 - t2);
      clusterWide = Math.min(clusterWide, t4 - t3);
    }
    System.out.printf("%d objects: inventory %.1f ms, model %.1f ms, who-can in a namespace %.2f ms,"
        + " who-can cluster-wide %.2f ms (best thread CPU time of %d rounds)%n", resources.size(), inventory / 1e6,
        model / 1e6, inNamespace / 1e6, clusterWide / 1e6, rounds);
  }
}
