/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import dev.kubeward.load.Loader;
import java.io.BufferedReader;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Where the loader's time goes next to snakeyaml-engine's event floor, and how two builds of the
 * loader compare. Two commands over the {@link Corpus} ({@code benchmarks/profile-load.sh} runs
 * both):
 * <ul>
 *   <li>{@code profile CONTENDER [--warmup S] [--seconds S] [--period-ms MS] [--out FILE]}: runs
 *       one contender in a loop, warms it up, records a JFR profile of the measured part (execution
 *       samples every {@code --period-ms}, allocation samples, collections) and prints
 *       {@link JfrBreakdown}'s tables of it. Run it with
 *       {@code -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints}, so that samples are
 *       attributed to inlined methods too.
 *   <li>{@code compare [--contenders loader,events,tokens] [--jars NAME=PATH,...] [--reference NAME]
 *       [--forks N] [--rounds N] [--warmup-rounds N] [--iteration-ms MS]}: runs the contenders
 *       interleaved, round after round, in {@code --forks} fresh JVMs, and prints each one's speed
 *       and its speed as a multiple of the reference's, the median of the per-round ratios, with
 *       the median of each fork. {@code --jars} adds the loader of another build (class
 *       directories and jars separated by {@code :}, say the {@code benchmarks.jar} of an older
 *       commit) in a class loader of its own, so that two versions of the loader compare round by
 *       round in one JVM.
 * </ul>
 * Contenders: {@code loader} ({@code Loader.loadBytes}, file by file), {@code events} (decode and
 * drain snakeyaml-engine's {@code ParserImpl}, one per file: the floor of the targets),
 * {@code tokens} (decode and drain its {@code ScannerImpl}: what the loader composes from),
 * {@code tokens-per-document} (the same with a scanner per {@code ---} document, as the loader
 * reads them).
 *
 * <p>Why forks and thread CPU time: on a shared two-core machine the wall time of one iteration
 * swings by ±30% with the load; the CPU time of the measuring thread (nanosecond resolution; the
 * process CPU time that {@link HeadToHead} reads moves in 10 ms steps) leaves out the time it waited
 * for a core, and a ratio of two iterations of the same round leaves out slower drifts. What is
 * left is the compiled code: two copies of the same loader in one JVM differ by up to ±5% (where
 * the compiler placed and inlined them), and that is the same in every round of a fork, so only
 * more forks average it out. Differences under 2% are not measurable this way on such a machine.
 */
public final class LoadProfile {

  /** Where the operations' results go, so that none can be left out. */
  private static volatile long result;

  private LoadProfile() {}

  /** Runs {@code profile} or {@code compare} and prints the tables. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || !(args[0].equals("profile") || args[0].equals("compare"))) {
      throw new IllegalArgumentException("usage: profile loader|events|tokens [--warmup S] [--seconds S]"
          + " [--period-ms MS] [--out FILE] | compare [--contenders loader,events,tokens] [--jars NAME=PATH,...]"
          + " [--reference NAME] [--forks N] [--rounds N] [--warmup-rounds N] [--iteration-ms MS]");
    }
    boolean profile = args[0].equals("profile");
    Map<String, String> options = options(args, profile ? 2 : 1);
    System.out.print(profile ? profile(args.length > 1 ? args[1] : "loader", options) : compare(options));
  }

  private static Map<String, String> options(String[] args, int first) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = first; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /** One pass over the corpus by {@code contender}; returns a value derived from the work. */
  static HeadToHead.Operation operation(String contender, List<Corpus.File> files) {
    LoadSettings settings = LoadBenchmark.settings();
    switch (contender) {
      case "loader": {
        Loader loader = Loader.defaults();
        return () -> {
          long n = 0;
          for (Corpus.File f : files) {
            n += loader.loadBytes(f.name(), f.bytes()).resources().size();
          }
          return n;
        };
      }
      case "events":
        return () -> {
          long n = 0;
          for (Corpus.File f : files) {
            String text = new String(f.bytes(), StandardCharsets.UTF_8);
            Parser parser = new ParserImpl(settings, new StreamReader(settings, text));
            while (parser.hasNext()) {
              n += parser.next().getEventId().ordinal();
            }
          }
          return n;
        };
      case "tokens":
        return () -> {
          long n = 0;
          for (Corpus.File f : files) {
            String text = new String(f.bytes(), StandardCharsets.UTF_8);
            ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings, text));
            while (scanner.hasNext()) {
              n += scanner.next().getTokenId().ordinal();
            }
          }
          return n;
        };
      case "tokens-per-document":
        return () -> {
          long n = 0;
          for (Corpus.File f : files) {
            char[] text = new String(f.bytes(), StandardCharsets.UTF_8).toCharArray();
            int[] cuts = LoadBenchmark.documents(new String(text));
            for (int i = 0; i + 1 < cuts.length; i += 2) {
              ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings,
                  new CharArrayReader(text, cuts[i], cuts[i + 1] - cuts[i])));
              while (scanner.hasNext()) {
                n += scanner.next().getTokenId().ordinal();
              }
            }
          }
          return n;
        };
      default:
        throw new IllegalArgumentException("unknown contender '" + contender
            + "' (loader, events, tokens or tokens-per-document)");
    }
  }

  /** Profiles {@code contender} as the {@code profile} command says; returns the tables. */
  static String profile(String contender, Map<String, String> options) throws IOException {
    HeadToHead.Operation op = operation(contender, Corpus.load().files());
    long warmup = nanos(options.getOrDefault("warmup", "10"));
    long measure = nanos(options.getOrDefault("seconds", "30"));
    Path out = Path.of(options.getOrDefault("out", contender + ".jfr"));
    long sink = 0;
    long start = System.nanoTime();
    do {
      sink += op.run();
    } while (System.nanoTime() - start < warmup);
    String summary;
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(
          Long.parseLong(options.getOrDefault("period-ms", "2"))));
      recording.enable("jdk.ObjectAllocationSample");
      recording.enable("jdk.GarbageCollection");
      recording.start();
      start = System.nanoTime();
      long passes = 0;
      do {
        sink += op.run();
        passes++;
      } while (System.nanoTime() - start < measure);
      double seconds = (System.nanoTime() - start) / 1e9;
      recording.stop();
      recording.dump(out);
      summary = String.format(Locale.ROOT, "%s: %d passes over the corpus in %.1f s, %.1f MB/s (wall, recording);"
          + " %s%n", contender, passes, seconds, passes * (double) Corpus.BYTES / seconds / 1e6, out);
    }
    result = sink;
    return summary + JfrBreakdown.render(JfrBreakdown.read(out, Thread.currentThread().getName()));
  }

  private static long nanos(String seconds) {
    return (long) (Double.parseDouble(seconds) * 1e9);
  }

  /** Compares as the {@code compare} command says; returns the table. */
  static String compare(Map<String, String> options) throws IOException {
    int forks = Integer.parseInt(options.getOrDefault("forks", "5"));
    Map<String, List<double[]>> rounds = new LinkedHashMap<>();
    if (forks == 0) {
      interleave(contenders(Corpus.load().files(), options), options, 0, rounds);
      if (options.containsKey("raw")) {
        StringBuilder raw = new StringBuilder();
        for (Map.Entry<String, List<double[]>> e : rounds.entrySet()) {
          for (double[] r : e.getValue()) {
            raw.append(String.format(Locale.ROOT, "RAW %s %d %.6f %.6f%n", e.getKey(), (int) r[1], r[2], r[3]));
          }
        }
        return raw.toString();
      }
    } else {
      for (int fork = 0; fork < forks; fork++) {
        System.err.println("[kubeward-benchmarks] fork " + (fork + 1) + " of " + forks);
        for (String line : child(options)) {
          String[] f = line.split(" ");
          rounds.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new double[] {fork, Integer.parseInt(f[2]),
              Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
      }
    }
    String reference = options.getOrDefault("reference", rounds.containsKey("events") ? "events"
        : rounds.keySet().iterator().next());
    return compareTable(rounds, reference, Math.max(forks, 1));
  }

  /** A named pass over the corpus. */
  private record Contender(String name, HeadToHead.Operation operation) {}

  private static List<Contender> contenders(List<Corpus.File> files, Map<String, String> options) {
    List<Contender> contenders = new ArrayList<>();
    String names = options.getOrDefault("contenders", "loader,events,tokens");
    for (String name : names.isEmpty() ? new String[0] : names.split(",")) {
      contenders.add(new Contender(name, operation(name, files)));
    }
    if (options.containsKey("jars")) {
      for (String named : options.get("jars").split(",")) {
        int eq = named.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("expected --jars NAME=PATH[:PATH...],..., got '" + named + "'");
        }
        contenders.add(new Contender(named.substring(0, eq), isolated(named.substring(eq + 1), files)));
      }
    }
    if (contenders.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare");
    }
    return contenders;
  }

  /**
   * Runs the contenders interleaved: {@code --warmup-rounds} rounds, then {@code --rounds} measured
   * ones, each an iteration of every contender of at least {@code --iteration-ms}, in an order that
   * rotates by one every round and reverses every other round. Adds the measured iterations to
   * {@code into} as {fork, round, wall ns per byte, ns per byte of this thread's CPU time}.
   */
  private static void interleave(List<Contender> contenders, Map<String, String> options, int fork,
      Map<String, List<double[]>> into) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long iteration = Long.parseLong(options.getOrDefault("iteration-ms", "200")) * 1_000_000L;
    int warmup = Integer.parseInt(options.getOrDefault("warmup-rounds", "25"));
    int measured = Integer.parseInt(options.getOrDefault("rounds", "40"));
    int n = contenders.size();
    for (Contender c : contenders) {
      into.put(c.name(), new ArrayList<>());
    }
    long sink = 0;
    for (int round = 0; round < warmup + measured; round++) {
      StringBuilder line = new StringBuilder(round < warmup ? "warm-up round " + (round + 1)
          : "round " + (round - warmup + 1));
      double[][] row = new double[n][];
      for (int k = 0; k < n; k++) {
        int position = (round / 2 + k) % n;
        int i = round % 2 == 0 ? position : n - 1 - position;
        Contender c = contenders.get(i);
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end;
        long operations = 0;
        do {
          sink += c.operation().run();
          operations++;
          end = System.nanoTime();
        } while (end - start < iteration);
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        double units = (double) operations * Corpus.BYTES;
        row[i] = new double[] {fork, round - warmup, (end - start) / units, cpu / units};
        line.append(String.format(Locale.ROOT, " %s %.1f", c.name(), cpu / units));
      }
      if (round >= warmup) {
        for (int i = 0; i < n; i++) {
          into.get(contenders.get(i).name()).add(row[i]);
        }
      }
      System.err.println("[kubeward-benchmarks] " + line + " ns/byte (CPU)");
    }
    result = sink;
  }

  /** Runs one compare in a new JVM with this one's class path and options; returns its RAW lines. */
  private static List<String> child(Map<String, String> options) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LoadProfile.class.getName());
    command.add("compare");
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (!e.getKey().equals("forks")) {
        command.add("--" + e.getKey());
        command.add(e.getValue());
      }
    }
    command.addAll(List.of("--forks", "0", "--raw", "true"));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> raw = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("RAW ")) {
          raw.add(line);
        }
      }
    }
    try {
      if (process.waitFor() != 0) {
        throw new IllegalStateException("a forked compare failed: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while comparing", e);
    }
    return raw;
  }

  /**
   * The loader of another build ({@code path}: class directories and jars separated by {@code :},
   * searched in that order, holding Kubeward's core and its dependencies, such as a
   * {@code benchmarks.jar}), in a class loader of its own with its own copy of snakeyaml-engine, so
   * that two versions of the loader run interleaved in one JVM without sharing compiled code.
   */
  static HeadToHead.Operation isolated(String path, List<Corpus.File> files) {
    try {
      List<URL> urls = new ArrayList<>();
      for (String entry : path.split(":")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
      ClassLoader classes = new URLClassLoader(path, urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      Class<?> loaderClass = classes.loadClass("dev.kubeward.load.Loader");
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Object loader = loaderClass.getMethod("defaults").invoke(null);
      MethodHandle load = lookup.unreflect(loaderClass.getMethod("loadBytes", String.class, byte[].class))
          .bindTo(loader);
      MethodHandle resources = lookup.unreflect(classes.loadClass("dev.kubeward.load.LoadResult")
          .getMethod("resources"));
      return () -> {
        long n = 0;
        for (Corpus.File f : files) {
          try {
            n += ((List<?>) resources.invoke(load.invoke(f.name(), f.bytes()))).size();
          } catch (Throwable e) {
            throw new IllegalStateException("the loader of " + path + " failed on " + f.name(), e);
          }
        }
        return n;
      };
    } catch (ReflectiveOperationException | MalformedURLException e) {
      throw new IllegalArgumentException("no loader in " + path + ": " + e, e);
    }
  }

  /**
   * Per contender: its median MB/s (wall and thread CPU) over every measured round of every fork;
   * the median of its per-round speed ratios to {@code reference} (each from one round of one
   * fork), wall and CPU; and the median CPU ratio of each fork, which shows how much one JVM's
   * compiled code differs from another's.
   */
  static String compareTable(Map<String, List<double[]>> rounds, String reference, int forks) {
    List<double[]> ref = rounds.get(reference);
    if (ref == null) {
      throw new IllegalArgumentException("no contender '" + reference + "'");
    }
    StringBuilder sb = new StringBuilder();
    sb.append("| Contender | MB/s (wall) | MB/s (CPU) | / ").append(reference).append(", wall | / ").append(reference)
        .append(", CPU | CPU ratio, median of each of ").append(forks).append(forks == 1 ? " fork" : " forks")
        .append(" |\n| --- | ---: | ---: | ---: | ---: | --- |\n");
    for (Map.Entry<String, List<double[]>> e : rounds.entrySet()) {
      List<double[]> mine = e.getValue();
      int n = Math.min(mine.size(), ref.size());
      double[] wall = new double[n];
      double[] cpu = new double[n];
      double[] ratioWall = new double[n];
      double[] ratioCpu = new double[n];
      Map<Integer, List<Double>> byFork = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        double[] m = mine.get(i);
        double[] r = ref.get(i);
        wall[i] = 1e3 / m[2];
        cpu[i] = 1e3 / m[3];
        ratioWall[i] = r[2] / m[2];
        ratioCpu[i] = r[3] / m[3];
        byFork.computeIfAbsent((int) m[0], k -> new ArrayList<>()).add(ratioCpu[i]);
      }
      StringBuilder perFork = new StringBuilder();
      for (List<Double> f : byFork.values()) {
        perFork.append(perFork.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f",
            HeadToHead.median(f.stream().mapToDouble(Double::doubleValue).toArray())));
      }
      sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.3f | %.3f | %s |%n", e.getKey(),
          HeadToHead.median(wall), HeadToHead.median(cpu), HeadToHead.median(ratioWall), HeadToHead.median(ratioCpu),
          perFork));
    }
    return sb.toString();
  }
}
