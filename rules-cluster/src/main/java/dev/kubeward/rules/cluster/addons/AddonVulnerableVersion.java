/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.addons;

import dev.kubeward.model.Container;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A widely deployed add-on whose image tag is a release with known vulnerabilities, from a table
 * users can extend. The version is read from the tag only: {@code v1.11.4}, {@code 1.11.4} or a
 * pre-release of it ({@code v1.12.0-beta.0} counts as 1.12.0). A matching image without such a tag
 * (only a digest, {@code latest}, or a vendor tag such as {@code 1.11.4-debian-12-r3}) has an
 * unknown version, reported at LOW, never taken as safe.
 *
 * <p>A row is {@code repository|constraints|fixed|CVE ids}: the repository path matches at a path
 * boundary whatever the registry ({@code ingress-nginx/controller}; an architecture suffix such as
 * {@code -amd64} of the last segment is ignored), constraints are space-separated comparisons
 * ({@code >=1.12.0 <1.12.1}), fixed is the release to move to, and the CVE ids are space-separated.
 */
public final class AddonVulnerableVersion implements ResourceRule {

  private static final List<String> TABLE = List.of(
      "ingress-nginx/controller|<1.11.5|1.11.5|CVE-2025-1974 CVE-2025-1097 CVE-2025-1098 CVE-2025-24514",
      "ingress-nginx/controller|>=1.12.0 <1.12.1|1.12.1|CVE-2025-1974 CVE-2025-1097 CVE-2025-1098 CVE-2025-24514",
      "ingress-nginx/controller-chroot|<1.11.5|1.11.5|CVE-2025-1974 CVE-2025-1097 CVE-2025-1098 CVE-2025-24514",
      "ingress-nginx/controller-chroot|>=1.12.0 <1.12.1|1.12.1"
          + "|CVE-2025-1974 CVE-2025-1097 CVE-2025-1098 CVE-2025-24514",
      "kubernetes-ingress-controller/nginx-ingress-controller|<1.11.5|registry.k8s.io/ingress-nginx/controller 1.11.5"
          + "|CVE-2025-1974 CVE-2025-1097 CVE-2025-1098 CVE-2025-24514",
      "kubernetes-dashboard|<1.10.1|1.10.1|CVE-2018-18264");

  static final ParameterKey<List<String>> RELEASES = ParameterKey.ofList("vulnerableReleases", TABLE,
      "Known-vulnerable releases, one row each: repository|constraints|fixed|CVE ids, where the repository"
      + " path matches at a path boundary whatever the registry, constraints are space-separated comparisons"
      + " of the tag's version (<1.11.5 or >=1.12.0 <1.12.1), fixed names the release to move to and the CVE"
      + " ids are space-separated. Setting it replaces the built-in table; extraVulnerableReleases adds to it.");

  static final ParameterKey<List<String>> EXTRA = ParameterKey.ofList("extraVulnerableReleases", List.of(),
      "More rows in the form of vulnerableReleases, added to it.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("addon-vulnerable-version")
      .title("Add-on release with known vulnerabilities")
      .severity(Severity.HIGH)
      .topic(Topic.UPDATES)
      .controls("cve:CVE-2025-1974", "cve:CVE-2025-1097", "cve:CVE-2025-1098", "cve:CVE-2025-24514",
          "cve:CVE-2018-18264")
      .kinds(RuleMetadata.WORKLOADS)
      .parameters(RELEASES, EXTRA)
      .rationale("Cluster add-ons such as ingress controllers run with broad permissions and face the"
          + " network, so their published vulnerabilities are attacked first: the ingress-nginx controller"
          + " before 1.11.5, and 1.12.0, lets anything that reaches its admission webhook run code in the"
          + " controller and read every Secret of the cluster (IngressNightmare, CVE-2025-1974); the"
          + " Dashboard before 1.10.1 let users skip authentication (CVE-2018-18264). The version is read"
          + " from the image tag; an image pinned only by digest or with a vendor tag has an unknown"
          + " version, which is reported rather than assumed safe.")
      .remediation("Upgrade the add-on to the fixed release or later, and tag its image with that version.")
      .build();

  /** One row of the table. */
  record Row(String repository, List<Constraint> constraints, String fixed, List<String> cves) {

    static Row parse(String text) {
      String[] parts = text.split("\\|", -1);
      if (parts.length != 4 || parts[0].isBlank() || parts[2].isBlank()) {
        throw new IllegalArgumentException("parameter " + RELEASES + " of rule " + METADATA.id()
            + " needs rows of the form repository|constraints|fixed|CVE ids");
      }
      List<Constraint> constraints = new ArrayList<>();
      for (String c : parts[1].trim().split("\\s+")) {
        if (!c.isEmpty()) {
          constraints.add(Constraint.parse(c));
        }
      }
      List<String> cves = new ArrayList<>();
      for (String id : parts[3].trim().split("\\s+")) {
        if (!id.isEmpty()) {
          cves.add(id.toUpperCase(Locale.ROOT));
        }
      }
      return new Row(parts[0].trim().toLowerCase(Locale.ROOT), List.copyOf(constraints), parts[2].trim(),
          List.copyOf(cves));
    }

    /**
     * Whether an image of repository {@code path} is of this row's repository; {@code stripped} is
     * {@code path} with the architecture suffix of its name left out ({@link #stripped}).
     */
    boolean matches(String path, String stripped) {
      return endsAt(path, repository) || endsAt(stripped, repository);
    }

    /** The repository path of {@code ref} with the architecture suffix of its name left out. */
    static String stripped(ImageRef ref) {
      String path = ref.path();
      return path.substring(0, path.length() - ref.name().length()) + ref.nameWithoutArch();
    }

    boolean affects(int[] version) {
      for (Constraint c : constraints) {
        if (!c.holds(version)) {
          return false;
        }
      }
      return true;
    }

    /** Whether {@code path} is {@code suffix} or ends with {@code /} and {@code suffix}. */
    private static boolean endsAt(String path, String suffix) {
      int at = path.length() - suffix.length();
      return path.endsWith(suffix) && (at == 0 || at > 0 && path.charAt(at - 1) == '/');
    }
  }

  /** A comparison of a version with a bound. */
  record Constraint(String op, int[] bound) {
    static Constraint parse(String text) {
      Matcher m = Pattern.compile("(<=|>=|<|>|=)?v?(\\d+(?:\\.\\d+){0,2})").matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException("parameter " + RELEASES + " of rule " + METADATA.id()
            + " has a constraint that is not a comparison with a version such as <1.11.5");
      }
      return new Constraint(m.group(1) == null ? "=" : m.group(1), numbers(m.group(2)));
    }

    boolean holds(int[] version) {
      int c = compare(version, bound);
      switch (op) {
        case "<":
          return c < 0;
        case "<=":
          return c <= 0;
        case ">":
          return c > 0;
        case ">=":
          return c >= 0;
        default:
          return c == 0;
      }
    }
  }

  private static final Pattern RELEASE_TAG =
      Pattern.compile("v?(\\d+\\.\\d+\\.\\d+)(?:-(?:alpha|beta|rc)(?:[.-]?\\d+)*)?", Pattern.CASE_INSENSITIVE);

  private final List<Row> rows;

  public AddonVulnerableVersion() {
    this(Parameters.defaults(METADATA));
  }

  private AddonVulnerableVersion(Parameters parameters) {
    List<Row> parsed = new ArrayList<>();
    for (String text : parameters.get(RELEASES)) {
      parsed.add(Row.parse(text));
    }
    for (String text : parameters.get(EXTRA)) {
      parsed.add(Row.parse(text));
    }
    this.rows = List.copyOf(parsed);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new AddonVulnerableVersion(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    if (rows.isEmpty()) {
      return;
    }
    for (Container c : resource.podSpec().containers()) {
      String image = c.image().text();
      if (image == null || image.isBlank()) {
        continue;
      }
      ImageRef ref = ImageRef.parse(image);
      String path = ref.path();
      String stripped = Row.stripped(ref);
      int[] version = null;
      boolean versioned = false;
      Set<String> unknownCves = null;
      Set<String> unknownFixes = null;
      for (Row row : rows) {
        if (!row.matches(path, stripped)) {
          continue;
        }
        if (!versioned) {
          version = versionOf(ref.tag());
          versioned = true;
        }
        if (version == null) {
          if (unknownCves == null) {
            unknownCves = new LinkedHashSet<>();
            unknownFixes = new LinkedHashSet<>();
          }
          unknownCves.addAll(row.cves());
          unknownFixes.add(row.fixed());
        } else if (row.affects(version)) {
          context.finding(resource, c.image())
              .message(c.describe() + " of " + resource.displayName() + " runs \"" + image + "\", release "
                  + ref.tag() + " with " + String.join(", ", row.cves()) + ": fixed in " + row.fixed())
              .controls(controls(row.cves()))
              .key(c.name() + ":" + row.repository() + ":" + row.fixed())
              .report();
        }
      }
      if (unknownCves != null) {
        String why = ref.tag() == null
            ? (ref.digest() != null ? "it is pinned only by digest" : "it has no tag, so latest")
            : "its tag \"" + ref.tag() + "\" is not a release version";
        context.finding(resource, c.image())
            .message(c.describe() + " of " + resource.displayName() + " runs \"" + image + "\" of unknown version ("
                + why + "), so it cannot be checked for " + String.join(", ", unknownCves) + " (fixed in "
                + String.join(" or ", unknownFixes) + ")")
            .controls(controls(List.copyOf(unknownCves)))
            .severity(Severity.LOW)
            .key(c.name() + ":unknown")
            .report();
      }
    }
  }

  private static List<String> controls(List<String> cves) {
    List<String> out = new ArrayList<>(cves.size());
    for (String id : cves) {
      out.add("cve:" + id);
    }
    return out;
  }

  /** The version a release tag names, or {@code null} for a tag that is not a release version. */
  static int[] versionOf(String tag) {
    if (tag == null) {
      return null;
    }
    Matcher m = RELEASE_TAG.matcher(tag);
    return m.matches() ? numbers(m.group(1)) : null;
  }

  private static int[] numbers(String dotted) {
    String[] parts = dotted.split("\\.");
    int[] out = new int[3];
    for (int i = 0; i < parts.length && i < 3; i++) {
      out[i] = Integer.parseInt(parts[i]);
    }
    return out;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
