/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of loading ({@link LoadProfile}) and says where the time and the
 * allocation went, by part of the loader: snakeyaml-engine's scanner ({@code StreamReader},
 * {@code ScannerImpl}, its marks and tokens), its parser (for the floor), the token composer,
 * {@code TreeBuilder} by job (scalars, keys and duplicate checks, mappings, sequences, limits,
 * aliases, positions of literal blocks), scalar resolution, key sharing, tree nodes, resources and
 * their views, the check of a document for template placeholders, and the split and decoding of
 * files. Also the methods with the most samples: by owner (below), by self time (the top frame)
 * and by total time (anywhere in the stack). Usable on any recording:
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.kubeward.benchmarks.JfrBreakdown FILE.jfr [THREAD] [--lines REGEX]</pre>
 *
 * <p>A sample belongs to the first frame from the top that is neither the JDK nor one of
 * snakeyaml-engine's helpers ({@code common}: character classes, stacks): a {@code HashMap.get}
 * from {@code TreeBuilder} is the tree builder's time, a {@code String} built by the scanner is the
 * scanner's.
 */
public final class JfrBreakdown {

  private JfrBreakdown() {}

  /** Samples and allocation of one recording. */
  record Profile(Map<String, Long> bySelfCategory, Map<String, Long> byOwnerMethod, Map<String, Long> bySelfMethod,
      Map<String, Long> byTotalMethod, long samples, Map<String, Long> allocationByCategory,
      Map<String, Long> allocationByClass, long allocationWeight, Duration gc, Duration span) {}

  /**
   * Prints the tables for {@code args[0]}, the samples of thread {@code args[1]} (default
   * {@code main}); with {@code --lines REGEX} instead, the samples whose owner's class matches
   * {@code REGEX}, by the owner's line and the top frame's line ({@code --lines 'dev\.kubeward\..*'}).
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: JfrBreakdown FILE.jfr [THREAD] [--lines CLASS-REGEX]");
    }
    int lines = Arrays.asList(args).indexOf("--lines");
    String thread = args.length > 1 && lines != 1 ? args[1] : "main";
    if (lines > 0 && lines + 1 < args.length) {
      System.out.print(lines(Path.of(args[0]), thread, args[lines + 1]));
    } else {
      System.out.print(render(read(Path.of(args[0]), thread)));
    }
  }

  /**
   * The samples of {@code thread} whose owner (see {@link #owner}) is of a class matching
   * {@code classes}, counted by the owner's method and line and the top frame's, largest first.
   */
  static String lines(Path file, String thread, String classes) throws IOException {
    Pattern match = Pattern.compile(classes);
    Map<String, Long> counts = new HashMap<>();
    long samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedThread t = e.getThread("sampledThread");
      RecordedStackTrace stack = e.getStackTrace();
      if (t == null || !thread.equals(t.getJavaName()) || stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      for (RecordedFrame f : frames) {
        RecordedMethod m = f.getMethod();
        if (m == null || transparent(m.getType().getName())) {
          continue;
        }
        if (match.matcher(m.getType().getName()).matches()) {
          RecordedFrame top = frames.get(0);
          counts.merge(name(m) + ":" + f.getLineNumber() + " (top " + name(top.getMethod()) + ":" + top.getLineNumber()
              + ")", 1L, Long::sum);
        }
        break;
      }
    }
    StringBuilder sb = new StringBuilder("| Owner line (top frame line) | Share |\n| --- | ---: |\n");
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    for (Map.Entry<String, Long> entry : sorted.subList(0, Math.min(60, sorted.size()))) {
      sb.append(String.format(Locale.ROOT, "| %s | %.2f%% |%n", entry.getKey(), 100.0 * entry.getValue() / samples));
    }
    return sb.toString();
  }

  /** Reads the execution and allocation samples of {@code thread} in {@code file}. */
  static Profile read(Path file, String thread) throws IOException {
    Map<String, Long> category = new LinkedHashMap<>();
    Map<String, Long> owners = new TreeMap<>();
    Map<String, Long> self = new TreeMap<>();
    Map<String, Long> total = new TreeMap<>();
    Map<String, Long> allocCategory = new LinkedHashMap<>();
    Map<String, Long> allocClass = new TreeMap<>();
    long samples = 0;
    long allocWeight = 0;
    Duration gc = Duration.ZERO;
    Instant first = null;
    Instant last = null;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      String type = e.getEventType().getName();
      if (first == null || e.getStartTime().isBefore(first)) {
        first = e.getStartTime();
      }
      if (last == null || e.getEndTime().isAfter(last)) {
        last = e.getEndTime();
      }
      if (type.equals("jdk.GarbageCollection")) {
        gc = gc.plus(e.getDuration());
        continue;
      }
      boolean execution = type.equals("jdk.ExecutionSample");
      boolean allocation = type.equals("jdk.ObjectAllocationSample");
      if (!execution && !allocation) {
        continue;
      }
      RecordedThread t = e.getThread(execution ? "sampledThread" : "eventThread");
      if (t == null || !thread.equals(t.getJavaName())) {
        continue;
      }
      RecordedStackTrace stack = e.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      List<RecordedFrame> frames = stack.getFrames();
      String owner = category(frames);
      if (execution) {
        samples++;
        category.merge(owner, 1L, Long::sum);
        owners.merge(owner(frames), 1L, Long::sum);
        self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame f : frames) {
          String m = name(f.getMethod());
          if (seen.add(m)) {
            total.merge(m, 1L, Long::sum);
          }
        }
      } else {
        long weight = e.getLong("weight");
        allocWeight += weight;
        allocCategory.merge(owner, weight, Long::sum);
        RecordedClass c = e.getClass("objectClass");
        allocClass.merge(c == null ? "?" : c.getName(), weight, Long::sum);
      }
    }
    Duration span = first == null ? Duration.ZERO : Duration.between(first, last);
    return new Profile(category, owners, self, total, samples, allocCategory, allocClass, allocWeight, gc, span);
  }

  private static String name(RecordedMethod m) {
    if (m == null) {
      return "?";
    }
    String type = m.getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + m.getName();
  }

  /** True for frames that are not an owner of their time: the JDK and snakeyaml-engine's helpers. */
  private static boolean transparent(String type) {
    return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
        || type.startsWith("com.sun.") || type.startsWith("org.snakeyaml.engine.v2.common.");
  }

  /** The first method of a stack, from the top, that owns its time. */
  static String owner(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      RecordedMethod m = f.getMethod();
      if (m != null && !transparent(m.getType().getName())) {
        return name(m);
      }
    }
    return "(JDK only)";
  }

  /** The part of the work a stack belongs to. */
  static String category(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      RecordedMethod m = f.getMethod();
      if (m == null) {
        continue;
      }
      String type = m.getType().getName();
      if (transparent(type)) {
        continue;
      }
      return category(type, m.getName());
    }
    return "other (JDK only)";
  }

  private static String category(String type, String method) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    int dollar = simple.indexOf('$');
    String outer = dollar < 0 ? simple : simple.substring(0, dollar);
    if (type.startsWith("org.snakeyaml.engine.v2.scanner.")) {
      return outer.equals("StreamReader") ? "scanner: StreamReader (code points)" : "scanner: ScannerImpl";
    }
    if (type.startsWith("org.snakeyaml.engine.v2.exceptions.")) {
      return "scanner: Mark";
    }
    if (type.startsWith("org.snakeyaml.engine.v2.tokens.")) {
      return "scanner: tokens";
    }
    if (type.startsWith("org.snakeyaml.engine.v2.parser.")) {
      return "parser: ParserImpl";
    }
    if (type.startsWith("org.snakeyaml.engine.v2.events.")) {
      return "parser: events";
    }
    if (type.startsWith("org.snakeyaml.engine.")) {
      return "snakeyaml-engine, other";
    }
    if (type.startsWith("dev.kubeward.load.")) {
      switch (outer) {
        case "TokenComposer":
          return "TokenComposer (grammar)";
        case "TreeBuilder":
          return treeBuilder(method);
        case "KnownKeys":
          return "TreeBuilder: key sharing (KnownKeys)";
        case "YamlComposer":
          // Its Region is the reader that hands a document's text to the scanner.
          return simple.equals("YamlComposer$Region") ? "files: decode, split, documents" : "YamlComposer (events, fallback)";
        case "ResourceAssembler":
          return "resources and views";
        case "Documents":
          return method.equals("firstPlaceholder") || method.equals("mark") ? "documents: placeholder check"
              : "files: decode, split, documents";
        default:
          return "files: decode, split, documents";
      }
    }
    if (type.startsWith("dev.kubeward.model.")) {
      switch (outer) {
        case "Scalars":
          return "TreeBuilder: scalar resolution (YAML 1.1)";
        case "Placeholders":
          return "documents: placeholder check";
        case "MapNode":
        case "ListNode":
        case "ScalarNode":
        case "Node":
          return "tree nodes (construction)";
        default:
          return "resources and views";
      }
    }
    if (type.startsWith("dev.kubeward.benchmarks.")) {
      return "harness (the floor's decoding)";
    }
    return "other";
  }

  private static String treeBuilder(String method) {
    switch (method) {
      case "scalar":
        return "TreeBuilder: scalars";
      case "key":
      case "jsonKey":
      case "entry":
      case "indexOfKey":
        return "TreeBuilder: keys, duplicate check";
      case "openMapping":
      case "closeMapping":
        return "TreeBuilder: mappings (close, merges)";
      case "openSequence":
      case "closeSequence":
      case "push":
      case "pop":
        return "TreeBuilder: sequences, stack";
      case "count":
      case "checkDepth":
        return "TreeBuilder: limits";
      case "alias":
      case "copy":
      case "anchor":
        return "TreeBuilder: anchors, aliases";
      case "literalContentColumn":
      case "charIndex":
        return "TreeBuilder: positions (literal blocks)";
      default:
        return "TreeBuilder: other";
    }
  }

  /** The tables, in Markdown. */
  static String render(Profile p) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%d execution samples; garbage collection %.1f%% of %.1f s%n%n", p.samples(),
        p.span().isZero() ? 0.0 : 100.0 * p.gc().toNanos() / p.span().toNanos(), p.span().toMillis() / 1e3));
    sb.append("| Part | Samples | Share |\n| --- | ---: | ---: |\n");
    p.bySelfCategory().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sb.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% |%n", e.getKey(), e.getValue(),
            100.0 * e.getValue() / p.samples())));
    sb.append("\nTop owners (the first frame from the top outside the JDK and snakeyaml-engine's helpers):\n\n");
    sb.append("| Method | Share |\n| --- | ---: |\n");
    List<Map.Entry<String, Long>> owners = new ArrayList<>(p.byOwnerMethod().entrySet());
    owners.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    for (Map.Entry<String, Long> e : owners.subList(0, Math.min(40, owners.size()))) {
      sb.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / p.samples()));
    }
    sb.append("\nTop methods, self (top frame) and total (anywhere in the stack):\n\n");
    sb.append("| Method | Self | Total |\n| --- | ---: | ---: |\n");
    List<Map.Entry<String, Long>> top = new ArrayList<>(p.bySelfMethod().entrySet());
    top.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    for (Map.Entry<String, Long> e : top.subList(0, Math.min(30, top.size()))) {
      sb.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / p.samples(),
          100.0 * p.byTotalMethod().getOrDefault(e.getKey(), 0L) / p.samples()));
    }
    sb.append("\nTop methods by total:\n\n| Method | Total |\n| --- | ---: |\n");
    List<Map.Entry<String, Long>> totals = new ArrayList<>(p.byTotalMethod().entrySet());
    totals.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    for (Map.Entry<String, Long> e : totals.subList(0, Math.min(30, totals.size()))) {
      sb.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / p.samples()));
    }
    if (p.allocationWeight() > 0) {
      sb.append("\nAllocation (sampled weight), by part:\n\n| Part | Share |\n| --- | ---: |\n");
      p.allocationByCategory().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> sb.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n", e.getKey(),
              100.0 * e.getValue() / p.allocationWeight())));
      sb.append("\nAllocation by class:\n\n| Class | Share |\n| --- | ---: |\n");
      List<Map.Entry<String, Long>> classes = new ArrayList<>(p.allocationByClass().entrySet());
      classes.sort(Map.Entry.<String, Long>comparingByValue().reversed());
      for (Map.Entry<String, Long> e : classes.subList(0, Math.min(15, classes.size()))) {
        sb.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / p.allocationWeight()));
      }
    }
    return sb.toString();
  }
}
