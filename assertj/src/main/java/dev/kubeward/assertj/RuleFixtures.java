/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a rule's fixture files: {@code rules/<rule-id>/fires*.yaml} and {@code passes*.yaml} on
 * the test classpath. A line that must carry a finding ends with {@code # expect: <rule-id>}
 * ({@code # expect: <rule-id>*2} for two findings on the line, {@code <rule-id>@7} to pin the
 * column too, {@code <rule-id>[MEDIUM]} to pin the severity, in that order, several ids separated
 * by commas); every other line must carry none. A {@code fires} file needs at least one
 * expectation, a {@code passes} file none.
 *
 * <p>Header comments set the scan up: {@code # pss-version: v1.22}, {@code # profile:
 * pss-baseline}, {@code # param: name=value} (repeatable). {@code # pss-versions: v1.0..v1.21}
 * runs the same fixture once per Pod Security Standards version of the range, and must hold at
 * each; a range may end at {@code latest}, several ranges and single versions may be separated by
 * commas, and {@code all} is {@code v1.0..latest}.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> fixtures() {
 *   return RuleFixtures.of(new PrivilegedContainer()).tests();
 * }
 * }</pre>
 */
public final class RuleFixtures {

  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([^#]+)$");
  private static final Pattern ITEM =
      Pattern.compile("([a-z0-9-]+)(?:@(\\d+))?(?:\\[([A-Za-z]+)\\])?(?:\\*(\\d+))?");
  private static final Pattern DIRECTIVE =
      Pattern.compile("^#\\s*(pss-version|pss-versions|profile|param):\\s*(.+?)\\s*$");
  private static final Pattern RANGE = Pattern.compile("(v1\\.\\d+|latest)(?:\\s*\\.\\.\\s*(v1\\.\\d+|latest))?");

  private final Rule rule;
  private final List<Rule> companions;
  private final ClassLoader classLoader;

  private RuleFixtures(Rule rule, List<Rule> companions, ClassLoader classLoader) {
    this.rule = Objects.requireNonNull(rule, "rule");
    this.companions = List.copyOf(companions);
    this.classLoader = classLoader;
  }

  /** The fixtures of {@code rule}, found under {@code rules/<id>/} on the test classpath. */
  public static RuleFixtures of(Rule rule) {
    return new RuleFixtures(rule, List.of(), Thread.currentThread().getContextClassLoader());
  }

  /** The id of the rule under test. */
  public String ruleId() {
    return rule.metadata().id();
  }

  /**
   * One dynamic test per fixture file, or, for a file with {@code # pss-versions}, one per file and
   * version (named {@code <rule-id>/<file> @ <version>}).
   */
  public Stream<DynamicTest> tests() {
    return files().stream().flatMap(file -> {
      Fixture fixture = read(file);
      String name = ruleId() + "/" + file.getFileName();
      if (fixture.versions().isEmpty()) {
        return Stream.of(DynamicTest.dynamicTest(name, file.toUri(), () -> run(fixture, null)));
      }
      return fixture.versions().stream().map(v ->
          DynamicTest.dynamicTest(name + " @ " + v, file.toUri(), () -> run(fixture, v)));
    });
  }

  /** Verifies every fixture file; fails on the first file that does not hold. */
  public void verifyAll() {
    for (Path file : files()) {
      verify(file);
    }
  }

  /** The fixture files, in name order; fails if there is none of either kind. */
  public List<Path> files() {
    Path dir = directory();
    try (Stream<Path> stream = Files.list(dir)) {
      List<Path> files = stream
          .filter(p -> {
            String n = p.getFileName().toString();
            return (n.startsWith("fires") || n.startsWith("passes")) && (n.endsWith(".yaml") || n.endsWith(".yml"));
          })
          .sorted()
          .collect(Collectors.toList());
      boolean fires = files.stream().anyMatch(p -> p.getFileName().toString().startsWith("fires"));
      boolean passes = files.stream().anyMatch(p -> p.getFileName().toString().startsWith("passes"));
      if (!fires || !passes) {
        throw new AssertionError("rule " + ruleId() + " needs both fires*.yaml and passes*.yaml fixtures in " + dir);
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Pod Security Standards versions a fixture file runs at: those of its {@code # pss-versions}
   * header, the one of {@code # pss-version}, or none (the scanner's default) when it has neither.
   */
  public List<PssVersion> versionsOf(Path file) {
    Fixture f = read(file);
    if (!f.versions().isEmpty()) {
      return f.versions();
    }
    String single = f.directives().get("pss-version");
    return single == null ? List.of() : List.of(PssVersion.parse(single));
  }

  /**
   * The header directives of a fixture file other than {@code param}: {@code profile},
   * {@code pss-version}, {@code pss-versions}, as written.
   */
  public Map<String, String> headerOf(Path file) {
    return Map.copyOf(read(file).directives());
  }

  /**
   * Parses a {@code # pss-versions} value: {@code all}, or comma-separated single versions and
   * inclusive ranges {@code v1.A..v1.B} (the end may be {@code latest}), in ascending order without
   * duplicates.
   *
   * @throws IllegalArgumentException for anything else, or a range that ends before it starts
   */
  public static List<PssVersion> parseVersions(String spec) {
    String text = spec.trim();
    if (text.equals("all")) {
      text = "v1.0..latest";
    }
    java.util.TreeSet<PssVersion> out = new java.util.TreeSet<>();
    for (String part : text.split(",")) {
      Matcher m = RANGE.matcher(part.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException("cannot read PSS versions '" + part.trim()
            + "' (expected all, v1.N, v1.A..v1.B or v1.A..latest)");
      }
      PssVersion from = PssVersion.parse(m.group(1));
      PssVersion to = m.group(2) == null ? from : PssVersion.parse(m.group(2));
      if (to.compareTo(from) < 0) {
        throw new IllegalArgumentException("PSS version range '" + part.trim() + "' ends before it starts");
      }
      if (from.isLatest()) {
        out.add(from);
        continue;
      }
      int last = to.isLatest() ? Math.max(PssVersion.NEWEST_KNOWN_MINOR, from.minor()) : to.minor();
      for (int minor = from.minor(); minor <= last; minor++) {
        out.add(PssVersion.of(minor));
      }
      if (to.isLatest()) {
        out.add(PssVersion.LATEST);
      }
    }
    return List.copyOf(out);
  }

  private Path directory() {
    String name = "rules/" + ruleId();
    URL url = classLoader.getResource(name);
    if (url == null) {
      throw new AssertionError("no fixture directory " + name + " on the test classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new AssertionError("fixture directory " + name + " is not a plain directory: " + url);
    }
  }

  /** Verifies one fixture file, at every version it declares. */
  public void verify(Path file) {
    Fixture fixture = read(file);
    if (fixture.versions().isEmpty()) {
      run(fixture, null);
    } else {
      for (PssVersion v : fixture.versions()) {
        run(fixture, v);
      }
    }
  }

  /**
   * Verifies a whole-scan fixture: {@code scanner} scans the file, and every finding of every rule
   * must match a {@code # expect: <rule-id>} marker of the file (same syntax as rule fixtures), and
   * every marker a finding. Use it to pin what a profile reports end to end.
   */
  public static void verifyScan(Kubeward scanner, Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = file.getFileName().toString();
    List<String> lines = text.lines().collect(Collectors.toList());
    TreeMap<Integer, List<Expect>> expected = expectations(name, lines);
    ScanReport report = scanner.scanString(file.toString(), text);
    compare(file, name, lines, expected, report, id -> true, "every rule", null);
  }

  /** As {@link #verifyScan(Kubeward, Path)}, for a file on the test classpath. */
  public static void verifyScan(Kubeward scanner, String resource) {
    URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
    if (url == null) {
      throw new AssertionError("no scan fixture " + resource + " on the test classpath");
    }
    try {
      verifyScan(scanner, Path.of(url.toURI()));
    } catch (URISyntaxException e) {
      throw new AssertionError("scan fixture " + resource + " is not a plain file: " + url);
    }
  }

  /** One expectation: a finding of a rule on a line, with its column (0 for any) and severity (null for any). */
  private record Expect(String rule, int column, Severity severity) {}

  /** A fixture file, read and parsed once. */
  private record Fixture(Path file, String name, String text, List<String> lines, Map<String, String> directives,
      Map<String, Object> params, TreeMap<Integer, List<Expect>> expected, List<PssVersion> versions) {}

  private Fixture read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = file.getFileName().toString();
    List<String> lines = text.lines().collect(Collectors.toList());
    Map<String, String> directives = new LinkedHashMap<>();
    Map<String, Object> params = new LinkedHashMap<>();
    for (String line : lines) {
      if (!line.startsWith("#")) {
        break;
      }
      Matcher d = DIRECTIVE.matcher(line);
      if (d.matches()) {
        if (d.group(1).equals("param")) {
          String[] kv = d.group(2).split("=", 2);
          params.put(kv[0].trim(), kv.length > 1 ? kv[1].trim() : "");
        } else {
          directives.put(d.group(1), d.group(2));
        }
      }
    }
    if (lines.isEmpty() || !lines.get(0).startsWith("#")) {
      throw new AssertionError(name + " must start with a comment saying why it exists");
    }
    if (directives.containsKey("pss-version") && directives.containsKey("pss-versions")) {
      throw new AssertionError(name + " sets both pss-version and pss-versions");
    }
    List<PssVersion> versions;
    try {
      versions = directives.containsKey("pss-versions") ? parseVersions(directives.get("pss-versions")) : List.of();
    } catch (IllegalArgumentException e) {
      throw new AssertionError(name + ": " + e.getMessage());
    }
    TreeMap<Integer, List<Expect>> expected = new TreeMap<>();
    expectations(name, lines).forEach((line, list) -> {
      List<Expect> mine = list.stream().filter(e -> e.rule().equals(ruleId())).collect(Collectors.toList());
      if (!mine.isEmpty()) {
        expected.put(line, mine);
      }
    });
    boolean fires = name.startsWith("fires");
    if (fires && expected.isEmpty()) {
      throw new AssertionError(name + " is a fires fixture without any '# expect: " + ruleId() + "'");
    }
    if (!fires && !expected.isEmpty()) {
      throw new AssertionError(name + " is a passes fixture but expects findings");
    }
    return new Fixture(file, name, text, lines, directives, params, expected, versions);
  }

  /** Every {@code # expect:} marker of {@code lines}, by 1-based line. */
  private static TreeMap<Integer, List<Expect>> expectations(String name, List<String> lines) {
    TreeMap<Integer, List<Expect>> expected = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      if (!m.find()) {
        continue;
      }
      for (String item : m.group(1).split(",")) {
        Matcher im = ITEM.matcher(item.trim());
        if (!im.matches()) {
          throw new AssertionError(name + ":" + (i + 1) + ": cannot read expectation '" + item.trim() + "'");
        }
        int column = im.group(2) == null ? 0 : Integer.parseInt(im.group(2));
        Severity severity;
        try {
          severity = im.group(3) == null ? null : Severity.parse(im.group(3));
        } catch (IllegalArgumentException e) {
          throw new AssertionError(name + ":" + (i + 1) + ": " + e.getMessage());
        }
        int count = im.group(4) == null ? 1 : Integer.parseInt(im.group(4));
        for (int k = 0; k < count; k++) {
          expected.computeIfAbsent(i + 1, x -> new ArrayList<>()).add(new Expect(im.group(1), column, severity));
        }
      }
    }
    return expected;
  }

  /** Scans {@code fixture} at {@code version} (or its own {@code pss-version}, when null) and compares. */
  private void run(Fixture fixture, PssVersion version) {
    Map<String, String> directives = fixture.directives();
    Kubeward.Builder builder = Kubeward.builder()
        .rules(Stream.concat(Stream.of(rule), companions.stream()).collect(Collectors.toList()))
        .profile(Profile.of(directives.getOrDefault("profile", "all")))
        .onlyRules(Set.of(ruleId()));
    if (version != null) {
      builder.pssVersion(version);
    } else if (directives.containsKey("pss-version")) {
      builder.pssVersion(PssVersion.parse(directives.get("pss-version")));
    }
    if (!fixture.params().isEmpty()) {
      builder.configuration(new dev.kubeward.engine.Configuration(null, null, Set.of(), Set.of(), Map.of(),
          Map.of(ruleId(), fixture.params()), List.of(), List.of()));
    }
    ScanReport report = builder.build().scanString(fixture.file().toString(), fixture.text());
    compare(fixture.file(), fixture.name(), fixture.lines(), fixture.expected(), report, ruleId()::equals,
        "rule " + ruleId(), version);
  }

  /** Compares the findings of the rules {@code counted} accepts with the expectations, line by line and rule by rule. */
  private static void compare(Path file, String name, List<String> lines, TreeMap<Integer, List<Expect>> expected,
      ScanReport report, java.util.function.Predicate<String> counted, String what, PssVersion version) {
    if (!report.errors().isEmpty()) {
      throw new AssertionError(name + " does not load cleanly: " + report.errors());
    }
    TreeMap<Integer, List<Finding>> actual = new TreeMap<>();
    for (Finding f : report.findings()) {
      if (counted.test(f.rule())) {
        actual.computeIfAbsent(f.line(), x -> new ArrayList<>()).add(f);
      }
    }
    List<String> problems = new ArrayList<>();
    Set<Integer> allLines = new java.util.TreeSet<>(expected.keySet());
    allLines.addAll(actual.keySet());
    for (int line : allLines) {
      List<Expect> wantAll = expected.getOrDefault(line, List.of());
      List<Finding> gotAll = actual.getOrDefault(line, List.of());
      Set<String> rules = new java.util.TreeSet<>();
      wantAll.forEach(e -> rules.add(e.rule()));
      gotAll.forEach(f -> rules.add(f.rule()));
      for (String ruleId : rules) {
        List<Expect> want = wantAll.stream().filter(e -> e.rule().equals(ruleId)).collect(Collectors.toList());
        List<Finding> got = gotAll.stream().filter(f -> f.rule().equals(ruleId)).collect(Collectors.toList());
        if (want.size() != got.size()) {
          problems.add("line " + line + ": expected " + want.size() + " finding(s) of " + ruleId + " but got "
              + got.size() + describe(got) + "  | " + lines.get(line - 1).trim());
          continue;
        }
        List<Integer> wantColumns = want.stream().map(Expect::column).filter(c -> c > 0).sorted()
            .collect(Collectors.toList());
        if (!wantColumns.isEmpty()) {
          List<Integer> gotColumns = got.stream().map(Finding::column).sorted().collect(Collectors.toList());
          if (!gotColumns.containsAll(wantColumns)) {
            problems.add("line " + line + ": expected column(s) " + wantColumns + " of " + ruleId + " but got "
                + gotColumns);
          }
        }
        List<Severity> remaining = got.stream().map(Finding::severity).collect(Collectors.toList());
        List<Severity> wantSeverities = want.stream().map(Expect::severity).filter(Objects::nonNull)
            .collect(Collectors.toList());
        for (Severity s : wantSeverities) {
          if (!remaining.remove(s)) {
            problems.add("line " + line + ": expected severities " + wantSeverities + " of " + ruleId + " but got "
                + got.stream().map(Finding::severity).collect(Collectors.toList()));
            break;
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      sb.append("Fixture ").append(file).append(" of ").append(what);
      if (version != null) {
        sb.append(" at PSS version ").append(version);
      }
      sb.append(" does not hold:\n");
      problems.forEach(p -> sb.append("  ").append(p).append('\n'));
      sb.append("Actual findings:\n");
      actual.values().stream().flatMap(List::stream)
          .forEach(f -> sb.append("  ").append(f.line()).append(':').append(f.column()).append(' ')
              .append(f.severity()).append(' ').append(f.message()).append(" [").append(f.rule()).append("]\n"));
      throw new AssertionError(sb.toString());
    }
  }

  private static String describe(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "";
    }
    return " " + findings.stream().map(f -> f.line() + ":" + f.column() + " " + f.message())
        .collect(Collectors.joining("; ", "[", "]"));
  }
}
