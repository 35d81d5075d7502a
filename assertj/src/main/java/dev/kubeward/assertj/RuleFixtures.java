/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadResult;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.ScanSettings;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a rule's fixtures: the entries of {@code rules/<rule-id>/} on the test classpath whose names
 * start with {@code fires} or {@code passes}. Each fixture is scanned on its own and must hold
 * exactly: every finding of the rule is expected, every expectation met. A {@code fires} fixture
 * needs at least one expectation of the rule, a {@code passes} fixture none.
 *
 * <p><b>YAML fixtures</b> ({@code fires*.yaml}, {@code passes*.yml}...) start with a comment saying
 * why they exist. A line that must carry a finding ends with {@code # expect: <rule-id>}
 * ({@code # expect: <rule-id>*2} for two findings on the line, {@code <rule-id>@7} to pin the
 * column too, {@code <rule-id>[MEDIUM]} to pin the severity, in that order, several ids separated
 * by commas); every other line must carry none.
 *
 * <p><b>JSON fixtures</b> ({@code fires*.json}, {@code passes*.json}) are JSON objects (they start
 * with <code>{</code>, so the loader reads them as JSON) and cannot hold comments: their
 * expectations live in a sibling file named after them plus {@code .expect}
 * ({@code fires-list.json.expect}). That file starts with a comment saying why the fixture exists,
 * then the header directives below, then one expectation line per line of the JSON file that must
 * carry a finding: the 1-based line number, then what would follow {@code # expect:} in YAML.
 * Blank lines and {@code #} comments are allowed anywhere.
 *
 * <pre>
 * # A privileged container, as kubectl get -o json prints it.
 * 14 privileged-container
 * 22 privileged-container@24[HIGH], host-namespaces
 * </pre>
 *
 * A {@code fires} JSON fixture needs its {@code .expect} file; for a {@code passes} one it is
 * optional and holds only the why and the directives. An {@code .expect} file without its JSON file
 * is an error.
 *
 * <p><b>Story fixtures</b> are folders, {@code fires-<story>/} or {@code passes-<story>/}, holding
 * several YAML and JSON files (with their {@code .expect} files) and nothing else. All the files of
 * a story are loaded into one scan, so a cross-resource rule sees them together: a Deployment in
 * one file, its ServiceAccount and bindings in others. Expectations may be in any of the files;
 * each finding must point at an expected line of the file it is in. Each YAML file and each
 * {@code .expect} file of a story starts with a comment saying why it is there. The directives of
 * a story may be in the header of any of its files; one directive set to two values is an error.
 *
 * <p>A fixture that does not load cleanly (any load error in any of its files) fails.
 *
 * <p>Header comments set the scan up: {@code # pss-version: v1.22}, {@code # profile:
 * pss-baseline}, {@code # param: name=value} (repeatable). {@code # pss-versions: v1.0..v1.21}
 * runs the same fixture once per Pod Security Standards version of the range, and must hold at
 * each; a range may end at {@code latest}, several ranges and single versions may be separated by
 * commas, and {@code all} is {@code v1.0..latest}. {@code # kube-version: v1.24} scans as
 * {@code --kube-version v1.24} does: the version wins over what an object says of itself, and
 * the PSS version follows it unless {@code pss-version} or {@code pss-versions} is given too.
 * {@code # default-namespace: shop} scans as {@code --default-namespace shop}: objects without a
 * namespace are in {@code shop}. Without these two, a fixture scans with no Kubernetes version
 * given and the namespace {@code default}. A directive with a value the scan would reject
 * ({@code # kube-version: 1.24}) fails the fixture.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> fixtures() {
 *   return RuleFixtures.of(new PrivilegedContainer()).tests();
 * }
 * }</pre>
 *
 * <p>The rows of a {@link dev.kubeward.rule.FamilyRule family} are rules like any other, each with
 * its fixtures under {@code rules/<row-id>/}; {@link #rowByRow(Collection)} tests them one container
 * per row and {@link #withoutFixtures(Collection)} names the rows still lacking fixtures.
 * <p>That the rules allocate nothing when nothing is wrong is checked by {@link QuietPath}.
 */
public final class RuleFixtures {

  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([^#]+)$");
  private static final Pattern ITEM =
      Pattern.compile("([a-z0-9-]+)(?:@(\\d+))?(?:\\[([A-Za-z]+)\\])?(?:\\*(\\d+))?");
  private static final Pattern DIRECTIVE =
      Pattern.compile("^#\\s*(pss-version|pss-versions|kube-version|default-namespace|profile|param):\\s*(.+?)\\s*$");
  private static final Pattern RANGE = Pattern.compile("(v1\\.\\d+|latest)(?:\\s*\\.\\.\\s*(v1\\.\\d+|latest))?");
  /** A line of an {@code .expect} file: a line number of the JSON file, then its expectations. */
  private static final Pattern EXPECT_LINE = Pattern.compile("(\\d+)\\s+([^#]+?)\\s*(?:#.*)?");
  /** What the file holding a JSON fixture's expectations adds to the fixture's name. */
  private static final String EXPECT_SUFFIX = ".expect";

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

  /**
   * The fixtures of {@code rule}, scanned together with those of {@code companions} (typically
   * the other rules of its module) that the fixture's profile runs; only {@code rule}'s findings
   * are compared. A rule whose verdict depends on which other rules run (a baseline check that a
   * restricted one overrides while it runs) is tested as a user's scan would run it.
   */
  public static RuleFixtures of(Rule rule, List<? extends Rule> companions) {
    List<Rule> others = new ArrayList<>();
    for (Rule r : companions) {
      if (!r.metadata().id().equals(rule.metadata().id())) {
        others.add(r);
      }
    }
    return new RuleFixtures(rule, others, Thread.currentThread().getContextClassLoader());
  }

  /**
   * Row by row: for each of {@code rules} (the rows of a family, or any list of rules), a container
   * named by the rule id with the tests of {@link #tests()}, or with one failing test when the rule
   * lacks fixtures, so that one row without fixtures does not hide the others.
   */
  public static Stream<DynamicContainer> rowByRow(Collection<? extends Rule> rules) {
    return rules.stream().map(rule -> {
      RuleFixtures fixtures = of(rule);
      Stream<DynamicTest> tests;
      try {
        fixtures.files();
        tests = fixtures.tests();
      } catch (AssertionError e) {
        tests = Stream.of(DynamicTest.dynamicTest(fixtures.ruleId() + " fixtures", () -> {
          throw e;
        }));
      }
      return DynamicContainer.dynamicContainer(fixtures.ruleId(), tests);
    });
  }

  /**
   * The ids of those of {@code rules} that lack a fixture directory or fixtures of either kind
   * ({@code fires*.yaml}, {@code passes*.yaml}), in the order given.
   */
  public static List<String> withoutFixtures(Collection<? extends Rule> rules) {
    List<String> ids = new ArrayList<>();
    for (Rule rule : rules) {
      RuleFixtures fixtures = of(rule);
      try {
        fixtures.files();
      } catch (AssertionError e) {
        ids.add(fixtures.ruleId());
      }
    }
    return ids;
  }

  /** The id of the rule under test. */
  public String ruleId() {
    return rule.metadata().id();
  }

  /**
   * One dynamic test per fixture, or, for a fixture with {@code # pss-versions}, one per fixture
   * and version (named {@code <rule-id>/<file> @ <version>}; a story is named
   * {@code <rule-id>/<folder>/}).
   */
  public Stream<DynamicTest> tests() {
    return files().stream().flatMap(path -> {
      Fixture fixture = read(path, ruleId());
      String name = ruleId() + "/" + fixture.name();
      if (fixture.versions().isEmpty()) {
        return Stream.of(DynamicTest.dynamicTest(name, path.toUri(), () -> run(fixture, null)));
      }
      return fixture.versions().stream().map(v ->
          DynamicTest.dynamicTest(name + " @ " + v, path.toUri(), () -> run(fixture, v)));
    });
  }

  /** Verifies every fixture; fails on the first one that does not hold. */
  public void verifyAll() {
    for (Path file : files()) {
      verify(file);
    }
  }

  /**
   * The fixtures, in name order: files ({@code fires*.yaml}, {@code *.yml}, {@code *.json}) and
   * story folders ({@code fires-<story>/}), without the {@code .expect} files of JSON fixtures.
   * Fails if there is none of either kind, or if an entry named like a fixture is none (an
   * {@code .expect} file without its JSON file, a {@code fires.txt}).
   */
  public List<Path> files() {
    Path dir = directory();
    List<Path> files = new ArrayList<>();
    for (Path p : list(dir)) {
      String n = nameOf(p);
      if (!n.startsWith("fires") && !n.startsWith("passes")) {
        continue;
      }
      if (Files.isDirectory(p) || isManifest(n)) {
        files.add(p);
      } else if (!isExpectFile(p)) {
        throw new AssertionError(n + " in " + dir + " is neither a fixture (a .yaml, .yml or .json file,"
            + " or a story folder) nor the .expect file of a JSON fixture next to it");
      }
    }
    boolean fires = files.stream().anyMatch(p -> nameOf(p).startsWith("fires"));
    boolean passes = files.stream().anyMatch(p -> nameOf(p).startsWith("passes"));
    if (!fires || !passes) {
      throw new AssertionError("rule " + ruleId() + " needs both fires* and passes* fixtures in " + dir);
    }
    return files;
  }

  /**
   * The Pod Security Standards versions a fixture runs at: those of its {@code # pss-versions}
   * header, the one of {@code # pss-version}, or none (the scanner's default) when it has neither.
   */
  public List<PssVersion> versionsOf(Path file) {
    Fixture f = read(file, ruleId());
    if (!f.versions().isEmpty()) {
      return f.versions();
    }
    String single = f.directives().get("pss-version");
    return single == null ? List.of() : List.of(PssVersion.parse(single));
  }

  /**
   * The header directives of a fixture other than {@code param}: {@code profile},
   * {@code pss-version}, {@code pss-versions}, {@code kube-version}, {@code default-namespace}, as
   * written.
   */
  public Map<String, String> headerOf(Path file) {
    return Map.copyOf(read(file, ruleId()).directives());
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

  /** Verifies one fixture (a file or a story folder), at every version it declares. */
  public void verify(Path file) {
    Fixture fixture = read(file, ruleId());
    if (fixture.versions().isEmpty()) {
      run(fixture, null);
    } else {
      for (PssVersion v : fixture.versions()) {
        run(fixture, v);
      }
    }
  }

  /**
   * Verifies a whole-scan fixture: {@code scanner} scans the file (or every file of a story
   * folder, as one scan), and every finding of every rule must match an expectation of the file
   * it is in (same syntax as rule fixtures: {@code # expect:} markers in YAML, the {@code .expect}
   * file of a JSON file), and every expectation a finding. Use it to pin what a profile reports
   * end to end. The scanner's own settings apply; header directives are not read.
   */
  public static void verifyScan(Kubeward scanner, Path file) {
    Fixture fixture = read(file, null);
    ScanReport report = scanner.scan(load(scanner, fixture));
    compare(fixture, report, id -> true, "every rule", null);
  }

  /** As {@link #verifyScan(Kubeward, Path)}, for a file or folder on the test classpath. */
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

  /**
   * One manifest file of a fixture: its text, the comment lines that open its header (its own or,
   * for JSON, those of its {@code .expect} file) and the expectations of every rule, by 1-based line.
   */
  private record Part(Path file, String text, List<String> lines, List<String> header,
      TreeMap<Integer, List<Expect>> expected) {}

  /** A fixture, read and parsed once: one file, or the files of a story folder, scanned together. */
  private record Fixture(Path path, String name, boolean story, List<Part> parts, Map<String, String> directives,
      Map<String, Object> params, List<PssVersion> versions) {}

  /**
   * Reads the fixture at {@code path}. For a rule fixture ({@code ruleId} set) every file must say
   * why it exists, and a fires fixture must expect a finding of the rule, a passes one none.
   */
  private static Fixture read(Path path, String ruleId) {
    boolean story = Files.isDirectory(path);
    String name = nameOf(path) + (story ? "/" : "");
    boolean strict = ruleId != null;
    List<Part> parts = story ? readStory(path, strict) : List.of(readPart(path, strict));
    Map<String, String> directives = new LinkedHashMap<>();
    Map<String, Object> params = new LinkedHashMap<>();
    for (Part part : parts) {
      Map<String, String> own = new LinkedHashMap<>();
      Map<String, Object> ownParams = new LinkedHashMap<>();
      for (String line : part.header()) {
        Matcher d = DIRECTIVE.matcher(line);
        if (!d.matches()) {
          continue;
        }
        if (d.group(1).equals("param")) {
          String[] kv = d.group(2).split("=", 2);
          ownParams.put(kv[0].trim(), kv.length > 1 ? kv[1].trim() : "");
        } else {
          own.put(d.group(1), d.group(2));
        }
      }
      mergeDirectives(name, own, directives, "");
      mergeDirectives(name, ownParams, params, "param ");
    }
    if (directives.containsKey("pss-version") && directives.containsKey("pss-versions")) {
      throw new AssertionError(name + " sets both pss-version and pss-versions");
    }
    List<PssVersion> versions;
    try {
      versions = directives.containsKey("pss-versions") ? parseVersions(directives.get("pss-versions")) : List.of();
      if (directives.containsKey("kube-version")) {
        KubeVersion.parse(directives.get("kube-version"));
      }
      if (directives.containsKey("default-namespace")) {
        ScanSettings.builder().defaultNamespace(directives.get("default-namespace"));
      }
    } catch (IllegalArgumentException e) {
      throw new AssertionError(name + ": " + e.getMessage());
    }
    if (strict) {
      boolean expects = parts.stream().flatMap(p -> p.expected().values().stream()).flatMap(List::stream)
          .anyMatch(e -> e.rule().equals(ruleId));
      boolean fires = name.startsWith("fires");
      if (fires && !expects) {
        throw new AssertionError(name + " is a fires fixture without any '# expect: " + ruleId + "'"
            + (!story && isJson(name) ? " (a line naming " + ruleId + " in " + name + EXPECT_SUFFIX + ")" : ""));
      }
      if (!fires && expects) {
        throw new AssertionError(name + " is a passes fixture but expects findings");
      }
    }
    return new Fixture(path, name, story, parts, directives, params, versions);
  }

  /** Adds {@code own} to {@code all}; fails if a file of a story sets a directive another sets differently. */
  private static <V> void mergeDirectives(String fixture, Map<String, V> own, Map<String, V> all, String what) {
    own.forEach((key, value) -> {
      V before = all.putIfAbsent(key, value);
      if (before != null && !before.equals(value)) {
        throw new AssertionError(fixture + " sets " + what + key + " to two values");
      }
    });
  }

  /** The manifest files of a story folder, in name order; fails on anything else in it. */
  private static List<Part> readStory(Path dir, boolean strict) {
    List<Part> parts = new ArrayList<>();
    for (Path p : list(dir)) {
      String n = nameOf(p);
      if (!Files.isDirectory(p) && isManifest(n)) {
        parts.add(readPart(p, strict));
      } else if (Files.isDirectory(p) || !isExpectFile(p)) {
        throw new AssertionError(nameOf(dir) + "/" + n + " is neither a manifest (.yaml, .yml, .json) nor the"
            + " .expect file of a JSON file next to it: a story folder holds nothing else");
      }
    }
    if (parts.isEmpty()) {
      throw new AssertionError("story folder " + nameOf(dir) + "/ holds no manifest");
    }
    return parts;
  }

  /** Reads one YAML or JSON file, with the {@code .expect} file of a JSON file when there is one. */
  private static Part readPart(Path file, boolean strict) {
    String name = nameOf(file);
    String text = readString(file);
    List<String> lines = text.lines().collect(Collectors.toList());
    if (!isJson(name)) {
      if (strict) {
        requireWhy(name, lines);
      }
      return new Part(file, text, lines, header(lines), expectations(name, lines));
    }
    if (!text.stripLeading().startsWith("{")) {
      throw new AssertionError(name + " must hold a JSON object starting with '{' (otherwise it is read as YAML)");
    }
    Path expectFile = file.resolveSibling(name + EXPECT_SUFFIX);
    if (!Files.isRegularFile(expectFile)) {
      return new Part(file, text, lines, List.of(), new TreeMap<>());
    }
    String expectName = nameOf(expectFile);
    List<String> expectLines = readString(expectFile).lines().collect(Collectors.toList());
    if (strict) {
      requireWhy(expectName, expectLines);
    }
    return new Part(file, text, lines, header(expectLines), expectFile(expectName, expectLines, name, lines.size()));
  }

  private static void requireWhy(String name, List<String> lines) {
    if (lines.isEmpty() || !lines.get(0).startsWith("#")) {
      throw new AssertionError(name + " must start with a comment saying why it exists");
    }
  }

  /** The comment lines a file opens with. */
  private static List<String> header(List<String> lines) {
    int end = 0;
    while (end < lines.size() && lines.get(end).startsWith("#")) {
      end++;
    }
    return lines.subList(0, end);
  }

  /** Every {@code # expect:} marker of {@code lines}, by 1-based line. */
  private static TreeMap<Integer, List<Expect>> expectations(String name, List<String> lines) {
    TreeMap<Integer, List<Expect>> expected = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      if (m.find()) {
        addExpectations(name + ":" + (i + 1), m.group(1), i + 1, expected);
      }
    }
    return expected;
  }

  /**
   * The expectations an {@code .expect} file holds for the JSON file {@code json} of
   * {@code jsonLines} lines, by 1-based line of the JSON file.
   */
  private static TreeMap<Integer, List<Expect>> expectFile(String name, List<String> lines, String json,
      int jsonLines) {
    TreeMap<Integer, List<Expect>> expected = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = name + ":" + (i + 1);
      Matcher m = EXPECT_LINE.matcher(line);
      if (!m.matches()) {
        throw new AssertionError(where + ": cannot read expectation line (expected '<line> <rule-id>')");
      }
      int target = Integer.parseInt(m.group(1));
      if (target < 1 || target > jsonLines) {
        throw new AssertionError(where + ": line " + target + " is not a line of " + json + " (1 to " + jsonLines + ")");
      }
      addExpectations(where, m.group(2), target, expected);
    }
    return expected;
  }

  /** Reads a comma-separated list of expectations ({@code id@column[SEVERITY]*count}) for {@code line}. */
  private static void addExpectations(String where, String list, int line, TreeMap<Integer, List<Expect>> expected) {
    for (String item : list.split(",")) {
      Matcher im = ITEM.matcher(item.trim());
      if (!im.matches()) {
        throw new AssertionError(where + ": cannot read expectation '" + item.trim() + "'");
      }
      int column = im.group(2) == null ? 0 : Integer.parseInt(im.group(2));
      Severity severity;
      try {
        severity = im.group(3) == null ? null : Severity.parse(im.group(3));
      } catch (IllegalArgumentException e) {
        throw new AssertionError(where + ": " + e.getMessage());
      }
      int count = im.group(4) == null ? 1 : Integer.parseInt(im.group(4));
      for (int k = 0; k < count; k++) {
        expected.computeIfAbsent(line, x -> new ArrayList<>()).add(new Expect(im.group(1), column, severity));
      }
    }
  }

  private static boolean isManifest(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml") || isJson(name);
  }

  private static boolean isJson(String name) {
    return name.endsWith(".json");
  }

  /** True for {@code x.json.expect} next to a file {@code x.json}. */
  private static boolean isExpectFile(Path p) {
    String n = nameOf(p);
    return n.endsWith(".json" + EXPECT_SUFFIX) && Files.isRegularFile(p)
        && Files.isRegularFile(p.resolveSibling(n.substring(0, n.length() - EXPECT_SUFFIX.length())));
  }

  private static String nameOf(Path p) {
    return p.getFileName().toString();
  }

  /** The entries of {@code dir}, in name order. */
  private static List<Path> list(Path dir) {
    try (Stream<Path> stream = Files.list(dir)) {
      return stream.sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads every file of {@code fixture} with the loader of {@code scanner}, as one load. */
  private static LoadResult load(Kubeward scanner, Fixture fixture) {
    if (fixture.parts().size() == 1) {
      Part part = fixture.parts().get(0);
      return scanner.loader().loadString(part.file().toString(), part.text());
    }
    List<Resource> resources = new ArrayList<>();
    List<LoadError> errors = new ArrayList<>();
    int files = 0;
    int documents = 0;
    for (Part part : fixture.parts()) {
      LoadResult one = scanner.loader().loadString(part.file().toString(), part.text());
      resources.addAll(one.resources());
      errors.addAll(one.errors());
      files += one.files();
      documents += one.documents();
    }
    return new LoadResult(resources, errors, files, documents);
  }

  /** Scans {@code fixture} at {@code version} (or its own {@code pss-version}, when null) and compares. */
  private void run(Fixture fixture, PssVersion version) {
    Map<String, String> directives = fixture.directives();
    Profile profile = Profile.of(directives.getOrDefault("profile", "all"));
    Set<String> running = new java.util.LinkedHashSet<>();
    running.add(ruleId());
    for (Rule companion : companions) {
      if (profile.includes(companion.metadata())) {
        running.add(companion.metadata().id());
      }
    }
    Kubeward.Builder builder = Kubeward.builder()
        .rules(Stream.concat(Stream.of(rule), companions.stream()).collect(Collectors.toList()))
        .profile(profile)
        .onlyRules(running);
    if (version != null) {
      builder.pssVersion(version);
    } else if (directives.containsKey("pss-version")) {
      builder.pssVersion(PssVersion.parse(directives.get("pss-version")));
    }
    if (directives.containsKey("kube-version")) {
      builder.kubeVersion(KubeVersion.parse(directives.get("kube-version")));
    }
    if (directives.containsKey("default-namespace")) {
      builder.defaultNamespace(directives.get("default-namespace"));
    }
    if (!fixture.params().isEmpty()) {
      builder.configuration(dev.kubeward.engine.Configuration.builder().parameters(ruleId(), fixture.params()).build());
    }
    Kubeward scanner = builder.build();
    ScanReport report = scanner.scan(load(scanner, fixture));
    compare(fixture, report, ruleId()::equals, "rule " + ruleId(), version);
  }

  /**
   * Compares the findings of the rules {@code counted} accepts with the expectations, file by file,
   * line by line and rule by rule.
   */
  private static void compare(Fixture fixture, ScanReport report, Predicate<String> counted, String what,
      PssVersion version) {
    if (!report.errors().isEmpty()) {
      throw new AssertionError(fixture.name() + " does not load cleanly: " + report.errors());
    }
    Map<String, Part> bySource = new HashMap<>();
    Map<String, TreeMap<Integer, List<Finding>>> actual = new HashMap<>();
    for (Part part : fixture.parts()) {
      bySource.put(part.file().toString(), part);
      actual.put(part.file().toString(), new TreeMap<>());
    }
    List<String> problems = new ArrayList<>();
    List<Finding> shown = new ArrayList<>();
    for (Finding f : report.findings()) {
      if (!counted.test(f.rule())) {
        continue;
      }
      shown.add(f);
      Part part = bySource.get(f.file());
      if (part == null) {
        problems.add("a finding of " + f.rule() + " is in " + f.file() + ", which is not a file of the fixture");
      } else {
        actual.get(f.file()).computeIfAbsent(f.line(), x -> new ArrayList<>()).add(f);
      }
    }
    for (Part part : fixture.parts()) {
      String prefix = fixture.story() ? nameOf(part.file()) + " line " : "line ";
      TreeMap<Integer, List<Finding>> found = actual.get(part.file().toString());
      Set<Integer> allLines = new TreeSet<>(found.keySet());
      part.expected().forEach((line, list) -> {
        if (list.stream().anyMatch(e -> counted.test(e.rule()))) {
          allLines.add(line);
        }
      });
      for (int line : allLines) {
        List<Expect> wantAll = part.expected().getOrDefault(line, List.of()).stream()
            .filter(e -> counted.test(e.rule())).collect(Collectors.toList());
        List<Finding> gotAll = found.getOrDefault(line, List.of());
        Set<String> rules = new TreeSet<>();
        wantAll.forEach(e -> rules.add(e.rule()));
        gotAll.forEach(f -> rules.add(f.rule()));
        for (String ruleId : rules) {
          List<Expect> want = wantAll.stream().filter(e -> e.rule().equals(ruleId)).collect(Collectors.toList());
          List<Finding> got = gotAll.stream().filter(f -> f.rule().equals(ruleId)).collect(Collectors.toList());
          String at = prefix + line + ": ";
          if (want.size() != got.size()) {
            problems.add(at + "expected " + want.size() + " finding(s) of " + ruleId + " but got "
                + got.size() + describe(got) + snippet(part, line));
            continue;
          }
          List<Integer> wantColumns = want.stream().map(Expect::column).filter(c -> c > 0).sorted()
              .collect(Collectors.toList());
          if (!wantColumns.isEmpty()) {
            List<Integer> gotColumns = got.stream().map(Finding::column).sorted().collect(Collectors.toList());
            if (!gotColumns.containsAll(wantColumns)) {
              problems.add(at + "expected column(s) " + wantColumns + " of " + ruleId + " but got " + gotColumns);
            }
          }
          List<Severity> remaining = got.stream().map(Finding::severity).collect(Collectors.toList());
          List<Severity> wantSeverities = want.stream().map(Expect::severity).filter(Objects::nonNull)
              .collect(Collectors.toList());
          for (Severity s : wantSeverities) {
            if (!remaining.remove(s)) {
              problems.add(at + "expected severities " + wantSeverities + " of " + ruleId + " but got "
                  + got.stream().map(Finding::severity).collect(Collectors.toList()));
              break;
            }
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      sb.append("Fixture ").append(fixture.path()).append(" of ").append(what);
      if (version != null) {
        sb.append(" at PSS version ").append(version);
      }
      sb.append(" does not hold:\n");
      problems.forEach(p -> sb.append("  ").append(p).append('\n'));
      sb.append("Actual findings:\n");
      for (Finding f : shown) {
        Part part = bySource.get(f.file());
        sb.append("  ").append(part == null ? f.file() : nameOf(part.file())).append(':').append(f.line())
            .append(':').append(f.column()).append(' ').append(f.severity()).append(' ').append(f.message())
            .append(" [").append(f.rule()).append("]\n");
      }
      throw new AssertionError(sb.toString());
    }
  }

  /** The line of {@code part} a problem is about, to read it in place. */
  private static String snippet(Part part, int line) {
    return line >= 1 && line <= part.lines().size() ? "  | " + part.lines().get(line - 1).trim() : "";
  }

  private static String describe(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "";
    }
    return " " + findings.stream().map(f -> f.line() + ":" + f.column() + " " + f.message())
        .collect(Collectors.joining("; ", "[", "]"));
  }
}
