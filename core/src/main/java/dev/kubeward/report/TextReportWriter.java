/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import dev.kubeward.engine.Baseline;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.RelatedLocation;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.PartialDocument;
import dev.kubeward.load.SkippedFile;
import dev.kubeward.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report for people. One line per finding, {@code file:line:col: SEVERITY message [rule-id]},
 * and per error, {@code file:line:col: ERROR message}; lines are grouped by file (files in name
 * order, a blank line between groups, lines in position order, an error before a finding at the
 * same place). A suppressed finding ends with {@code (suppressed: reason)}, one whose verdict
 * depends on a template placeholder with {@code (unverified)}, one on an object rendered by
 * {@code helm template} with {@code (from chart/templates/x.yaml)}; the related locations of a finding
 * follow it, one per line, indented by four spaces ({@code    file:line:col: message}). A summary follows:
 * files, documents and resources checked, findings (not suppressed), suppressed findings and
 * errors, then the counts per severity and per rule. Files not checked and documents checked
 * only in part are listed before the summary.
 *
 * <p>Control characters and bidirectional controls in messages, reasons and file names are shown
 * escaped (as {@code \}{@code u001b}), so input can never drive the terminal, nor forge, hide or
 * reorder a report line. ANSI colour is off unless asked for with {@link #coloured()}.
 */
public final class TextReportWriter implements ReportWriter {

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED_BOLD = "\u001b[1;31m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";

  private static final TextReportWriter PLAIN = new TextReportWriter(false);
  private static final TextReportWriter COLOURED = new TextReportWriter(true);

  private final boolean colour;

  private TextReportWriter(boolean colour) {
    this.colour = colour;
  }

  /** A writer without colour: the default, and what files and pipes should get. */
  public static TextReportWriter plain() {
    return PLAIN;
  }

  /** A writer that colours severities, errors and suppressed findings with ANSI escapes. */
  public static TextReportWriter coloured() {
    return COLOURED;
  }

  /**
   * {@code text} as this writer shows input (file names, messages, reasons) on one line: control
   * characters and bidirectional controls written as {@code \}{@code uXXXX} escapes. For other
   * one-line output that carries input, such as errors printed on standard error.
   */
  public static String oneLine(String text) {
    return Texts.clean(text);
  }

  /** True if this writer emits ANSI colour. */
  public boolean isColoured() {
    return colour;
  }

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    TreeMap<String, List<Entry>> byFile = new TreeMap<>();
    for (LoadError e : report.errors()) {
      byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(new Entry(e.line(), e.column(), 0, e, null));
    }
    StringBuilder sb = new StringBuilder();
    List<Finding> findings = report.findings();
    if (inFileOrder(findings)) {
      // One file's findings at a time, merged with the errors of the files before it: the
      // findings of a large scan are not all held as objects at once.
      TreeMap<String, List<Entry>> errors = byFile;
      int i = 0;
      while (i < findings.size()) {
        String file = findings.get(i).file();
        while (!errors.isEmpty() && errors.firstKey().compareTo(file) < 0) {
          writeFile(sb, errors.pollFirstEntry().getValue(), out);
        }
        List<Entry> entries = errors.containsKey(file) ? errors.remove(file) : new ArrayList<>();
        for (; i < findings.size() && findings.get(i).file().equals(file); i++) {
          Finding f = findings.get(i);
          entries.add(new Entry(f.line(), f.column(), 1, null, f));
        }
        writeFile(sb, entries, out);
      }
      while (!errors.isEmpty()) {
        writeFile(sb, errors.pollFirstEntry().getValue(), out);
      }
    } else {
      for (Finding f : findings) {
        byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(new Entry(f.line(), f.column(), 1, null, f));
      }
      for (List<Entry> entries : byFile.values()) {
        writeFile(sb, entries, out);
      }
    }
    if (report.baseline() != null && !report.baseline().unmatched().isEmpty()) {
      sb.append("Baseline entries that match no finding (remove them from ")
          .append(Texts.clean(report.baseline().source())).append("):\n");
      for (Baseline.Entry e : report.baseline().unmatched()) {
        sb.append("  ").append(Texts.clean(e.rule())).append(' ').append(Texts.clean(e.resource())).append(": ")
            .append(Texts.clean(e.key())).append('\n');
      }
      sb.append('\n');
    }
    if (!report.skipped().isEmpty()) {
      sb.append("Not checked:\n");
      for (SkippedFile skipped : report.skipped()) {
        sb.append("  ").append(paint(DIM, Texts.clean(skipped.file()) + ": " + Texts.clean(skipped.reason()))).append('\n');
      }
      sb.append('\n');
    }
    if (!report.partial().isEmpty()) {
      sb.append("Checked in part:\n");
      for (PartialDocument p : report.partial()) {
        sb.append("  ").append(paint(YELLOW, Texts.clean(p.location()) + ": " + Texts.clean(p.reason()))).append('\n');
      }
      sb.append('\n');
    }
    summary(sb, report);
    out.write(sb.toString());
  }

  /** True if the findings of each file follow each other and files come in name order. */
  private static boolean inFileOrder(List<Finding> findings) {
    String previous = null;
    for (Finding f : findings) {
      if (previous != null && previous != f.file() && previous.compareTo(f.file()) > 0) {
        return false;
      }
      previous = f.file();
    }
    return true;
  }

  /** The errors and findings of one file, by position (errors first), then an empty line. */
  private void writeFile(StringBuilder sb, List<Entry> entries, Writer out) throws IOException {
    entries.sort(Entry.ORDER);
    for (Entry entry : entries) {
      if (entry.error != null) {
        error(sb, entry.error);
      } else {
        finding(sb, entry.finding);
      }
    }
    sb.append('\n');
    out.write(sb.toString());
    sb.setLength(0);
  }

  private void error(StringBuilder sb, LoadError e) {
    sb.append(bold(Texts.clean(e.line() > 0 ? e.file() + ":" + e.line() + ":" + e.column() : e.file())))
        .append(": ")
        .append(paint(RED_BOLD, "ERROR"))
        .append(' ')
        .append(Texts.clean(e.message()))
        .append('\n');
  }

  private void finding(StringBuilder sb, Finding f) {
    if (f.suppressed()) {
      String line = Texts.clean(f.location()) + ": " + f.severity() + " " + Texts.clean(f.message()) + " [" + f.rule()
          + "] (suppressed: " + Texts.clean(f.suppression()) + ")" + marks(f);
      sb.append(paint(DIM, line)).append('\n');
    } else if (f.baselined()) {
      String line = Texts.clean(f.location()) + ": " + f.severity() + " " + Texts.clean(f.message()) + " [" + f.rule()
          + "] (baselined)" + marks(f);
      sb.append(paint(DIM, line)).append('\n');
    } else {
      sb.append(bold(Texts.clean(f.location())))
          .append(": ")
          .append(paint(colourOf(f.severity()), f.severity().name()))
          .append(' ')
          .append(Texts.clean(f.message()))
          .append(' ')
          .append(paint(DIM, "[" + f.rule() + "]"))
          .append(marks(f))
          .append('\n');
    }
    for (RelatedLocation l : f.related()) {
      // Indented under the finding, so a line that starts with a location is always a finding.
      sb.append("    ").append(paint(DIM, Texts.clean(l.location()) + ": " + Texts.clean(l.message()))).append('\n');
    }
  }

  /** {@code (unverified)} and {@code (from template)} as they apply to {@code f}. */
  private static String marks(Finding f) {
    if (!f.unverified() && f.template() == null) {
      return "";
    }
    return (f.unverified() ? " (unverified)" : "") + (f.template() == null ? "" : " (from " + Texts.clean(f.template()) + ")");
  }

  private void summary(StringBuilder sb, ScanReport report) {
    int active = report.findings().size() - report.suppressedCount();
    sb.append("Summary: ")
        .append(plural(report.files(), "file")).append(", ")
        .append(plural(report.documents(), "document")).append(", ")
        .append(plural(report.resources(), "resource")).append("; ")
        .append(plural(active, "finding")).append(", ")
        .append(report.suppressedCount()).append(" suppressed, ")
        .append(report.baseline() == null ? "" : report.baselinedCount() + " baselined, ")
        .append(plural(report.errors().size(), "error"));
    if (!report.skipped().isEmpty()) {
      sb.append(", ").append(plural(report.skipped().size(), "file")).append(" not checked");
    }
    if (!report.partial().isEmpty()) {
      sb.append(", ").append(plural(report.partial().size(), "document")).append(" checked in part");
    }
    if (report.unverifiedCount() > 0) {
      sb.append(", ").append(report.unverifiedCount()).append(" unverified");
    }
    sb.append('\n');
    sb.append("  by severity: ");
    String separator = "";
    for (Map.Entry<Severity, Integer> e : report.countBySeverity().entrySet()) {
      String name = e.getKey().name();
      sb.append(separator).append(e.getValue() > 0 ? paint(colourOf(e.getKey()), name) : name)
          .append(' ').append(e.getValue());
      separator = ", ";
    }
    sb.append('\n');
    Map<String, int[]> byRule = new TreeMap<>();
    for (Finding f : report.findings()) {
      byRule.computeIfAbsent(f.rule(), k -> new int[2])[f.suppressed() ? 1 : 0]++;
    }
    if (byRule.isEmpty()) {
      return;
    }
    sb.append("  by rule:\n");
    int width = byRule.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, int[]> e : byRule.entrySet()) {
      sb.append("    ").append(e.getKey()).append(" ".repeat(width - e.getKey().length() + 2)).append(e.getValue()[0]);
      if (e.getValue()[1] > 0) {
        sb.append(" (").append(e.getValue()[1]).append(" suppressed)");
      }
      sb.append('\n');
    }
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String colourOf(Severity severity) {
    switch (severity) {
      case CRITICAL:
        return RED_BOLD;
      case HIGH:
        return RED;
      case MEDIUM:
        return YELLOW;
      case LOW:
        return CYAN;
      default:
        return DIM;
    }
  }

  private String bold(String text) {
    return paint(BOLD, text);
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }

  /** One line of a file group: an error (kind 0) or a finding (kind 1). */
  private record Entry(int line, int column, int kind, LoadError error, Finding finding) {
    static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::line)
        .thenComparingInt(Entry::column)
        .thenComparingInt(Entry::kind);
  }
}
