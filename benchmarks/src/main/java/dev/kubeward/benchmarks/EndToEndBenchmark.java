/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question 4: how long does a whole scan of a large directory tree take, as the CLI runs it
 * ({@link Kubeward#scan(List)}: walk, read, load, evaluate, sort), on one thread and on two? The
 * tree is a {@link ClusterGenerator} cluster written to a temporary directory, one file per
 * application under one directory per namespace. The score is milliseconds per scan. The JVM
 * runs with its default heap, and with its default collector ({@link #scan}, as the CLI does) or
 * the parallel one ({@link #scanParallelGc}). With {@code threads = 2} the scanner reads the files
 * of the tree and evaluates the resources on two threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EndToEndBenchmark {

  @Param({"20000"})
  public int resources;

  @Param({"1", "2"})
  public int threads;

  @Param({"auto"})
  public String rules;

  private Path tree;
  private Kubeward scanner;
  private List<String> paths;

  @Setup
  public void setup() throws IOException {
    tree = Files.createTempDirectory("kubeward-bench-tree");
    List<ClusterGenerator.File> files = ClusterGenerator.generate(resources, ClusterGenerator.SEED);
    ClusterGenerator.writeTo(tree, files);
    scanner = BenchmarkRules.scanner(rules, Profile.RECOMMENDED).threads(threads).build();
    paths = List.of(tree.toString());
    ScanReport report = scanner.scan(paths);
    if (report.resources() != resources || !report.errors().isEmpty()) {
      throw new IllegalStateException("scan of the generated tree saw " + report.resources() + " resources and "
          + report.errors().size() + " errors; expected " + resources + " and none");
    }
    long bytes = 0;
    for (ClusterGenerator.File f : files) {
      bytes += f.text().length();
    }
    System.err.println("[kubeward-benchmarks] tree of " + files.size() + " files, " + bytes + " bytes, "
        + resources + " resources, " + report.findings().size() + " findings");
  }

  @TearDown
  public void tearDown() {
    try (Stream<Path> walk = Files.walk(tree)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scan on the JVM's default collector (G1), as the CLI runs today. */
  @Benchmark
  public ScanReport scan() {
    return scanner.scan(paths);
  }

  /**
   * The same scan on the parallel (throughput) collector. A scan keeps every resource it loads
   * until it ends while the parser turns over many times more short-lived garbage; G1's young
   * collections then copy the growing tree again and again, which this collector's sizing avoids.
   */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
  public ScanReport scanParallelGc() {
    return scanner.scan(paths);
  }
}
