/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One problem found by one rule on one resource, with the exact place in the input.
 *
 * @param rule the rule id
 * @param severity the effective severity (after profile and configuration)
 * @param controls standard references
 * @param message one sentence, no trailing period
 * @param file the source name as given
 * @param line 1-based line of the offending node (or of the object lacking a field)
 * @param column 1-based column
 * @param path JSON Pointer into the resource
 * @param suppressed true if an annotation or an exemption suppresses it
 * @param suppression why, when suppressed; otherwise {@code null}
 * @param related places in this or other resources that explain the finding
 * @param key the stable key: rule id, resource identity and a discriminator the rule supplies;
 *     independent of line numbers and of how the path was given on the command line, and unique
 *     among the findings of one scan
 * @param baselined true if a baseline accepted the finding (it is reported, marked, and does not
 *     count for the exit code)
 * @param unverified true if the verdict depends on a template placeholder: the node the finding
 *     points at, or one of its related locations, holds a value that a template still has to fill
 *     in (see {@link dev.kubeward.model.Placeholders#holdsPlaceholder}); the finding is reported,
 *     marked, and counts as any other
 * @param template the chart template the object was rendered from, as the {@code # Source:}
 *     comment of {@code helm template} output names it, or {@code null}
 */
public record Finding(
    String rule,
    Severity severity,
    Topic topic,
    List<String> controls,
    String message,
    ResourceRef resource,
    String file,
    int line,
    int column,
    String path,
    boolean suppressed,
    String suppression,
    List<RelatedLocation> related,
    String key,
    boolean baselined,
    boolean unverified,
    String template) {

  /** Source, line, column, rule id, then message and path: the order of every report. */
  public static final Comparator<Finding> ORDER = Finding::compare;

  private static int compare(Finding a, Finding b) {
    // Findings of one file share its name, and of one rule its id: identity settles most ties
    // without comparing the characters of long paths.
    int c = compareText(a.file, b.file);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.line, b.line);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.column, b.column);
    if (c != 0) {
      return c;
    }
    c = compareText(a.rule, b.rule);
    if (c != 0) {
      return c;
    }
    c = compareText(a.message, b.message);
    return c != 0 ? c : compareText(a.path, b.path);
  }

  private static int compareText(String a, String b) {
    return a == b ? 0 : a.compareTo(b);
  }

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(topic, "topic");
    controls = List.copyOf(controls);
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    related = List.copyOf(related);
    Objects.requireNonNull(key, "key");
  }

  /** A finding that does not depend on a placeholder and names no chart template. */
  public Finding(String rule, Severity severity, Topic topic, List<String> controls, String message,
      ResourceRef resource, String file, int line, int column, String path, boolean suppressed,
      String suppression, List<RelatedLocation> related, String key, boolean baselined) {
    this(rule, severity, topic, controls, message, resource, file, line, column, path, suppressed,
        suppression, related, key, baselined, false, null);
  }

  /** A finding that no baseline accepted. */
  public Finding(String rule, Severity severity, Topic topic, List<String> controls, String message,
      ResourceRef resource, String file, int line, int column, String path, boolean suppressed,
      String suppression, List<RelatedLocation> related, String key) {
    this(rule, severity, topic, controls, message, resource, file, line, column, path, suppressed,
        suppression, related, key, false);
  }

  /**
   * A finding without related locations, keyed by rule, resource identity and {@code path}.
   */
  public Finding(String rule, Severity severity, Topic topic, List<String> controls, String message,
      ResourceRef resource, String file, int line, int column, String path, boolean suppressed,
      String suppression) {
    this(rule, severity, topic, controls, message, resource, file, line, column, path, suppressed,
        suppression, List.of(), FindingKeys.key(rule, resource.identity(), path));
  }

  /** This finding with {@code key} instead of its own. */
  public Finding withKey(String key) {
    return new Finding(rule, severity, topic, controls, message, resource, file, line, column, path,
        suppressed, suppression, related, key, baselined, unverified, template);
  }

  /** This finding, accepted by a baseline or not. */
  public Finding withBaselined(boolean baselined) {
    return new Finding(rule, severity, topic, controls, message, resource, file, line, column, path,
        suppressed, suppression, related, key, baselined, unverified, template);
  }

  /** True if the finding counts for the exit code: neither suppressed nor accepted by a baseline. */
  public boolean counts() {
    return !suppressed && !baselined;
  }

  /** {@code file:line:col}. */
  public String location() {
    return file + ":" + line + ":" + column;
  }

  @Override
  public String toString() {
    return location() + ": " + severity + " " + message + " [" + rule + "]" + (suppressed ? " (suppressed)" : "")
        + (unverified ? " (unverified)" : "");
  }
}
