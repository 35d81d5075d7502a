/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark once, briefly and in-process, on its smallest inputs, so that a benchmark
 * that no longer sets up or runs fails the build. The figures are not looked at: real runs use the
 * benchmark jar (see the module README).
 */
class BenchmarkSmokeTest {

  @Test
  void loadBenchmarkRunsEveryContender() throws RunnerException {
    assertRan(run(LoadBenchmark.class, "", Map.of()),
        "kubeward", "snakeyamlEvents", "snakeyamlTokens", "snakeyamlEventsPerDocument", "snakeyamlCompose", "snakeyamlLoad", "fabric8");
  }

  @Test
  void evaluateBenchmarkRunsEveryProfileAndInput() throws RunnerException {
    Collection<RunResult> results = run(EvaluateBenchmark.class, "evaluate", Map.of());
    assertThat(results).hasSize(12);
    assertRan(results, "evaluate");
  }

  @Test
  void evaluateBenchmarkRunsWithAPrebuiltInventory() throws RunnerException {
    Collection<RunResult> results = run(EvaluateBenchmark.class, "(evaluatePrebuiltInventory|inventory)",
        Map.of("profile", "recommended", "input", "compliant", "checks", "all"));
    assertRan(results, "evaluatePrebuiltInventory", "inventory");
  }

  @Test
  void scaleBenchmarkRunsOnTheSmallestCluster() throws RunnerException {
    assertRan(run(ScaleBenchmark.class, "(scan1k|loadAndScan1k)", Map.of()), "scan1k", "loadAndScan1k");
  }

  @Test
  void networkModelBenchmarkRunsOnTheSmallestCluster() throws RunnerException {
    assertRan(run(NetworkModelBenchmark.class, "", Map.of("size", "250")), "build", "reachAll");
  }

  @Test
  void rbacAccessBenchmarkRunsOnASmallCluster() throws RunnerException {
    assertRan(run(RbacAccessBenchmark.class, "", Map.of("roles", "1000")),
        "inventory", "build", "whoCanInNamespace", "whoCanClusterWide");
  }

  @Test
  void endToEndBenchmarkRunsOnOneAndTwoThreads() throws RunnerException {
    Collection<RunResult> results = run(EndToEndBenchmark.class, "", Map.of("resources", "1000"));
    assertThat(results).extracting(r -> r.getParams().getParam("threads")).containsExactlyInAnyOrder("1", "1", "2", "2");
    assertRan(results, "scan", "scanParallelGc");
  }

  @Test
  void footprintMeasuresEveryReader() {
    List<Footprint.Measurement> measurements = Footprint.measureAll(200);
    assertThat(measurements).extracting(Footprint.Measurement::what).containsExactly(
        "Kubeward, generated cluster of 200", "Kubeward, corpus", "snakeyaml-engine Load, corpus",
        "fabric8 KubernetesSerialization, corpus", "Kubeward scan, corpus, loaded at once",
        "Kubeward scan, corpus, report only", "Kubeward scan, corpus, by directory, streamed");
    assertThat(measurements).extracting(Footprint.Measurement::resources).containsExactly(200, Corpus.RESOURCES,
        Corpus.RESOURCES, Corpus.RESOURCES, Corpus.RESOURCES, Corpus.RESOURCES, Corpus.RESOURCES);
    // A streamed scan keeps compressed findings, not the trees: a fraction of the other (7 KB against 0.4 KB per resource).
    assertThat(measurements.get(6).retained()).isLessThan(measurements.get(4).retained() / 4);
  }

  @Test
  void ratioRunMeasuresEveryRatioAndItsTableIsPrinted() {
    HeadToHead.Settings brief = new HeadToHead.Settings(1_000_000, 1, 1, 1, 0.5, 2);

    String json = RatioRun.run(brief, new int[] {100, 200, 400}, List.of("corpus", "scale"), new String[0]);
    String table = RatioTable.render(json);

    assertThat(table).contains("Catalogue: recommended, " + RatioRun.catalogue().get("rules") + " rules",
        "(`snakeyamlEvents` / `loader`)", "(`fabric8` / `loader`)", "(`evaluate` / `loader`)",
        "(`scan400` / `scan100`)", "(`scan400` / `scan200`)", "(`loadAndScan400` / `loadAndScan100`)");
    assertThat(table.lines().filter(line -> line.startsWith("| `"))).hasSize(9)
        .allSatisfy(line -> assertThat(line).contains("| 1 round, "));
    assertThat(RatioTable.catalogueNote(json, RatioRun.catalogue())).isEmpty();
  }

  @Test
  void loadProfileBreaksDownARecordingAndComparesLoaders(@TempDir Path dir) throws IOException {
    Path recording = dir.resolve("loader.jfr");
    String tables = LoadProfile.profile("loader", Map.of("warmup", "0.2", "seconds", "0.5", "period-ms", "1",
        "out", recording.toString()));
    assertThat(recording).exists();
    assertThat(tables).contains("| scanner: ScannerImpl |", "| TokenComposer (grammar) |", "Top owners");
    assertThat(JfrBreakdown.render(JfrBreakdown.read(recording, Thread.currentThread().getName())))
        .isEqualTo(tables.substring(tables.indexOf('\n') + 1));
    String table = LoadProfile.compare(Map.of("forks", "0", "rounds", "2", "warmup-rounds", "1", "iteration-ms", "1",
        "contenders", "loader,events,tokens", "jars", "isolated=" + System.getProperty("java.class.path")));
    assertThat(table).contains("| loader |", "| events | ", "| tokens |", "| isolated |");
  }

  @Test
  void warmScanTimesTheScansAfterItsWarmUp(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
        + "spec: {containers: [{name: c, image: nginx}]}\n");
    Kubeward scanner = BenchmarkRules.scanner("auto", Profile.RECOMMENDED).build();

    double[] seconds = WarmScan.measure(scanner, List.of(dir.toString()), 1, 3);

    assertThat(seconds).hasSize(3).isSorted();
    assertThat(seconds[0]).isPositive();
  }

  private static Collection<RunResult> run(Class<?> benchmark, String method, Map<String, String> params)
      throws RunnerException {
    String include = "^" + Pattern.quote(benchmark.getName()) + "\\." + (method.isEmpty() ? "\\w+" : method) + "$";
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .threads(1)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT);
    params.forEach(options::param);
    return new Runner(options.build()).run();
  }

  private static void assertRan(Collection<RunResult> results, String... methods) {
    assertThat(results)
        .extracting(r -> r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1))
        .containsOnly(methods)
        .contains(methods);
    for (RunResult r : results) {
      double score = r.getPrimaryResult().getScore();
      assertThat(score).as(r.getParams().getBenchmark() + " " + r.getParams()).isFinite().isPositive();
    }
  }
}
