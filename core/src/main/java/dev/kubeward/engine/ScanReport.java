/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.load.LoadError;
import dev.kubeward.load.PartialDocument;
import dev.kubeward.load.SkippedFile;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one scan: findings in report order, errors for input that could not be checked,
 * the rules that ran, and counts. Immutable.
 *
 * @param rules the rules that ran, with {@link #severityOf(String)} giving their effective
 *     severity
 * @param skipped the files that were not checked at all (they hold no Kubernetes object, or an
 *     exclude matched them), which every report names
 * @param baseline what the baseline of the scan did, or {@code null} when it had none
 * @param partial the documents that were checked only in part (template placeholders, kustomize
 *     patches), which every report names and which make the exit code 2 unless allowed
 */
public record ScanReport(
    String toolVersion,
    int files,
    int documents,
    int resources,
    List<Finding> findings,
    List<LoadError> errors,
    List<RuleMetadata> rules,
    Map<String, Severity> severities,
    List<SkippedFile> skipped,
    Baseline.Applied baseline,
    List<PartialDocument> partial) {

  public ScanReport {
    // A scan's compressed findings are immutable already: copying them would expand every one.
    findings = findings instanceof FindingStore ? findings : List.copyOf(findings);
    errors = List.copyOf(errors);
    rules = List.copyOf(rules);
    severities = Map.copyOf(severities);
    skipped = List.copyOf(skipped);
    partial = List.copyOf(partial);
  }

  /** A report in which every document was checked fully. */
  public ScanReport(String toolVersion, int files, int documents, int resources, List<Finding> findings,
      List<LoadError> errors, List<RuleMetadata> rules, Map<String, Severity> severities, List<SkippedFile> skipped,
      Baseline.Applied baseline) {
    this(toolVersion, files, documents, resources, findings, errors, rules, severities, skipped, baseline, List.of());
  }

  /** A report without a baseline. */
  public ScanReport(String toolVersion, int files, int documents, int resources, List<Finding> findings,
      List<LoadError> errors, List<RuleMetadata> rules, Map<String, Severity> severities, List<SkippedFile> skipped) {
    this(toolVersion, files, documents, resources, findings, errors, rules, severities, skipped, null);
  }

  /** A report that skipped no file. */
  public ScanReport(String toolVersion, int files, int documents, int resources, List<Finding> findings,
      List<LoadError> errors, List<RuleMetadata> rules, Map<String, Severity> severities) {
    this(toolVersion, files, documents, resources, findings, errors, rules, severities, List.of());
  }

  /**
   * A builder for a report, for code that makes reports of its own (a tool that merges the reports
   * of several scans, a report writer's tests): fields added to reports later get defaults there,
   * so such code keeps compiling. Unset, the tool version is {@link Kubeward#VERSION}, the counts
   * 0, every list empty and there is no baseline. Findings are kept in the order given; sort them
   * with {@link Finding#ORDER} for the order of every report.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding every field of this report. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.toolVersion = toolVersion;
    b.files = files;
    b.documents = documents;
    b.resources = resources;
    b.findings = findings;
    b.errors = errors;
    b.rules = rules;
    b.severities = severities;
    b.skipped = skipped;
    b.baseline = baseline;
    b.partial = partial;
    return b;
  }

  /** Builds a {@link ScanReport}; see {@link ScanReport#builder()}. */
  public static final class Builder {
    private String toolVersion = Kubeward.VERSION;
    private int files;
    private int documents;
    private int resources;
    private List<Finding> findings = List.of();
    private List<LoadError> errors = List.of();
    private List<RuleMetadata> rules = List.of();
    private Map<String, Severity> severities = Map.of();
    private List<SkippedFile> skipped = List.of();
    private Baseline.Applied baseline;
    private List<PartialDocument> partial = List.of();

    private Builder() {}

    public Builder toolVersion(String toolVersion) {
      this.toolVersion = java.util.Objects.requireNonNull(toolVersion, "toolVersion");
      return this;
    }

    /** How many files, documents and resources were read. */
    public Builder counts(int files, int documents, int resources) {
      if (files < 0 || documents < 0 || resources < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
      this.files = files;
      this.documents = documents;
      this.resources = resources;
      return this;
    }

    public Builder findings(List<Finding> findings) {
      this.findings = List.copyOf(findings);
      return this;
    }

    public Builder errors(List<LoadError> errors) {
      this.errors = List.copyOf(errors);
      return this;
    }

    /**
     * The rules that ran, each at its default severity unless {@link #severity(String, Severity)}
     * says otherwise.
     */
    public Builder rules(List<RuleMetadata> rules) {
      this.rules = List.copyOf(rules);
      Map<String, Severity> merged = new java.util.LinkedHashMap<>();
      for (RuleMetadata m : this.rules) {
        merged.put(m.id(), m.severity());
      }
      merged.putAll(severities);
      this.severities = merged;
      return this;
    }

    /** The effective severity of rule {@code id} in the scan. */
    public Builder severity(String id, Severity severity) {
      Map<String, Severity> merged = new java.util.LinkedHashMap<>(severities);
      merged.put(java.util.Objects.requireNonNull(id, "id"), java.util.Objects.requireNonNull(severity, "severity"));
      this.severities = merged;
      return this;
    }

    public Builder skipped(List<SkippedFile> skipped) {
      this.skipped = List.copyOf(skipped);
      return this;
    }

    /** What a baseline did to the report, or {@code null} for none. */
    public Builder baseline(Baseline.Applied baseline) {
      this.baseline = baseline;
      return this;
    }

    public Builder partial(List<PartialDocument> partial) {
      this.partial = List.copyOf(partial);
      return this;
    }

    public ScanReport build() {
      return new ScanReport(toolVersion, files, documents, resources, findings, errors, rules, severities, skipped,
          baseline, partial);
    }
  }

  /** This report with {@code findings} in place of its own (suppressed ones included). */
  public ScanReport withFindings(List<Finding> findings) {
    return new ScanReport(toolVersion, files, documents, resources, findings, errors, rules, severities, skipped,
        baseline, partial);
  }

  /** This report, recording what {@code baseline} did to it ({@link Baseline#apply} calls this). */
  public ScanReport withBaseline(Baseline.Applied baseline) {
    return new ScanReport(toolVersion, files, documents, resources, findings, errors, rules, severities, skipped,
        baseline, partial);
  }

  /** Number of findings marked unverified (their verdict depends on a template placeholder). */
  public int unverifiedCount() {
    return (int) findings.stream().filter(Finding::unverified).count();
  }

  /** Number of findings a baseline accepted. */
  public int baselinedCount() {
    return (int) findings.stream().filter(Finding::baselined).count();
  }

  /** The effective severity of rule {@code id} in this scan. */
  public Severity severityOf(String id) {
    return severities.get(id);
  }

  /** Findings that are not suppressed. */
  public List<Finding> activeFindings() {
    return findings.stream().filter(f -> !f.suppressed()).toList();
  }

  /** Number of suppressed findings. */
  public int suppressedCount() {
    return (int) findings.stream().filter(Finding::suppressed).count();
  }

  /** Unsuppressed findings per severity, every severity present. */
  public Map<Severity, Integer> countBySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    for (Finding f : findings) {
      if (!f.suppressed()) {
        counts.merge(f.severity(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /**
   * The process exit code: 2 if any input could not be checked, or was checked only in part, else
   * 1 if a finding that is neither suppressed nor baselined is at or above {@code failOn}, else 0.
   */
  public int exitCode(Severity failOn) {
    return exitCode(failOn, false);
  }

  /**
   * As {@link #exitCode(Severity)}, but with {@code allowPartial} a document checked only in part
   * (see {@link #partial()}) does not make it 2.
   */
  public int exitCode(Severity failOn, boolean allowPartial) {
    if (!errors.isEmpty() || !allowPartial && !partial.isEmpty()) {
      return 2;
    }
    for (Finding f : findings) {
      if (f.counts() && f.severity().isAtLeast(failOn)) {
        return 1;
      }
    }
    return 0;
  }
}
