/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a scan of some paths costs once the JVM is warm: the floor under the command line's wall
 * time, which adds the start of a JVM, class loading and compilation. Scans the paths as
 * {@code kubeward scan} does ({@code recommended}, one thread per processor, rules discovered),
 * {@code warm-up} times and then {@code runs} times, and prints the best and the median of the
 * measured scans in seconds. {@code benchmarks/scripts/startup.sh} runs it beside its table:
 *
 * <pre>java -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar dev.kubeward.benchmarks.WarmScan 20 10 PATH...</pre>
 */
public final class WarmScan {

  private WarmScan() {}

  /** Arguments: warm-up scans, measured scans, then the paths. */
  public static void main(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: WarmScan WARM-UP RUNS PATH...");
    }
    int warmup = Integer.parseInt(args[0]);
    int runs = Integer.parseInt(args[1]);
    List<String> paths = List.of(args).subList(2, args.length);
    Kubeward scanner = BenchmarkRules.scanner("auto", Profile.RECOMMENDED)
        .threads(Runtime.getRuntime().availableProcessors()).build();
    double[] seconds = measure(scanner, paths, warmup, runs);
    System.out.printf(Locale.ROOT, "%.3f %.3f%n", seconds[0], HeadToHead.median(seconds));
  }

  /** The seconds of {@code runs} scans after {@code warmup} others, in ascending order. */
  static double[] measure(Kubeward scanner, List<String> paths, int warmup, int runs) {
    long sink = 0;
    for (int i = 0; i < warmup; i++) {
      sink += scanner.scan(paths).findings().size();
    }
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      ScanReport report = scanner.scan(paths);
      seconds[i] = (System.nanoTime() - start) / 1e9;
      sink += report.findings().size();
    }
    if (sink < 0) {
      throw new AssertionError("unreachable: " + sink);
    }
    Arrays.sort(seconds);
    return seconds;
  }
}
