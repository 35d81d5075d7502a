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

  /**
   * A builder for a finding of rule {@code rule} on {@code resource}, for code that makes findings
   * of its own (a report writer's tests, a tool that merges reports): fields added to findings
   * later get defaults there, so such code keeps compiling. Unset, the severity is
   * {@link Severity#MEDIUM}, the topic {@link Topic#HYGIENE}, the file {@code "-"}, line and column
   * 1, the path empty (the object itself), and the key the stable key of rule, resource identity
   * and path.
   */
  public static Builder builder(String rule, ResourceRef resource) {
    return new Builder(rule, resource);
  }

  /** A builder holding every field of this finding. */
  public Builder toBuilder() {
    Builder b = new Builder(rule, resource);
    b.severity = severity;
    b.topic = topic;
    b.controls = controls;
    b.message = message;
    b.file = file;
    b.line = line;
    b.column = column;
    b.path = path;
    b.suppressed = suppressed;
    b.suppression = suppression;
    b.related = related;
    b.key = key;
    b.baselined = baselined;
    b.unverified = unverified;
    b.template = template;
    return b;
  }

  /** Builds a {@link Finding}; see {@link Finding#builder(String, ResourceRef)}. */
  public static final class Builder {
    private String rule;
    private ResourceRef resource;
    private Severity severity = Severity.MEDIUM;
    private Topic topic = Topic.HYGIENE;
    private List<String> controls = List.of();
    private String message;
    private String file = "-";
    private int line = 1;
    private int column = 1;
    private String path = "";
    private boolean suppressed;
    private String suppression;
    private List<RelatedLocation> related = List.of();
    private String key;
    private boolean baselined;
    private boolean unverified;
    private String template;

    private Builder(String rule, ResourceRef resource) {
      this.rule = Objects.requireNonNull(rule, "rule");
      this.resource = Objects.requireNonNull(resource, "resource");
    }

    public Builder rule(String rule) {
      this.rule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    public Builder resource(ResourceRef resource) {
      this.resource = Objects.requireNonNull(resource, "resource");
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = Objects.requireNonNull(severity, "severity");
      return this;
    }

    public Builder topic(Topic topic) {
      this.topic = Objects.requireNonNull(topic, "topic");
      return this;
    }

    public Builder controls(List<String> controls) {
      this.controls = List.copyOf(controls);
      return this;
    }

    /** One sentence, no trailing period. Required. */
    public Builder message(String message) {
      this.message = Objects.requireNonNull(message, "message");
      return this;
    }

    /** Where the finding is: the source name as given, 1-based line and column. */
    public Builder at(String file, int line, int column) {
      this.file = Objects.requireNonNull(file, "file");
      if (line < 0 || column < 0) {
        throw new IllegalArgumentException("line and column must not be negative");
      }
      this.line = line;
      this.column = column;
      return this;
    }

    /** The JSON Pointer into the resource; empty for the object itself. */
    public Builder path(String path) {
      this.path = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Suppressed, for {@code reason}. */
    public Builder suppressed(String reason) {
      this.suppressed = true;
      this.suppression = Objects.requireNonNull(reason, "reason");
      return this;
    }

    /** Not suppressed. */
    public Builder unsuppressed() {
      this.suppressed = false;
      this.suppression = null;
      return this;
    }

    public Builder related(List<RelatedLocation> related) {
      this.related = List.copyOf(related);
      return this;
    }

    /** The stable key; unset, it is made of the rule, the resource's identity and the path. */
    public Builder key(String key) {
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    public Builder baselined(boolean baselined) {
      this.baselined = baselined;
      return this;
    }

    public Builder unverified(boolean unverified) {
      this.unverified = unverified;
      return this;
    }

    /** The chart template the object was rendered from, or {@code null}. */
    public Builder template(String template) {
      this.template = template;
      return this;
    }

    /** The finding; {@link IllegalStateException} if no message was given. */
    public Finding build() {
      if (message == null) {
        throw new IllegalStateException("a finding needs a message");
      }
      return new Finding(rule, severity, topic, controls, message, resource, file, line, column, path, suppressed,
          suppression, related, key != null ? key : FindingKeys.key(rule, resource.identity(), path), baselined,
          unverified, template);
    }
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
