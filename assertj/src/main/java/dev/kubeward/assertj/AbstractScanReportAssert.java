/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.ResourceRef;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.rule.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.WritableAssertionInfo;

/**
 * Assertions on a {@link ScanReport}, self-typed for subclassing; {@link ScanReportAssert} is the
 * concrete one. Failure messages name what was expected and list the findings as
 * {@code file:line:col: SEVERITY message [rule-id]}; a finding that should not be there is
 * followed by its rule's remediation and the annotation that would suppress it.
 *
 * <p>Findings are the unsuppressed ones unless a method says otherwise. {@link #hasFinding(String)}
 * selects the findings of one rule, and {@link #on}, {@link #atLine(int)} and
 * {@link #atLine(int, int)} narrow that selection step by step, each step failing when nothing is
 * left:
 *
 * <pre>{@code
 * assertThat(report).hasFinding("privileged-container").on("Deployment", "shop", "web").atLine(21, 25);
 * }</pre>
 *
 * @param <SELF> the type of the assertion itself, returned by every assertion for chaining
 */
public abstract class AbstractScanReportAssert<SELF extends AbstractScanReportAssert<SELF>>
    extends AbstractObjectAssert<SELF, ScanReport> {

  /** What the messages call the actual value: {@code scan report}, or manifests and their names. */
  private String subject = "scan report";

  /** What {@link #hasFinding(String)} selected and its narrowing steps kept, or {@code null}. */
  private Selection selection;

  protected AbstractScanReportAssert(ScanReport actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** The report asserted on. */
  final ScanReport report() {
    return actual;
  }

  /** Takes the description, representation and overriding message of {@code other}. */
  final SELF sharingInfoOf(AbstractAssert<?, ?> other) {
    WritableAssertionInfo from = other.getWritableAssertionInfo();
    info.description(from.description());
    info.useRepresentation(from.representation());
    String overriding = from.overridingErrorMessage();
    if (overriding != null) {
      info.overridingErrorMessage(overriding);
    }
    return myself;
  }

  /** Messages then describe the report as manifests {@code described}, scanned. */
  final SELF describingManifests(String described) {
    this.subject = "manifests%n  <" + described.replace("%", "%%") + ">";
    return myself;
  }

  /** No unsuppressed finding and no error. */
  public SELF hasNoFindings() {
    hasNoErrors();
    List<Finding> active = actual.activeFindings();
    if (!active.isEmpty()) {
      failExpecting("to have no findings", "but found %d:%n%s", active.size(), FindingLists.detailed(actual, active));
    }
    return myself;
  }

  /** Every input was read and checked: no error. */
  public SELF hasNoErrors() {
    isNotNull();
    if (!actual.errors().isEmpty()) {
      failExpecting("to have no errors", "but found %d:%n%s", actual.errors().size(), FindingLists.errors(actual.errors()));
    }
    return myself;
  }

  /** Some input could not be read or checked: at least one error. */
  public SELF hasErrors() {
    isNotNull();
    if (actual.errors().isEmpty()) {
      failExpecting("to have errors", "but every input was read");
    }
    return myself;
  }

  /** No unsuppressed finding of {@code severity} or worse. */
  public SELF hasNoFindingsAtOrAbove(Severity severity) {
    Objects.requireNonNull(severity, "severity");
    checkedSomething("to have no findings at or above %s", severity);
    List<Finding> bad = active(f -> f.severity().isAtLeast(severity));
    if (!bad.isEmpty()) {
      failExpecting("to have no findings at or above %s", "but found %d:%n%s", severity, bad.size(),
          FindingLists.detailed(actual, bad));
    }
    return myself;
  }

  /**
   * At least one unsuppressed finding of {@code ruleId}. Selects them for {@link #on},
   * {@link #atLine(int)} and {@link #atLine(int, int)}.
   */
  public SELF hasFinding(String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    isNotNull();
    selection = new Selection("a finding of " + ruleId, active(f -> f.rule().equals(ruleId)));
    if (selection.findings.isEmpty()) {
      selection = selection.failed();
      failExpecting("to have %s", "but found:%n%s", selection.expected, FindingLists.brief(actual.activeFindings()));
    }
    return myself;
  }

  /**
   * Of the findings {@link #hasFinding(String)} selected, at least one is on the object with this
   * kind, namespace ({@code null} for none) and name; keeps only those.
   *
   * @throws IllegalStateException if {@code hasFinding} was not called first
   */
  public SELF on(String kind, String namespace, String name) {
    Objects.requireNonNull(kind, "kind");
    ResourceRef wanted = new ResourceRef(null, kind, namespace, name);
    return narrow(" on " + wanted.displayName(), f -> f.resource().kind().equals(kind)
        && Objects.equals(f.resource().namespace(), namespace) && Objects.equals(f.resource().name(), name));
  }

  /**
   * Of the findings selected so far, at least one points at line {@code line}; keeps only those.
   *
   * @throws IllegalStateException if {@link #hasFinding(String)} was not called first
   */
  public SELF atLine(int line) {
    return narrow(" at line " + line, f -> f.line() == line);
  }

  /**
   * Of the findings selected so far, at least one points at {@code line} and {@code column};
   * keeps only those.
   *
   * @throws IllegalStateException if {@link #hasFinding(String)} was not called first
   */
  public SELF atLine(int line, int column) {
    return narrow(" at line " + line + ", column " + column, f -> f.line() == line && f.column() == column);
  }

  /** An unsuppressed finding of {@code ruleId} at {@code line} of {@code file}. */
  public SELF hasFinding(String ruleId, String file, int line) {
    isNotNull();
    if (active(f -> f.rule().equals(ruleId) && f.file().equals(file) && f.line() == line).isEmpty()) {
      failExpecting("to have a finding of %s at %s:%d", "but found:%n%s", ruleId, file, line,
          FindingLists.brief(actual.activeFindings()));
    }
    return myself;
  }

  /** No unsuppressed finding of {@code ruleId}. */
  public SELF doesNotHaveFinding(String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    checkedSomething("to have no finding of %s", ruleId);
    if (actual.rules().stream().noneMatch(r -> r.id().equals(ruleId))) {
      failExpecting(String.format("to have no finding of %s", ruleId), "but that rule did not run, so nothing was"
          + " checked (its rules jar is not on the test class path, or the profile or the configuration leaves it out)");
    }
    List<Finding> bad = active(f -> f.rule().equals(ruleId));
    if (!bad.isEmpty()) {
      failExpecting("to have no finding of %s", "but found %d:%n%s", ruleId, bad.size(), FindingLists.detailed(actual, bad));
    }
    return myself;
  }

  /**
   * Every finding of the report, suppressed ones included, in report order, for AssertJ's list
   * assertions: {@code findings().extracting(Finding::rule).containsOnly("run-as-root")}.
   */
  public ListAssert<Finding> findings() {
    isNotNull();
    return extracting(ScanReport::findings, InstanceOfAssertFactories.list(Finding.class));
  }

  /**
   * Every input was read; otherwise fails saying that what was expected ({@code expected}, a
   * format of {@code arguments}) cannot be told.
   */
  final SELF allRead(String expected, Object... arguments) {
    isNotNull();
    if (!actual.errors().isEmpty()) {
      Object[] all = Arrays.copyOf(arguments, arguments.length + 2);
      all[arguments.length] = actual.errors().size();
      all[arguments.length + 1] = FindingLists.errors(actual.errors());
      failExpecting(expected, "but %d could not be read:%n%s", all);
    }
    return myself;
  }

  /**
   * Something was checked: at least one resource was loaded and at least one rule other than the
   * built-in ones ran. An assertion that something is absent passes trivially otherwise, and a
   * green test that checked nothing is worse than a red one.
   */
  final SELF checkedSomething(String expected, Object... arguments) {
    isNotNull();
    if (actual.resources() == 0 && actual.errors().isEmpty()) {
      failExpecting(String.format(expected, arguments), "but no Kubernetes object was loaded, so nothing was checked"
          + " (an empty folder, or the empty output of a generator that failed?)");
    }
    if (actual.rules().stream().allMatch(r -> Kubeward.isBuiltIn(r.id()))) {
      failExpecting(String.format(expected, arguments), "but no rule ran, so nothing was checked: add the rules jars"
          + " (dev.kubeward:kubeward-rules-workload, kubeward-rules-rbac, kubeward-rules-network,"
          + " kubeward-rules-cluster, versions from dev.kubeward:kubeward-bom) to the test class path, or check"
          + " the profile and the rules the configuration and ignoringRules(...) leave");
    }
    return myself;
  }

  /** Every input was read and no unsuppressed finding is left; {@code what} says of what. */
  final SELF compliant(String what) {
    checkedSomething("to be compliant with %s", what);
    allRead("to be compliant with %s", what);
    List<Finding> active = actual.activeFindings();
    if (!active.isEmpty()) {
      failExpecting("to be compliant with %s", "but found %d finding%s:%n%s", what, active.size(),
          active.size() == 1 ? "" : "s", FindingLists.detailed(actual, active));
    }
    return myself;
  }

  /** Fails with {@code Expecting <subject> <expected> <but>}, in today's layout. */
  final void failExpecting(String expected, String but, Object... arguments) {
    failWithMessage("%s", String.format("%nExpecting " + subject + "%n" + expected + "%n" + but, arguments));
  }

  private List<Finding> active(Predicate<Finding> filter) {
    return actual.activeFindings().stream().filter(filter).toList();
  }

  private SELF narrow(String step, Predicate<Finding> filter) {
    if (selection == null) {
      throw new IllegalStateException("hasFinding(rule-id) selects the findings to narrow; call it first");
    }
    if (selection.failed) {
      // The selection already failed (and soft assertions went on): one failure is enough.
      return myself;
    }
    Selection before = selection;
    selection = new Selection(before.expected + step, before.findings.stream().filter(filter).toList());
    if (selection.findings.isEmpty()) {
      selection = selection.failed();
      failExpecting("to have %s", "but found:%n%s", selection.expected, FindingLists.brief(before.findings));
    }
    return myself;
  }

  /** Findings kept so far, and the words for what the assertion expects of them. */
  private static final class Selection {
    final String expected;
    final List<Finding> findings;
    final boolean failed;

    Selection(String expected, List<Finding> findings) {
      this(expected, findings, false);
    }

    private Selection(String expected, List<Finding> findings, boolean failed) {
      this.expected = expected;
      this.findings = findings;
      this.failed = failed;
    }

    Selection failed() {
      return new Selection(expected, findings, true);
    }
  }
}
