/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.evasion;

import dev.kubeward.engine.Configuration;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.rule.PssVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The evasion fixtures: {@code evasion/<family>/fires-<trick>.yaml} and its twin
 * {@code passes-<trick>.yaml}, one directory per Pod Security check family, each file hiding a
 * violation (or its compliant twin) behind one YAML or Kubernetes trick, with {@code # expect:}
 * markers as the rule fixture kit reads them. The header of a file picks the scanner:
 * {@code # profile: <id>} (default {@code pss-restricted}), {@code # pss-version: v1.N} (default
 * latest), {@code # enable: id, id} (rules beyond the profile) and {@code # rules: id, id} (only
 * these rules). Scanners are found through ServiceLoader, as the CLI finds them, and built once per
 * header.
 */
final class EvasionFixtures {

  /** Every Pod Security check family, by directory. */
  static final List<String> FAMILIES = List.of(
      "privileged", "host-namespaces", "host-path", "host-ports", "capabilities", "app-armor", "se-linux",
      "proc-mount", "seccomp", "sysctls", "allow-privilege-escalation", "run-as-non-root", "run-as-user",
      "windows-host-process", "host-probes");

  private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*(profile|pss-version|enable|rules):\\s*(.+?)\\s*$");
  private static final Map<Map<String, String>, Kubeward> SCANNERS = new ConcurrentHashMap<>();

  private EvasionFixtures() {}

  /** The {@code evasion} directory on the test classpath. */
  static Path root() {
    URL url = EvasionFixtures.class.getClassLoader().getResource("evasion");
    if (url == null) {
      throw new AssertionError("no evasion fixtures on the test classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError("evasion fixtures are not a plain directory: " + url, e);
    }
  }

  /** Every {@code fires-*.yaml} and {@code passes-*.yaml} of every family, in path order. */
  static List<Path> all() {
    return FAMILIES.stream()
        .map(root()::resolve)
        .filter(Files::isDirectory)
        .flatMap(dir -> files(dir).stream())
        .collect(Collectors.toList());
  }

  /** The fixture files of one family directory, in name order. */
  static List<Path> files(Path dir) {
    try (Stream<Path> stream = Files.list(dir)) {
      return stream.filter(p -> {
        String n = p.getFileName().toString();
        return (n.startsWith("fires-") || n.startsWith("passes-")) && n.endsWith(".yaml");
      }).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code <family>/<file>}, for test names. */
  static String name(Path fixture) {
    return fixture.getParent().getFileName() + "/" + fixture.getFileName();
  }

  static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scanner the header of {@code fixture} asks for. */
  static Kubeward scanner(Path fixture) {
    Map<String, String> header = new LinkedHashMap<>();
    for (String line : text(fixture).lines().collect(Collectors.toList())) {
      if (!line.startsWith("#")) {
        break;
      }
      Matcher m = DIRECTIVE.matcher(line);
      if (m.matches()) {
        header.put(m.group(1), m.group(2));
      }
    }
    return SCANNERS.computeIfAbsent(header, EvasionFixtures::build);
  }

  private static Kubeward build(Map<String, String> header) {
    Kubeward.Builder builder = Kubeward.builder()
        .profile(Profile.of(header.getOrDefault("profile", Profile.PSS_RESTRICTED.id())))
        .configuration(Configuration.builder().enableRules(ids(header.get("enable"))).build())
        .onlyRules(ids(header.get("rules")));
    if (header.containsKey("pss-version")) {
      builder.pssVersion(PssVersion.parse(header.get("pss-version")));
    }
    return builder.build();
  }

  private static Set<String> ids(String list) {
    if (list == null) {
      return Set.of();
    }
    return Arrays.stream(list.split(",")).map(String::trim).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Loads {@code input} with the scanner's own loader, as the bytes of a file named {@code name}, and scans it. */
  static ScanReport scan(Kubeward scanner, String name, byte[] input) {
    return scanner.scan(scanner.loader().loadBytes(name, input));
  }

  /** Scans {@code fixture} as written. */
  static ScanReport scan(Path fixture) {
    return scan(scanner(fixture), fixture.getFileName().toString(), text(fixture).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The findings of {@code report} as comparable lines ({@code line:column SEVERITY rule path
   * message}), with every column moved by {@code columnShift}; the source name is left out.
   */
  static List<String> describe(ScanReport report, int columnShift) {
    return report.findings().stream()
        .map(f -> describe(f, columnShift))
        .collect(Collectors.toList());
  }

  private static String describe(Finding f, int columnShift) {
    return f.line() + ":" + (f.column() + columnShift) + " " + f.severity() + " " + f.rule() + " " + f.path() + " "
        + f.message();
  }
}
