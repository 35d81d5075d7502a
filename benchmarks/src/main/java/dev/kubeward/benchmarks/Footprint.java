/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import dev.kubeward.engine.JoinScope;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.api.Load;

/**
 * How much heap loaded manifests keep: the bytes reachable from what each reader returns, per
 * resource and per byte of YAML, measured as the growth of the used heap across full collections.
 * Not a JMH benchmark (JMH measures time and allocation, not what stays); run it with a collector
 * whose full collections are exact:
 *
 * <pre>java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar dev.kubeward.benchmarks.Footprint</pre>
 *
 * <p>It measures the generated clusters of 1,000, 10,000 and 100,000 resources read by Kubeward,
 * and the benchmark corpus read by Kubeward, by snakeyaml-engine's {@code Load} (plain maps and
 * lists) and by fabric8 (typed objects); then what a scan of the corpus keeps when it ends, loaded at
 * once or streamed by directory ({@link #measureScans}).
 */
public final class Footprint {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private Footprint() {}

  /** One measurement: what was read, how many resources and bytes of YAML, and the heap kept. */
  record Measurement(String what, int resources, long yamlBytes, long retained) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-44s %,9d resources %,12d B of YAML %,13d B kept %,7d B/resource %5.1f B/YAML byte",
          what, resources, yamlBytes, retained, retained / Math.max(1, resources), retained / (double) yamlBytes);
    }
  }

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {1_000, 10_000, 100_000} : parse(args);
    for (Measurement m : measureAll(sizes)) {
      System.out.println(m);
    }
  }

  private static int[] parse(String[] args) {
    int[] sizes = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      sizes[i] = Integer.parseInt(args[i]);
    }
    return sizes;
  }

  static List<Measurement> measureAll(int... clusterSizes) {
    List<Measurement> out = new ArrayList<>();
    Loader loader = Loader.defaults();
    for (int size : clusterSizes) {
      List<ClusterGenerator.File> files = ClusterGenerator.generate(size, ClusterGenerator.SEED);
      long bytes = 0;
      for (ClusterGenerator.File f : files) {
        bytes += f.text().length();
      }
      out.add(measure("Kubeward, generated cluster of " + size, size, bytes, () -> {
        List<LoadResult> kept = new ArrayList<>();
        for (ClusterGenerator.File f : files) {
          kept.add(loader.loadString(f.path(), f.text()));
        }
        return kept;
      }));
    }
    List<Corpus.File> corpus = Corpus.load().files();
    out.add(measure("Kubeward, corpus", Corpus.RESOURCES, Corpus.BYTES, () -> {
      List<LoadResult> kept = new ArrayList<>();
      for (Corpus.File f : corpus) {
        kept.add(loader.loadBytes(f.name(), f.bytes()));
      }
      return kept;
    }));
    out.add(measure("snakeyaml-engine Load, corpus", Corpus.RESOURCES, Corpus.BYTES, () -> {
      List<Object> kept = new ArrayList<>();
      for (Corpus.File f : corpus) {
        for (Object o : new Load(LoadBenchmark.settings()).loadAllFromString(new String(f.bytes(), StandardCharsets.UTF_8))) {
          kept.add(o);
        }
      }
      return kept;
    }));
    KubernetesSerialization serialization = new KubernetesSerialization();
    out.add(measure("fabric8 KubernetesSerialization, corpus", Corpus.RESOURCES, Corpus.BYTES, () -> {
      List<Object> kept = new ArrayList<>();
      for (Corpus.File f : corpus) {
        kept.add(serialization.unmarshal(new ByteArrayInputStream(f.bytes())));
      }
      return kept;
    }));
    out.addAll(measureScans(corpus));
    return out;
  }

  /**
   * The heap a scan of the corpus keeps per resource when it ends: the loaded trees and the report
   * of a scan of everything loaded at once (findings as objects), against the report of a scan
   * joined by directory that lets each directory's trees go once evaluated and keeps its findings
   * compressed. The corpus is written to a temporary folder, one file per corpus file.
   */
  static List<Measurement> measureScans(List<Corpus.File> corpus) {
    Path root;
    try {
      root = Files.createTempDirectory("footprint");
      for (Corpus.File f : corpus) {
        Path file = root.resolve(f.name());
        Files.createDirectories(file.getParent());
        Files.write(file, f.bytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the corpus to a temporary folder", e);
    }
    Kubeward scanner = Kubeward.builder().joinScope(JoinScope.DIRECTORY).build();
    List<String> paths = List.of(root.toString());
    List<Measurement> out = new ArrayList<>();
    out.add(measure("Kubeward scan, corpus, loaded at once", Corpus.RESOURCES, Corpus.BYTES, () -> {
      LoadResult loaded = scanner.loader().load(paths, InputStream.nullInputStream());
      return List.of(loaded, scanner.scan(loaded));
    }));
    out.add(measure("Kubeward scan, corpus, report only", Corpus.RESOURCES, Corpus.BYTES,
        () -> scanner.scan(scanner.loader().load(paths, InputStream.nullInputStream()))));
    out.add(measure("Kubeward scan, corpus, by directory, streamed", Corpus.RESOURCES, Corpus.BYTES,
        () -> scanner.scan(scanner.loader(), paths, InputStream.nullInputStream())));
    return out;
  }

  /** Reads once to load every class, then measures the heap that a second read keeps. */
  private static Measurement measure(String what, int resources, long yamlBytes, Supplier<Object> read) {
    Object warm = read.get();
    long before = usedAfterGc();
    Object kept = read.get();
    long after = usedAfterGc();
    Reference.reachabilityFence(warm);
    Reference.reachabilityFence(kept);
    return new Measurement(what, resources, yamlBytes, after - before);
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
