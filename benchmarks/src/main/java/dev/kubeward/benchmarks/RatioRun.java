/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The headline ratios of {@code benchmarks/README.md}, each from two contenders measured in this
 * JVM, interleaved round by round ({@link HeadToHead}), written as JSON with the machine, the JVM
 * and the rule catalogue, then printed as a table by {@link RatioTable}:
 *
 * <pre>java -Xms6g -Xmx6g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar \
 *     dev.kubeward.benchmarks.RatioRun --out benchmarks/target/ratios.json</pre>
 *
 * <p>Two groups of contenders, each its own interleaved run:
 * <ul>
 *   <li>{@code corpus}, over the {@link Corpus}: Kubeward's loader, snakeyaml-engine's events
 *       (the floor), fabric8, and evaluating the {@code recommended} profile on the loaded corpus
 *       with the inventory built in the scan, as the CLI does. Ratios: the loader's speed as a
 *       share of the floor's and as a multiple of fabric8's; evaluation time as a share of load
 *       time.
 *   <li>{@code scale}, over {@link ClusterGenerator} clusters (by default 1,000, 10,000 and
 *       100,000 resources): scanning each loaded cluster, and loading plus scanning the smallest
 *       and the largest from files in memory. Ratios: time per resource of the largest over the
 *       smallest and over the middle size, scan only and load and scan.
 * </ul>
 * Options: {@code --out FILE} (default {@code ratios.json}), {@code --groups corpus,scale},
 * {@code --sizes 1000,10000,100000}, {@code --iteration-ms}, {@code --min-warmup},
 * {@code --max-warmup}, {@code --rounds}. The default settings take about five minutes on two
 * cores.
 */
public final class RatioRun {

  private final HeadToHead.Settings settings;
  private final int[] sizes;
  private final List<Map<String, Object>> groupResults = new ArrayList<>();
  private final List<Map<String, Object>> ratios = new ArrayList<>();

  private RatioRun(HeadToHead.Settings settings, int[] sizes) {
    this.settings = settings;
    this.sizes = sizes.clone();
  }

  /** Runs the groups and writes the JSON, then prints the table of ratios. */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = options(args);
    HeadToHead.Settings defaults = HeadToHead.Settings.defaults();
    HeadToHead.Settings settings = new HeadToHead.Settings(
        Long.parseLong(options.getOrDefault("iteration-ms", "" + defaults.iterationNanos() / 1_000_000)) * 1_000_000,
        Integer.parseInt(options.getOrDefault("min-warmup", "" + defaults.minWarmupRounds())),
        Integer.parseInt(options.getOrDefault("max-warmup", "" + defaults.maxWarmupRounds())),
        defaults.flatIterations(), defaults.flatTolerance(),
        Integer.parseInt(options.getOrDefault("rounds", "" + defaults.measuredRounds())));
    int[] sizes = Arrays.stream(options.getOrDefault("sizes", "1000,10000,100000").split(","))
        .mapToInt(Integer::parseInt).sorted().toArray();
    List<String> groups = List.of(options.getOrDefault("groups", "corpus,scale").split(","));
    Path out = Path.of(options.getOrDefault("out", "ratios.json"));
    String json = run(settings, sizes, groups, args);
    Files.writeString(out, json, StandardCharsets.UTF_8);
    System.err.println("[kubeward-benchmarks] wrote " + out);
    System.out.print(RatioTable.render(json));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  /**
   * Runs {@code groups} ({@code corpus}, {@code scale}) with {@code settings}, the scale group
   * over clusters of {@code sizes} (at least two, ascending), and returns the JSON document.
   */
  public static String run(HeadToHead.Settings settings, int[] sizes, List<String> groups, String[] args) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("the scale group needs at least two cluster sizes");
    }
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Instant start = Instant.now();
    RatioRun run = new RatioRun(settings, sizes);
    for (String group : groups) {
      switch (group) {
        case "corpus" -> run.corpus();
        case "scale" -> run.scale();
        default -> throw new IllegalArgumentException("unknown group '" + group + "' (expected corpus or scale)");
      }
    }
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return run.json(start, loadBefore, loadAfter, args);
  }

  private void corpus() {
    List<Corpus.File> files = Corpus.load().files();
    Loader loader = Loader.defaults();
    LoadSettings yaml = LoadBenchmark.settings();
    KubernetesSerialization serialization = new KubernetesSerialization();
    Kubeward scanner = BenchmarkRules.build("auto", Profile.RECOMMENDED);
    LoadResult loaded = EvaluateBenchmark.batch("corpus");
    Map<String, Long> corpusUnits = units(Corpus.BYTES, Corpus.RESOURCES);
    List<HeadToHead.Contender> contenders = List.of(
        new HeadToHead.Contender("loader", "Kubeward Loader.loadBytes, file by file", "byte", Corpus.BYTES, () -> {
          long n = 0;
          for (Corpus.File f : files) {
            n += loader.loadBytes(f.name(), f.bytes()).resources().size();
          }
          return n;
        }),
        new HeadToHead.Contender("snakeyamlEvents", "snakeyaml-engine events, one parser per file (the floor)",
            "byte", Corpus.BYTES, () -> {
              long n = 0;
              for (Corpus.File f : files) {
                Parser parser = new ParserImpl(yaml, new StreamReader(yaml, new String(f.bytes(), StandardCharsets.UTF_8)));
                while (parser.hasNext()) {
                  parser.next();
                  n++;
                }
              }
              return n;
            }),
        new HeadToHead.Contender("fabric8", "fabric8 8 KubernetesSerialization.unmarshal", "byte", Corpus.BYTES, () -> {
          long n = 0;
          for (Corpus.File f : files) {
            n += System.identityHashCode(serialization.unmarshal(new ByteArrayInputStream(f.bytes()))) & 1;
          }
          return n;
        }),
        new HeadToHead.Contender("evaluate", "recommended profile on the loaded corpus, inventory built in the scan",
            "resource", Corpus.RESOURCES, () -> scanner.scan(loaded).findings().size()));
    Map<String, Map<String, Long>> units = Map.of("loader", corpusUnits, "snakeyamlEvents", corpusUnits,
        "fabric8", corpusUnits, "evaluate", units(Corpus.BYTES, Corpus.RESOURCES));
    group("corpus", "the benchmark corpus: " + Corpus.BYTES + " bytes, " + files.size() + " files, "
        + Corpus.RESOURCES + " resources", contenders, units, Map.of("evaluate", true));
    ratio("loader-vs-events", "Loader speed / snakeyaml-engine event speed (the floor)", "snakeyamlEvents", "loader",
        "byte", "times", ">=", 1.10);
    ratio("loader-vs-fabric8", "Loader speed / fabric8 speed", "fabric8", "loader", "byte", "times", ">=", 3.0);
    ratio("evaluate-vs-load", "Evaluating recommended / loading, per resource", "evaluate", "loader", "resource",
        "percent", "<", 0.10);
  }

  private void scale() {
    int small = sizes[0];
    int middle = sizes[sizes.length / 2];
    int large = sizes[sizes.length - 1];
    List<HeadToHead.Contender> contenders = new ArrayList<>();
    Map<String, Map<String, Long>> units = new HashMap<>();
    Map<String, Boolean> runsRules = new HashMap<>();
    Map<Integer, ScaleBenchmark.Cluster> clusters = new TreeMap<>();
    for (int size : Arrays.stream(sizes).distinct().toArray()) {
      ScaleBenchmark.Cluster cluster = new ScaleBenchmark.Cluster() { };
      cluster.prepare(size, "auto", "all");
      clusters.put(size, cluster);
      long bytes = 0;
      for (byte[] b : cluster.bytes) {
        bytes += b.length;
      }
      String name = "scan" + label(size);
      contenders.add(new HeadToHead.Contender(name, "scan of the loaded cluster of " + size + " resources",
          "resource", size, () -> cluster.scanner.scan(cluster.loaded).findings().size()));
      units.put(name, units(bytes, size));
      runsRules.put(name, true);
    }
    for (int size : new int[] {small, large}) {
      ScaleBenchmark.Cluster cluster = clusters.get(size);
      String name = "loadAndScan" + label(size);
      contenders.add(new HeadToHead.Contender(name, "load from files in memory and scan, cluster of " + size
          + " resources", "resource", size, () -> cluster.loadAndScan().findings().size()));
      units.put(name, units.get("scan" + label(size)));
      runsRules.put(name, true);
    }
    group("scale", "generated clusters of " + Arrays.toString(sizes) + " resources, recommended profile", contenders,
        units, runsRules);
    ratio("scan-" + label(large) + "-vs-" + label(small), "Scan time per resource, " + label(large) + " / "
        + label(small), "scan" + label(large), "scan" + label(small), "resource", "times", "<", 1.5);
    ratio("scan-" + label(large) + "-vs-" + label(middle), "Scan time per resource, " + label(large) + " / "
        + label(middle), "scan" + label(large), "scan" + label(middle), "resource", "times", null, 0);
    ratio("load-and-scan-" + label(large) + "-vs-" + label(small), "Load-and-scan time per resource, " + label(large)
        + " / " + label(small), "loadAndScan" + label(large), "loadAndScan" + label(small), "resource", "times", null,
        0);
  }

  /** {@code 1000} as {@code 1k}, {@code 100000} as {@code 100k}, other sizes as they are. */
  static String label(int size) {
    return size >= 1000 && size % 1000 == 0 ? size / 1000 + "k" : Integer.toString(size);
  }

  private static Map<String, Long> units(long bytes, long resources) {
    Map<String, Long> units = new LinkedHashMap<>();
    units.put("byte", bytes);
    units.put("resource", resources);
    return units;
  }

  private void group(String name, String description, List<HeadToHead.Contender> contenders,
      Map<String, Map<String, Long>> units, Map<String, Boolean> runsRules) {
    System.err.println("[kubeward-benchmarks] group " + name + ": " + description);
    List<HeadToHead.Result> results = HeadToHead.run(contenders, settings,
        line -> System.err.println("[kubeward-benchmarks] " + name + " " + line));
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("name", name);
    group.put("description", description);
    List<Map<String, Object>> list = new ArrayList<>();
    for (HeadToHead.Result r : results) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("name", r.contender().name());
      c.put("description", r.contender().description());
      c.put("unit", r.contender().unit());
      c.put("units", units.get(r.contender().name()));
      c.put("runsRules", runsRules.getOrDefault(r.contender().name(), false));
      c.put("flat", r.flat());
      c.put("warmup", iterations(r.warmup()));
      c.put("measured", iterations(r.measured()));
      list.add(c);
    }
    group.put("contenders", list);
    groupResults.add(group);
  }

  private static List<Object> iterations(List<HeadToHead.Iteration> iterations) {
    List<Object> out = new ArrayList<>();
    for (HeadToHead.Iteration it : iterations) {
      out.add(List.of(it.operations(), it.wallNanos(), it.cpuNanos()));
    }
    return out;
  }

  private void ratio(String name, String title, String numerator, String denominator, String unit, String format,
      String op, double target) {
    Map<String, Object> ratio = new LinkedHashMap<>();
    ratio.put("name", name);
    ratio.put("title", title);
    ratio.put("group", groupResults.get(groupResults.size() - 1).get("name"));
    ratio.put("numerator", numerator);
    ratio.put("denominator", denominator);
    ratio.put("unit", unit);
    ratio.put("format", format);
    if (op != null) {
      ratio.put("target", Map.of("op", op, "value", target));
    }
    ratios.add(ratio);
  }

  private String json(Instant start, double loadBefore, double loadAfter, String[] args) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", 1);
    doc.put("tool", "dev.kubeward.benchmarks.RatioRun");
    doc.put("date", start.truncatedTo(ChronoUnit.SECONDS).toString());
    doc.put("arguments", List.of(args));
    doc.put("machine", machine(loadBefore, loadAfter));
    doc.put("jvm", jvm());
    doc.put("catalogue", catalogue());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("iterationMillis", settings.iterationNanos() / 1_000_000);
    s.put("minWarmupRounds", settings.minWarmupRounds());
    s.put("maxWarmupRounds", settings.maxWarmupRounds());
    s.put("flatIterations", settings.flatIterations());
    s.put("flatTolerance", settings.flatTolerance());
    s.put("measuredRounds", settings.measuredRounds());
    s.put("iterationFields", List.of("operations", "wallNanos", "cpuNanos"));
    doc.put("settings", s);
    doc.put("groups", groupResults);
    doc.put("ratios", ratios);
    return write(doc);
  }

  private static Map<String, Object> machine(double loadBefore, double loadAfter) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpu", cpuModel());
    m.put("processors", Runtime.getRuntime().availableProcessors());
    m.put("memoryBytes", os.getTotalMemorySize());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("loadAverageBefore", round(loadBefore));
    m.put("loadAverageAfter", round(loadAfter));
    return m;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** The CPU model from {@code /proc/cpuinfo}, or the architecture where there is none. */
  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: fall through.
    }
    return System.getProperty("os.arch");
  }

  private static Map<String, Object> jvm() {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("vm", System.getProperty("java.vm.name"));
    j.put("vendor", System.getProperty("java.vm.vendor"));
    j.put("version", System.getProperty("java.runtime.version"));
    j.put("arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
    List<String> collectors = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      collectors.add(gc.getName());
    }
    j.put("collectors", collectors);
    j.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    return j;
  }

  /** The rules of the {@code recommended} profile the run measured, by the provider that brings each. */
  static Map<String, Object> catalogue() {
    Map<String, String> providerOf = new HashMap<>();
    for (RuleProvider provider : ServiceLoader.load(RuleProvider.class, RatioRun.class.getClassLoader())) {
      for (Rule rule : provider.rules()) {
        providerOf.put(rule.metadata().id(), provider.getClass().getName());
      }
    }
    Kubeward scanner = BenchmarkRules.scanner("auto", Profile.RECOMMENDED).build();
    Map<String, Integer> byProvider = new TreeMap<>();
    List<String> ids = new ArrayList<>();
    int crossResource = 0;
    for (Rule rule : scanner.rules()) {
      ids.add(rule.metadata().id());
      byProvider.merge(providerOf.getOrDefault(rule.metadata().id(), "built in"), 1, Integer::sum);
      if (rule instanceof InventoryRule) {
        crossResource++;
      }
    }
    ids.sort(null);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("profile", Profile.RECOMMENDED.id());
    c.put("rules", ids.size());
    c.put("crossResource", crossResource);
    c.put("byProvider", byProvider);
    c.put("ids", ids);
    return c;
  }

  private static String write(Object doc) {
    try {
      StringWriter out = new StringWriter();
      try (JsonGenerator g = new JsonFactory().createGenerator((Writer) out)) {
        g.useDefaultPrettyPrinter();
        writeValue(g, doc);
      }
      return out + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        writeValue(g, o);
      }
      g.writeEndArray();
    } else if (value instanceof Integer || value instanceof Long) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(String.valueOf(value));
    }
  }
}
