/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Contenders measured in one JVM, interleaved: every round runs one iteration of each contender,
 * in an order that rotates from round to round, so that a ratio of two contenders compares
 * iterations taken seconds apart under the same conditions (load on the machine, state of the
 * heap, clock speed) instead of two benchmarks minutes apart. A ratio of the same round is then one
 * sample; {@link RatioTable} takes their median.
 *
 * <p>The warm-up runs whole rounds until the last {@link Settings#flatIterations} warm-up
 * iterations of every contender lie within {@link Settings#flatTolerance} of their median (or
 * {@link Settings#maxWarmupRounds} have run; the result then says the contender was not flat).
 * An iteration repeats a contender's operation until {@link Settings#iterationNanos} have passed,
 * at least once, and records the operations, the wall-clock time and the CPU time of the whole
 * process (all threads, garbage collection included).
 */
public final class HeadToHead {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Where operations' results go, so that none can be left out. */
  private static volatile long sink;

  private HeadToHead() {}

  /**
   * How long to measure.
   *
   * @param iterationNanos the least time of one iteration
   * @param minWarmupRounds warm-up rounds run whether or not the contenders are flat earlier
   * @param maxWarmupRounds warm-up rounds after which measuring starts, flat or not
   * @param flatIterations how many of the last warm-up iterations must agree
   * @param flatTolerance how far (a fraction of their median) they may lie from their median
   * @param measuredRounds measured rounds: samples of every ratio
   */
  public record Settings(long iterationNanos, int minWarmupRounds, int maxWarmupRounds, int flatIterations,
      double flatTolerance, int measuredRounds) {

    public Settings {
      if (iterationNanos <= 0 || minWarmupRounds < 0 || maxWarmupRounds < minWarmupRounds || flatIterations < 1
          || flatTolerance <= 0 || measuredRounds < 1) {
        throw new IllegalArgumentException("settings must be positive and the warm-up bounds ordered");
      }
    }

    /** The settings of a real run: iterations of a second, 6 to 20 warm-up rounds, 10 measured. */
    public static Settings defaults() {
      return new Settings(1_000_000_000L, 6, 20, 4, 0.04, 10);
    }
  }

  /** What a contender runs: one operation, returning something derived from its result. */
  @FunctionalInterface
  public interface Operation {
    /** Runs once and returns a value that depends on the work done, so that it cannot be left out. */
    long run();
  }

  /**
   * One contender.
   *
   * @param name a short identifier, unique within a run ({@code loader}, {@code scan100k})
   * @param description what it runs, for people
   * @param unit what one operation is made of ({@code byte}, {@code resource})
   * @param unitsPerOperation how many units one operation covers
   * @param operation the work
   */
  public record Contender(String name, String description, String unit, long unitsPerOperation, Operation operation) {

    public Contender {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(operation, "operation");
      if (unitsPerOperation < 1) {
        throw new IllegalArgumentException("units per operation must be positive");
      }
    }
  }

  /** One iteration: operations run, wall-clock and process CPU nanoseconds they took. */
  public record Iteration(long operations, long wallNanos, long cpuNanos) {

    /** Wall-clock nanoseconds per unit, given the units one operation covers. */
    public double wallPerUnit(long unitsPerOperation) {
      return (double) wallNanos / operations / unitsPerOperation;
    }

    /** Process CPU nanoseconds per unit. */
    public double cpuPerUnit(long unitsPerOperation) {
      return (double) cpuNanos / operations / unitsPerOperation;
    }
  }

  /** A contender's iterations: the warm-up, whether it ended flat, and the measured ones. */
  public record Result(Contender contender, List<Iteration> warmup, boolean flat, List<Iteration> measured) {}

  /**
   * Runs the contenders interleaved, reporting progress (one line per round) to {@code progress}.
   * The returned results are in the order of {@code contenders}, with {@code measuredRounds}
   * iterations each, the {@code i}-th of every contender taken in the same round.
   */
  public static List<Result> run(List<Contender> contenders, Settings settings, Consumer<String> progress) {
    int n = contenders.size();
    if (n == 0) {
      throw new IllegalArgumentException("there must be at least one contender");
    }
    List<List<Iteration>> warmup = new ArrayList<>();
    List<List<Iteration>> measured = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      warmup.add(new ArrayList<>());
      measured.add(new ArrayList<>());
    }
    boolean[] flat = new boolean[n];
    int round = 0;
    while (round < settings.maxWarmupRounds()) {
      runRound(contenders, round, settings, warmup);
      round++;
      boolean all = true;
      for (int i = 0; i < n; i++) {
        flat[i] = isFlat(warmup.get(i), settings);
        all &= flat[i];
      }
      progress.accept("warm-up round " + round + describe(contenders, warmup, flat));
      if (all && round >= settings.minWarmupRounds()) {
        break;
      }
    }
    for (int m = 0; m < settings.measuredRounds(); m++) {
      runRound(contenders, round + m, settings, measured);
      progress.accept("measured round " + (m + 1) + describe(contenders, measured, null));
    }
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(new Result(contenders.get(i), List.copyOf(warmup.get(i)), flat[i], List.copyOf(measured.get(i))));
    }
    return results;
  }

  /** True if the last iterations of {@code iterations} lie within the tolerance of their median. */
  static boolean isFlat(List<Iteration> iterations, Settings settings) {
    int k = settings.flatIterations();
    if (iterations.size() < k) {
      return false;
    }
    double[] last = new double[k];
    for (int i = 0; i < k; i++) {
      Iteration it = iterations.get(iterations.size() - k + i);
      last[i] = (double) it.wallNanos() / it.operations();
    }
    double median = median(last);
    for (double v : last) {
      if (Math.abs(v - median) > settings.flatTolerance() * median) {
        return false;
      }
    }
    return true;
  }

  /** The median of {@code values} (the mean of the middle two for an even count). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /**
   * One iteration of each contender. The order rotates by one each round and is reversed every
   * other round, so that each contender follows each other one equally often.
   */
  private static void runRound(List<Contender> contenders, int round, Settings settings, List<List<Iteration>> into) {
    int n = contenders.size();
    for (int k = 0; k < n; k++) {
      int position = (round / 2 + k) % n;
      int i = round % 2 == 0 ? position : n - 1 - position;
      into.get(i).add(iterate(contenders.get(i).operation(), settings.iterationNanos()));
    }
  }

  private static Iteration iterate(Operation operation, long iterationNanos) {
    long cpuStart = OS.getProcessCpuTime();
    long start = System.nanoTime();
    long end;
    long operations = 0;
    long acc = 0;
    do {
      acc += operation.run();
      operations++;
      end = System.nanoTime();
    } while (end - start < iterationNanos);
    long cpu = OS.getProcessCpuTime() - cpuStart;
    sink += acc;
    return new Iteration(operations, end - start, cpu);
  }

  private static String describe(List<Contender> contenders, List<List<Iteration>> iterations, boolean[] flat) {
    StringBuilder sb = new StringBuilder(":");
    for (int i = 0; i < contenders.size(); i++) {
      List<Iteration> its = iterations.get(i);
      Iteration last = its.get(its.size() - 1);
      sb.append(String.format(Locale.ROOT, " %s %.1f ns/%s%s", contenders.get(i).name(),
          last.wallPerUnit(contenders.get(i).unitsPerOperation()), contenders.get(i).unit(),
          flat == null ? "" : flat[i] ? " (flat)" : ""));
    }
    return sb.toString();
  }
}
