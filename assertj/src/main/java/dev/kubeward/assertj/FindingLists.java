/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.load.LoadError;
import dev.kubeward.rule.RuleMetadata;
import java.util.List;

/** The lists that failure messages show: findings and errors, two spaces in, one per line. */
final class FindingLists {

  private FindingLists() {}

  /** One line per finding, {@code file:line:col: SEVERITY message [rule-id]}, or {@code (none)}. */
  static String brief(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "  (none)";
    }
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      line(sb, f);
    }
    return sb.substring(0, sb.length() - 1);
  }

  /**
   * As {@link #brief}, each finding followed by what fixes it (the rule's remediation, when
   * {@code report} knows the rule) and how to accept it instead: the suppression annotation.
   */
  static String detailed(ScanReport report, List<Finding> findings) {
    if (findings.isEmpty()) {
      return "  (none)";
    }
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      line(sb, f);
      String remediation = remediationOf(report, f.rule());
      if (remediation != null) {
        sb.append("    fix: ").append(remediation).append('\n');
      }
      sb.append("    suppress: annotate ").append(f.resource().displayName()).append(" with ")
          .append(Kubeward.SUPPRESSION_PREFIX).append(f.rule()).append(": \"<reason>\"\n");
    }
    return sb.substring(0, sb.length() - 1);
  }

  /** One line per error, {@code file:line:col: message}. */
  static String errors(List<LoadError> errors) {
    StringBuilder sb = new StringBuilder();
    for (LoadError e : errors) {
      sb.append("  ").append(e).append('\n');
    }
    return errors.isEmpty() ? "  (none)" : sb.substring(0, sb.length() - 1);
  }

  private static void line(StringBuilder sb, Finding f) {
    sb.append("  ").append(f.location()).append(": ").append(f.severity()).append(' ').append(f.message())
        .append(" [").append(f.rule()).append("]\n");
  }

  private static String remediationOf(ScanReport report, String rule) {
    for (RuleMetadata m : report.rules()) {
      if (m.id().equals(rule)) {
        return m.remediation();
      }
    }
    return null;
  }
}
