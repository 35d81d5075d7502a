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
