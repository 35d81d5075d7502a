/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the ratio table of a {@link RatioRun} result: every ratio as the median of its per-round
 * samples (wall-clock time; CPU time of the process beside it), the spread over the rounds, and
 * its target; then every contender's figures with its warm-up (rounds, whether it ended flat) and
 * the trend over the measured rounds (second half against first), which shows a contender still
 * warming up. Every row names the CPU model, and every row that runs rules the catalogue.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.kubeward.benchmarks.RatioTable benchmarks/target/ratios.json</pre>
 *
 * <p>Run from the benchmark jar, it also says when the {@code recommended} catalogue on the class
 * path is no longer the one measured, so that a figure is re-measured when rules land.
 */
public final class RatioTable {

  private RatioTable() {}

  /** Prints the table of the JSON file named by the only argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: RatioTable RESULT.json");
    }
    String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    System.out.print(render(json));
    String note = catalogueNote(json, RatioRun.catalogue());
    if (!note.isEmpty()) {
      System.out.println();
      System.out.println(note);
    }
  }

  /**
   * A sentence saying that {@code current} (as {@link RatioRun#catalogue()} describes it) is not
   * the catalogue of the run in {@code json}, or the empty string if it is.
   */
  static String catalogueNote(String json, Map<String, Object> current) {
    Map<String, Object> measured = map(parse(json).get("catalogue"));
    if (measured.get("ids").equals(current.get("ids"))) {
      return "";
    }
    return String.format(Locale.ROOT, "Note: the run measured %d rules under %s; this build has %d: re-measure.",
        number(measured.get("rules")).intValue(), measured.get("profile"), number(current.get("rules")).intValue());
  }

  /** The table, in Markdown, of the {@link RatioRun} result {@code json}. */
  public static String render(String json) {
    Map<String, Object> doc = map(parse(json));
    Map<String, Object> machine = map(doc.get("machine"));
    Map<String, Object> jvm = map(doc.get("jvm"));
    Map<String, Object> catalogue = map(doc.get("catalogue"));
    Map<String, Object> settings = map(doc.get("settings"));
    String cpu = String.valueOf(machine.get("cpu"));
    String rules = catalogue.get("profile") + ", " + number(catalogue.get("rules")).intValue() + " rules";

    Map<String, Map<String, Object>> contenders = new LinkedHashMap<>();
    Map<String, String> groupOf = new LinkedHashMap<>();
    for (Object g : list(doc.get("groups"))) {
      Map<String, Object> group = map(g);
      for (Object c : list(group.get("contenders"))) {
        Map<String, Object> contender = map(c);
        contenders.put(String.valueOf(contender.get("name")), contender);
        groupOf.put(String.valueOf(contender.get("name")), String.valueOf(group.get("name")));
      }
    }

    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Run of %s. Machine: %s, %d processors, %.1f GiB, %s (load average %.2f "
            + "before, %.2f after). JVM: %s %s, %s; collectors %s. Catalogue: %s (%d cross-resource). %d measured "
            + "rounds, iterations of at least %d ms, warm-up %d to %d rounds (flat: last %d within %.0f%%).%n%n",
        doc.get("date"), cpu, number(machine.get("processors")).intValue(),
        number(machine.get("memoryBytes")).doubleValue() / (1L << 30), machine.get("os"),
        number(machine.get("loadAverageBefore")).doubleValue(), number(machine.get("loadAverageAfter")).doubleValue(),
        jvm.get("vm"), jvm.get("version"), String.join(" ", strings(jvm.get("arguments"))),
        String.join(", ", strings(jvm.get("collectors"))), rules, number(catalogue.get("crossResource")).intValue(),
        number(settings.get("measuredRounds")).intValue(), number(settings.get("iterationMillis")).longValue(),
        number(settings.get("minWarmupRounds")).intValue(), number(settings.get("maxWarmupRounds")).intValue(),
        number(settings.get("flatIterations")).intValue(), number(settings.get("flatTolerance")).doubleValue() * 100));

    out.append("| Ratio | Median | Rounds (min–max) | CPU time | Target | Met? | Measured with |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | --- | --- |\n");
    for (Object r : list(doc.get("ratios"))) {
      Map<String, Object> ratio = map(r);
      Map<String, Object> a = contender(contenders, groupOf, ratio, "numerator");
      Map<String, Object> b = contender(contenders, groupOf, ratio, "denominator");
      String unit = String.valueOf(ratio.get("unit"));
      double[] wall = samples(a, b, unit, 1);
      double[] cpuTime = samples(a, b, unit, 2);
      double median = HeadToHead.median(wall);
      String format = String.valueOf(ratio.get("format"));
      Map<String, Object> target = ratio.get("target") == null ? null : map(ratio.get("target"));
      String targetText = "";
      String met = "";
      if (target != null) {
        String op = String.valueOf(target.get("op"));
        double value = number(target.get("value")).doubleValue();
        targetText = (op.equals(">=") ? "≥ " : op + " ") + format(value, format);
        met = switch (op) {
          case ">=" -> median >= value ? "yes" : "no";
          case "<" -> median < value ? "yes" : "no";
          default -> throw new IllegalArgumentException("unknown target operator '" + op + "'");
        };
      }
      boolean withRules = Boolean.TRUE.equals(a.get("runsRules")) || Boolean.TRUE.equals(b.get("runsRules"));
      out.append(String.format(Locale.ROOT, "| %s (`%s` / `%s`) | %s | %s–%s | %s | %s | %s | %s |%n",
          ratio.get("title"), a.get("name"), b.get("name"), format(median, format), format(min(wall), format),
          format(max(wall), format), format(HeadToHead.median(cpuTime), format), targetText, met,
          withRules ? cpu + "; " + rules : cpu));
    }

    out.append("\n| Contender | Group | Wall (median) | CPU time (median) | Warm-up | Trend | Measured with |\n");
    out.append("| --- | --- | ---: | ---: | --- | ---: | --- |\n");
    for (Map.Entry<String, Map<String, Object>> e : contenders.entrySet()) {
      Map<String, Object> c = e.getValue();
      String unit = String.valueOf(c.get("unit"));
      double[] wall = perUnit(c, unit, 1);
      int warmup = list(c.get("warmup")).size();
      out.append(String.format(Locale.ROOT, "| `%s`: %s | %s | %s | %s | %d %s, %s | %+.1f%% | %s |%n",
          e.getKey(), c.get("description"), groupOf.get(e.getKey()), figure(c, 1), figure(c, 2), warmup,
          warmup == 1 ? "round" : "rounds",
          Boolean.TRUE.equals(c.get("flat")) ? "flat" : "not flat", trend(wall) * 100,
          Boolean.TRUE.equals(c.get("runsRules")) ? cpu + "; " + rules : cpu));
    }
    return out.toString();
  }

  private static Map<String, Object> contender(Map<String, Map<String, Object>> contenders, Map<String, String> groupOf,
      Map<String, Object> ratio, String role) {
    String name = String.valueOf(ratio.get(role));
    Map<String, Object> c = contenders.get(name);
    if (c == null || !groupOf.get(name).equals(ratio.get("group"))) {
      throw new IllegalArgumentException("ratio " + ratio.get("name") + " names " + name
          + ", which is not a contender of its group");
    }
    return c;
  }

  /** Per-round samples of a over b, per {@code unit}, from field 1 (wall) or 2 (CPU) of the iterations. */
  private static double[] samples(Map<String, Object> a, Map<String, Object> b, String unit, int field) {
    double[] x = perUnit(a, unit, field);
    double[] y = perUnit(b, unit, field);
    if (x.length != y.length) {
      throw new IllegalArgumentException(a.get("name") + " and " + b.get("name") + " have different round counts");
    }
    double[] ratio = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      ratio[i] = x[i] / y[i];
    }
    return ratio;
  }

  /** Nanoseconds per {@code unit} of every measured iteration, from field 1 (wall) or 2 (CPU). */
  private static double[] perUnit(Map<String, Object> contender, String unit, int field) {
    Number units = number(map(contender.get("units")).get(unit));
    if (units == null) {
      throw new IllegalArgumentException(contender.get("name") + " has no unit " + unit);
    }
    List<Object> measured = list(contender.get("measured"));
    double[] out = new double[measured.size()];
    for (int i = 0; i < out.length; i++) {
      List<Object> it = list(measured.get(i));
      out[i] = number(it.get(field)).doubleValue() / number(it.get(0)).doubleValue() / units.doubleValue();
    }
    return out;
  }

  /** The median per unit of field 1 (wall) or 2 (CPU), with MB/s and per resource for byte contenders. */
  private static String figure(Map<String, Object> c, int field) {
    String unit = String.valueOf(c.get("unit"));
    double median = HeadToHead.median(perUnit(c, unit, field));
    if (unit.equals("byte")) {
      return String.format(Locale.ROOT, "%.2f ns/byte (%.1f MB/s); %,.0f ns/resource", median, 1_000 / median,
          HeadToHead.median(perUnit(c, "resource", field)));
    }
    return String.format(Locale.ROOT, "%,.0f ns/%s", median, unit);
  }

  /** Median of the second half of {@code values} over the median of the first half, minus one. */
  static double trend(double[] values) {
    int half = values.length / 2;
    if (half == 0) {
      return 0;
    }
    double[] first = Arrays.copyOfRange(values, 0, half);
    double[] second = Arrays.copyOfRange(values, values.length - half, values.length);
    return HeadToHead.median(second) / HeadToHead.median(first) - 1;
  }

  private static String format(double value, String format) {
    return switch (format) {
      case "percent" -> String.format(Locale.ROOT, "%.1f%%", value * 100);
      case "times" -> String.format(Locale.ROOT, "%.2f×", value);
      default -> throw new IllegalArgumentException("unknown ratio format '" + format + "'");
    };
  }

  private static double min(double[] values) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static double max(double[] values) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("expected a JSON object, got " + value);
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    if (!(value instanceof List)) {
      throw new IllegalArgumentException("expected a JSON array, got " + value);
    }
    return (List<Object>) value;
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    for (Object o : list(value)) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  private static Number number(Object value) {
    return (Number) value;
  }

  /** Parses a JSON document into maps (in document order), lists, strings, numbers, booleans and nulls. */
  static Map<String, Object> parse(String json) {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      Object value = read(p);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("text after the JSON document");
      }
      return map(value);
    } catch (IOException e) {
      throw new UncheckedIOException("not a RatioRun result", e);
    }
  }

  private static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new IllegalArgumentException("empty JSON document");
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, read(p));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalArgumentException("unexpected JSON token " + t);
    }
  }
}
