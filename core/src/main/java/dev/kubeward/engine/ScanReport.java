/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.load.LoadError;
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
    Baseline.Applied baseline) {

  public ScanReport {
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    rules = List.copyOf(rules);
    severities = Map.copyOf(severities);
    skipped = List.copyOf(skipped);
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
        baseline);
  }

  /** This report, recording what {@code baseline} did to it ({@link Baseline#apply} calls this). */
  public ScanReport withBaseline(Baseline.Applied baseline) {
    return new ScanReport(toolVersion, files, documents, resources, findings, errors, rules, severities, skipped,
        baseline);
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
   * The process exit code: 2 if any input could not be checked, else 1 if a finding that is
   * neither suppressed nor baselined is at or above {@code failOn}, else 0.
   */
  public int exitCode(Severity failOn) {
    if (!errors.isEmpty()) {
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
