/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * Question 2: what does running the rules cost once the resources are loaded? Each operation is
 * one resource: an invocation scans a batch of exactly {@link Corpus#RESOURCES} pre-loaded
 * resources with {@link Kubeward#scan(LoadResult)}, so the score is nanoseconds per resource and,
 * with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per resource.
 *
 * <p>Inputs ({@code input}):
 * <ul>
 *   <li>{@code corpus}: every resource of the {@link Corpus}: the same resources
 *       {@link LoadBenchmark} reads, so the two can be compared directly;
 *   <li>{@code compliant}: the default-deny NetworkPolicy and the PodDisruptionBudget of
 *       {@code evaluate/compliant.yaml} and copies of its hardened Deployment (the happy path, which should allocate nothing);
 *   <li>{@code noncompliant}: the same with the flawed Deployment of
 *       {@code evaluate/noncompliant.yaml} (the cost of building findings).
 * </ul>
 * The rules are those of {@link BenchmarkRules} ({@code rules} parameter) in the {@code profile};
 * {@code checks} is {@code all} for all of them, or {@code per-resource} to leave out the
 * cross-resource rules (and with them the inventory a scan builds for them), which isolates the
 * part of evaluation that runs once per resource.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OperationsPerInvocation(Corpus.RESOURCES)
@State(Scope.Benchmark)
public class EvaluateBenchmark {

  @Param({"recommended", "all"})
  public String profile;

  @Param({"corpus", "compliant", "noncompliant"})
  public String input;

  @Param({"all", "per-resource"})
  public String checks;

  @Param({"auto"})
  public String rules;

  private Kubeward scanner;
  private LoadResult loaded;
  private Inventory inventory;

  @Setup
  public void setup() {
    scanner = BenchmarkRules.build(rules, Profile.of(profile), checks);
    loaded = batch(input);
    inventory = Inventory.of(loaded.resources());
    if (loaded.resources().size() != Corpus.RESOURCES || !loaded.errors().isEmpty()) {
      throw new IllegalStateException("input " + input + " has " + loaded.resources().size() + " resources and "
          + loaded.errors().size() + " errors; expected " + Corpus.RESOURCES + " and none");
    }
    ScanReport report = scanner.scan(loaded);
    Map<String, Integer> byRule = new TreeMap<>();
    for (Finding f : report.findings()) {
      byRule.merge(f.rule(), 1, Integer::sum);
    }
    System.err.println("[kubeward-benchmarks] input " + input + ": " + report.findings().size()
        + " findings over " + loaded.resources().size() + " resources " + byRule);
  }

  /** The resources of {@code input}, loaded. */
  static LoadResult batch(String input) {
    Loader loader = Loader.defaults();
    switch (input) {
      case "corpus": {
        List<Resource> resources = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>();
        int files = 0;
        int documents = 0;
        for (Corpus.File f : Corpus.load().files()) {
          LoadResult one = loader.loadBytes(f.name(), f.bytes());
          resources.addAll(one.resources());
          errors.addAll(one.errors());
          files += one.files();
          documents += one.documents();
        }
        return new LoadResult(resources, errors, files, documents);
      }
      case "compliant":
      case "noncompliant":
        return loader.loadString("evaluate/" + input + ".yaml", repeated(resource("evaluate/" + input + ".yaml")));
      default:
        throw new IllegalArgumentException("unknown input '" + input + "' (expected corpus, compliant or noncompliant)");
    }
  }

  /**
   * The documents of {@code text} before its Deployment (the NetworkPolicy and the
   * PodDisruptionBudget) once, then the Deployment until there are enough resources.
   */
  private static String repeated(String text) {
    int split = text.lastIndexOf("\n---\n");
    String preamble = text.substring(0, split + 1);
    String deployment = text.substring(split + 5);
    int documents = 1;
    for (int at = preamble.indexOf("\n---\n"); at >= 0; at = preamble.indexOf("\n---\n", at + 1)) {
      documents++;
    }
    StringBuilder sb = new StringBuilder(preamble);
    for (int i = 1; i <= Corpus.RESOURCES - documents; i++) {
      sb.append("---\n").append(deployment.replace("__INDEX__", String.format(Locale.ROOT, "%04d", i)));
    }
    return sb.toString();
  }

  private static String resource(String name) {
    try (InputStream in = EvaluateBenchmark.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("benchmark input '" + name + "' is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public ScanReport evaluate() {
    return scanner.scan(loaded);
  }

  /**
   * The same scan with the inventory built once beforehand ({@link Kubeward#scan(LoadResult,
   * Inventory)}), as when the same resources are scanned more than once: what evaluation costs
   * without indexing the resources (the indexes an inventory makes on first use, by name and of
   * duplicates, are made in the first iteration only). With {@code checks=per-resource} no inventory is used and
   * this is {@link #evaluate}.
   */
  @Benchmark
  public ScanReport evaluatePrebuiltInventory() {
    return scanner.scan(loaded, inventory);
  }

  /**
   * What building the inventory costs, per resource, up to the indexes it makes on first use (by
   * name, of duplicates): those are paid inside {@link #evaluate} by the rules that ask for them.
   * The difference between the two above is the whole of it.
   */
  @Benchmark
  public Inventory inventory() {
    return Inventory.of(loaded.resources());
  }
}
