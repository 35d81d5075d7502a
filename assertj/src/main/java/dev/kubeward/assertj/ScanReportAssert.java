package dev.kubeward.assertj;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.load.LoadError;
import dev.kubeward.rule.Severity;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link ScanReport}; failure messages list the actual findings as {@code file:line:col}. */
public final class ScanReportAssert extends AbstractAssert<ScanReportAssert, ScanReport> {

  ScanReportAssert(ScanReport actual) {
    super(actual, ScanReportAssert.class);
  }

  /** No unsuppressed finding and no error. */
  public ScanReportAssert hasNoFindings() {
    isNotNull();
    hasNoErrors();
    List<Finding> active = actual.activeFindings();
    if (!active.isEmpty()) {
      failWithMessage("%nExpecting scan report%nto have no findings%nbut found %d:%n%s", active.size(), list(active));
    }
    return this;
  }

  /** No input that could not be checked. */
  public ScanReportAssert hasNoErrors() {
    isNotNull();
    if (!actual.errors().isEmpty()) {
      failWithMessage("%nExpecting scan report%nto have no errors%nbut found %d:%n%s", actual.errors().size(),
          actual.errors().stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
    }
    return this;
  }

  /** No unsuppressed finding of {@code severity} or worse. */
  public ScanReportAssert hasNoFindingsAtOrAbove(Severity severity) {
    isNotNull();
    List<Finding> bad = actual.activeFindings().stream()
        .filter(f -> f.severity().isAtLeast(severity)).collect(Collectors.toList());
    if (!bad.isEmpty()) {
      failWithMessage("%nExpecting scan report%nto have no findings at or above %s%nbut found %d:%n%s",
          severity, bad.size(), list(bad));
    }
    return this;
  }

  /** An unsuppressed finding of {@code ruleId} at {@code line} of {@code file}. */
  public ScanReportAssert hasFinding(String ruleId, String file, int line) {
    isNotNull();
    boolean found = actual.activeFindings().stream()
        .anyMatch(f -> f.rule().equals(ruleId) && f.file().equals(file) && f.line() == line);
    if (!found) {
      failWithMessage("%nExpecting scan report%nto have a finding of %s at %s:%d%nbut found:%n%s",
          ruleId, file, line, list(actual.activeFindings()));
    }
    return this;
  }

  /** No unsuppressed finding of {@code ruleId}. */
  public ScanReportAssert hasNoFindingOf(String ruleId) {
    isNotNull();
    List<Finding> bad = actual.activeFindings().stream()
        .filter(f -> f.rule().equals(ruleId)).collect(Collectors.toList());
    if (!bad.isEmpty()) {
      failWithMessage("%nExpecting scan report%nto have no finding of %s%nbut found %d:%n%s", ruleId, bad.size(), list(bad));
    }
    return this;
  }

  static String list(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "  (none)";
    }
    return findings.stream()
        .map(f -> "  " + f.location() + ": " + f.severity() + " " + f.message() + " [" + f.rule() + "]")
        .collect(Collectors.joining("\n"));
  }

  static String errors(List<LoadError> errors) {
    return errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
  }
}
