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
    String suppression) {

  /** Source, line, column, rule id, then message: the order of every report. */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
      .thenComparingInt(Finding::line)
      .thenComparingInt(Finding::column)
      .thenComparing(Finding::rule)
      .thenComparing(Finding::message)
      .thenComparing(Finding::path);

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(topic, "topic");
    controls = List.copyOf(controls);
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
  }

  /** {@code file:line:col}. */
  public String location() {
    return file + ":" + line + ":" + column;
  }

  @Override
  public String toString() {
    return location() + ": " + severity + " " + message + " [" + rule + "]" + (suppressed ? " (suppressed)" : "");
  }
}
