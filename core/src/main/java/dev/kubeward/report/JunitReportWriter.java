/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.PartialDocument;
import dev.kubeward.load.SkippedFile;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * JUnit XML, for the test views of CI servers. One {@code <testsuite>} per file (in name order);
 * one {@code <testcase>} per finding, named after the rule, the resource and the position, with a
 * {@code <failure>} that carries the message, {@code file:line:col} and the remediation, or
 * {@code <skipped>} with the reason when the finding is suppressed or baselined; one {@code <testcase>} with an
 * {@code <error>} per input that could not be checked, and a {@code <skipped>} one per file that
 * was not checked at all (it holds no Kubernetes object, or an exclude matched it) or checked only
 * in part (template placeholders, a kustomize patch). A finding below the severity that fails
 * the build ({@link #failingAt(Severity)}, as {@code --fail-on}) is a passing test case whose
 * {@code <system-out>} carries the same text, so that the CI's test view agrees with the exit
 * code. A scan with neither findings nor errors gives one passing test case, so that CI servers
 * do not mistake it for a missing report.
 *
 * <p>Text is escaped for XML 1.0; characters XML cannot hold are written as {@code \}{@code uXXXX}.
 * No timestamps or durations: the same report gives the same bytes.
 */
public final class JunitReportWriter implements ReportWriter {

  private final Severity failOn;

  /** A writer for which every finding that is not suppressed is a failure. */
  public JunitReportWriter() {
    this(Severity.INFO);
  }

  private JunitReportWriter(Severity failOn) {
    this.failOn = failOn;
  }

  /** A writer for which findings at or above {@code failOn} are failures, and others pass. */
  public static JunitReportWriter failingAt(Severity failOn) {
    return new JunitReportWriter(Objects.requireNonNull(failOn, "failOn"));
  }

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    Map<String, RuleMetadata> rules = new HashMap<>();
    for (RuleMetadata m : report.rules()) {
      rules.putIfAbsent(m.id(), m);
    }
    Map<String, Suite> suites = new TreeMap<>();
    for (LoadError e : report.errors()) {
      Suite s = suites.computeIfAbsent(e.file(), Suite::new);
      s.errors++;
      s.cases.add(new Case(e.line(), e.column(), 0, errorCase(e)));
    }
    List<Finding> findings = report.findings();
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      Suite s = suites.computeIfAbsent(f.file(), Suite::new);
      if (!f.counts()) {
        s.skipped++;
      } else if (failure(f)) {
        s.failures++;
      }
      s.cases.add(new Case(f.line(), f.column(), 1, null, i));
    }
    for (SkippedFile skipped : report.skipped()) {
      Suite s = suites.computeIfAbsent(skipped.file(), Suite::new);
      s.skipped++;
      s.cases.add(new Case(0, 0, 0, "    <testcase classname=\"" + attr(skipped.file()) + "\" name=\"not checked\">\n"
          + "      <skipped message=\"" + attr(skipped.reason()) + "\"/>\n    </testcase>\n"));
    }
    for (PartialDocument p : report.partial()) {
      Suite s = suites.computeIfAbsent(p.file(), Suite::new);
      s.skipped++;
      s.cases.add(new Case(p.line(), p.column(), 0, "    <testcase classname=\"" + attr(p.file())
          + "\" name=\"" + attr("checked in part (" + p.line() + ":" + p.column() + ")") + "\">\n"
          + "      <skipped message=\"" + attr(p.reason()) + "\"/>\n    </testcase>\n"));
    }
    if (suites.isEmpty()) {
      Suite s = new Suite("kubeward");
      s.cases.add(new Case(0, 0, 0, "    <testcase classname=\"kubeward\" name=\""
          + attr("no findings in " + report.files() + (report.files() == 1 ? " file" : " files")) + "\"/>\n"));
      suites.put(s.name, s);
    }
    int tests = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    for (Suite s : suites.values()) {
      tests += s.cases.size();
      failures += s.failures;
      errors += s.errors;
      skipped += s.skipped;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites name=\"kubeward\" tests=\"").append(tests).append("\" failures=\"").append(failures)
        .append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped).append("\">\n");
    for (Suite s : suites.values()) {
      sb.append("  <testsuite name=\"").append(attr(s.name)).append("\" tests=\"").append(s.cases.size())
          .append("\" failures=\"").append(s.failures).append("\" errors=\"").append(s.errors)
          .append("\" skipped=\"").append(s.skipped).append("\">\n");
      s.cases.sort(Case.ORDER);
      for (Case c : s.cases) {
        if (c.xml() != null) {
          sb.append(c.xml());
        } else {
          Finding f = findings.get(c.finding());
          sb.append(findingCase(f, rules.get(f.rule()), failure(f)));
        }
      }
      sb.append("  </testsuite>\n");
      out.write(sb.toString());
      sb.setLength(0);
    }
    sb.append("</testsuites>\n");
    out.write(sb.toString());
    out.flush();
  }

  private boolean failure(Finding f) {
    return f.counts() && f.severity().isAtLeast(failOn);
  }

  private static String findingCase(Finding f, RuleMetadata rule, boolean failure) {
    String name = f.rule() + " " + f.resource().displayName() + " (" + f.line() + ":" + f.column() + ")";
    StringBuilder sb = new StringBuilder();
    sb.append("    <testcase classname=\"").append(attr(f.file())).append("\" name=\"").append(attr(name)).append("\">\n");
    String body = f.location() + ": " + f.severity() + " " + f.message() + " [" + f.rule() + "]"
        + (f.unverified() ? " (unverified)" : "") + (f.template() == null ? "" : " (from " + f.template() + ")")
        + (rule == null ? "" : "\nRemediation: " + rule.remediation());
    if (f.suppressed()) {
      sb.append("      <skipped message=\"").append(attr("suppressed: " + f.suppression())).append("\"/>\n");
    } else if (f.baselined()) {
      sb.append("      <skipped message=\"baselined\"/>\n");
    } else if (failure) {
      sb.append("      <failure type=\"").append(f.severity()).append("\" message=\"").append(attr(f.message()))
          .append("\">").append(text(body)).append("</failure>\n");
    } else {
      sb.append("      <system-out>").append(text(body)).append("</system-out>\n");
    }
    sb.append("    </testcase>\n");
    return sb.toString();
  }

  private static String errorCase(LoadError e) {
    String at = e.line() > 0 ? " (" + e.line() + ":" + e.column() + ")" : "";
    StringBuilder sb = new StringBuilder();
    sb.append("    <testcase classname=\"").append(attr(e.file())).append("\" name=\"")
        .append(attr("input could not be checked" + at)).append("\">\n");
    sb.append("      <error type=\"ERROR\" message=\"").append(attr(e.message())).append("\">")
        .append(text(e.toString())).append("</error>\n");
    sb.append("    </testcase>\n");
    return sb.toString();
  }

  /** Escapes an attribute value; line breaks and tabs survive as character references. */
  static String attr(String s) {
    return escape(s, true);
  }

  /** Escapes character data. */
  static String text(String s) {
    return escape(s, false);
  }

  private static String escape(String s, boolean attribute) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append(attribute ? "&quot;" : "\"");
          break;
        case '\n':
          sb.append(attribute ? "&#10;" : "\n");
          break;
        case '\r':
          sb.append("&#13;");
          break;
        case '\t':
          sb.append(attribute ? "&#9;" : "\t");
          break;
        default:
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == '\ufffe' || c == '\uffff') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.toString();
  }

  /** One test case: an error (kind 0) or a finding (kind 1), ordered by position in its file. */
  /**
   * One test case: its XML, or for a finding, the finding's index in the report, turned into XML
   * when its suite is written (a large report's findings are not all held as text at once).
   */
  private record Case(int line, int column, int kind, String xml, int finding) {
    Case(int line, int column, int kind, String xml) {
      this(line, column, kind, xml, -1);
    }

    static final Comparator<Case> ORDER = Comparator.comparingInt(Case::line)
        .thenComparingInt(Case::column)
        .thenComparingInt(Case::kind);
  }

  /** The test cases of one file. */
  private static final class Suite {
    final String name;
    final List<Case> cases = new ArrayList<>();
    int failures;
    int errors;
    int skipped;

    Suite(String name) {
      this.name = name;
    }
  }
}
