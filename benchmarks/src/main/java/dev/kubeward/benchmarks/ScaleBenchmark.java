/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question 3: does the time per resource stay flat as a cluster grows? Each method scans a
 * pre-loaded {@link ClusterGenerator} cluster (with RBAC objects and NetworkPolicies, so that
 * cross-resource rules have work) with the {@code recommended} profile; one operation is one
 * resource, so the scores are nanoseconds per resource and the headline figure is
 * {@code scan100k / scan1k}. As in {@link EvaluateBenchmark}, {@code -p checks=per-resource}
 * leaves out the cross-resource rules to tell their share from that of the per-resource rules.
 * The {@code loadAndScan} methods read the cluster's files from memory and then scan them: the
 * whole of a scan but for the disk, which is what a user waits for.
 *
 * <p>The fork uses the parallel collector, as the CLI does: under G1 the time per resource of
 * one 1k cluster swung between 1,500 and 6,000 ns from one iteration to the next within a fork,
 * which hid the figure this benchmark is for (to see it: {@code -jvmArgsAppend "-Xms6g -Xmx6g -XX:+UseG1GC"},
 * which replaces the arguments above).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
public class ScaleBenchmark {

  /** A generated, loaded cluster and the scanner for it. */
  abstract static class Cluster {
    Kubeward scanner;
    LoadResult loaded;
    List<ClusterGenerator.File> files;
    List<byte[]> bytes;

    void prepare(int size, String rules, String checks) {
      scanner = BenchmarkRules.build(rules, Profile.RECOMMENDED, checks);
      files = ClusterGenerator.generate(size, ClusterGenerator.SEED);
      bytes = new ArrayList<>(files.size());
      for (ClusterGenerator.File f : files) {
        bytes.add(f.text().getBytes(StandardCharsets.UTF_8));
      }
      loaded = load();
      if (loaded.resources().size() != size || !loaded.errors().isEmpty()) {
        throw new IllegalStateException("generated cluster has " + loaded.resources().size() + " resources and "
            + loaded.errors().size() + " errors; expected " + size + " and none");
      }
      ScanReport report = scanner.scan(loaded);
      System.err.println("[kubeward-benchmarks] cluster of " + size + " resources: "
          + report.findings().size() + " findings");
    }

    /** Reads the cluster's files from memory and scans them: a whole scan but for the disk. */
    ScanReport loadAndScan() {
      return scanner.scan(load());
    }

    /** Reads the cluster's files from memory with the scanner's loader. */
    LoadResult load() {
      Loader loader = scanner.loader();
      List<Resource> resources = new ArrayList<>();
      List<LoadError> errors = new ArrayList<>();
      int documents = 0;
      for (int i = 0; i < files.size(); i++) {
        LoadResult one = loader.loadBytes(files.get(i).path(), bytes.get(i));
        resources.addAll(one.resources());
        errors.addAll(one.errors());
        documents += one.documents();
      }
      return new LoadResult(resources, errors, files.size(), documents);
    }
  }

  /** 1,000 resources. */
  @State(Scope.Benchmark)
  public static class Cluster1k extends Cluster {
    @Param({"auto"})
    public String rules;

    @Param({"all"})
    public String checks;

    @Setup
    public void setup() {
      prepare(1_000, rules, checks);
    }
  }

  /** 10,000 resources. */
  @State(Scope.Benchmark)
  public static class Cluster10k extends Cluster {
    @Param({"auto"})
    public String rules;

    @Param({"all"})
    public String checks;

    @Setup
    public void setup() {
      prepare(10_000, rules, checks);
    }
  }

  /** 100,000 resources. */
  @State(Scope.Benchmark)
  public static class Cluster100k extends Cluster {
    @Param({"auto"})
    public String rules;

    @Param({"all"})
    public String checks;

    @Setup
    public void setup() {
      prepare(100_000, rules, checks);
    }
  }

  @Benchmark
  @OperationsPerInvocation(1_000)
  public ScanReport scan1k(Cluster1k cluster) {
    return cluster.scanner.scan(cluster.loaded);
  }

  @Benchmark
  @OperationsPerInvocation(10_000)
  public ScanReport scan10k(Cluster10k cluster) {
    return cluster.scanner.scan(cluster.loaded);
  }

  @Benchmark
  @OperationsPerInvocation(100_000)
  public ScanReport scan100k(Cluster100k cluster) {
    return cluster.scanner.scan(cluster.loaded);
  }

  @Benchmark
  @OperationsPerInvocation(1_000)
  public ScanReport loadAndScan1k(Cluster1k cluster) {
    return cluster.loadAndScan();
  }

  @Benchmark
  @OperationsPerInvocation(10_000)
  public ScanReport loadAndScan10k(Cluster10k cluster) {
    return cluster.loadAndScan();
  }

  @Benchmark
  @OperationsPerInvocation(100_000)
  public ScanReport loadAndScan100k(Cluster100k cluster) {
    return cluster.loadAndScan();
  }
}
