/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.engine.Configuration;
import dev.kubeward.engine.ConfigurationFile;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Severity;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on {@link Manifests}, self-typed for subclassing; {@link ManifestsAssert} is the
 * concrete one. The manifests are scanned when an assertion needs it, with the rules found on the
 * class path (as {@code Kubeward.builder()} finds them), the configuration given with
 * {@link #withConfig(Path)} and nothing else: no file is looked for in the working directory, so
 * a test gives the same answer from Maven, from an IDE and from any directory. Assertions other
 * than {@code isCompliantWith} share one scan, with the configuration's profile (default
 * {@code recommended}).
 *
 * <p>Assertions that something is absent ({@code isCompliantWith}, {@link #hasNoFindingsAtOrAbove},
 * {@link #doesNotHaveFinding}) fail first when some manifest could not be read, since what cannot
 * be read is not checked. Failure messages are those of {@link AbstractScanReportAssert}, with the
 * manifests named.
 *
 * @param <SELF> the type of the assertion itself, returned by every assertion for chaining
 */
public abstract class AbstractManifestsAssert<SELF extends AbstractManifestsAssert<SELF>>
    extends AbstractObjectAssert<SELF, Manifests> {

  private Configuration configuration = Configuration.empty();
  private final Set<String> ignored = new LinkedHashSet<>();
  private ScanReportAssert scan;

  protected AbstractManifestsAssert(Manifests actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Scans with the configuration file {@code file} ({@code .kubeward.yaml} format) from now on:
   * its profile, rule settings, parameters and exemptions. Its {@code plugins} are not loaded;
   * plugin jars belong on the test class path.
   *
   * @throws IllegalArgumentException when the file cannot be read or is not a valid configuration
   */
  public SELF withConfig(Path file) {
    Objects.requireNonNull(file, "file");
    this.configuration = ConfigurationFile.read(file);
    this.scan = null;
    return myself;
  }

  /**
   * Leaves these rules out of the assertions that follow:
   * {@code assertThat(manifests).ignoringRules("image-not-pinned").isCompliantWith(Profile.PSS_RESTRICTED)}.
   * An id that no rule has fails the assertion's scan with {@link IllegalArgumentException}.
   */
  public SELF ignoringRules(String... ruleIds) {
    for (String id : ruleIds) {
      ignored.add(Objects.requireNonNull(id, "rule id"));
    }
    this.scan = null;
    return myself;
  }

  /** Every manifest loads and no rule of {@code profile} (latest PSS version) finds anything. */
  public SELF isCompliantWith(Profile profile) {
    Objects.requireNonNull(profile, "profile");
    return compliant(builder().profile(profile), "profile " + profile.id());
  }

  /** As {@link #isCompliantWith(Profile)} at a given Pod Security Standards version. */
  public SELF isCompliantWith(Profile profile, PssVersion version) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(version, "version");
    return compliant(builder().profile(profile).pssVersion(version), "profile " + profile.id() + " at " + version);
  }

  /**
   * Every manifest loads and {@code scanner} finds nothing unsuppressed outside the ignored rules
   * ({@code scanner} has its own configuration: {@link #withConfig} does not apply).
   */
  public SELF isCompliantWith(Kubeward scanner) {
    Objects.requireNonNull(scanner, "scanner");
    isNotNull();
    ScanReport report = actual.scanWith(scanner);
    if (!ignored.isEmpty()) {
      List<Finding> kept = report.findings().stream().filter(f -> !ignored.contains(f.rule())).toList();
      report = report.withFindings(kept);
    }
    reportAssert(report).compliant("the given scanner" + ignoring());
    return myself;
  }

  /** Every manifest loads and no unsuppressed finding is of {@code severity} or worse. */
  public SELF hasNoFindingsAtOrAbove(Severity severity) {
    Objects.requireNonNull(severity, "severity");
    scan().allRead("to have no findings at or above %s", severity).hasNoFindingsAtOrAbove(severity);
    return myself;
  }

  /**
   * At least one unsuppressed finding of {@code ruleId}; selects them for {@link #on},
   * {@link #atLine(int)} and {@link #atLine(int, int)}, as {@link AbstractScanReportAssert#hasFinding(String)}.
   */
  public SELF hasFinding(String ruleId) {
    scan().hasFinding(ruleId);
    return myself;
  }

  /** See {@link AbstractScanReportAssert#on}. */
  public SELF on(String kind, String namespace, String name) {
    scan().on(kind, namespace, name);
    return myself;
  }

  /** See {@link AbstractScanReportAssert#atLine(int)}. */
  public SELF atLine(int line) {
    scan().atLine(line);
    return myself;
  }

  /** See {@link AbstractScanReportAssert#atLine(int, int)}. */
  public SELF atLine(int line, int column) {
    scan().atLine(line, column);
    return myself;
  }

  /** Every manifest loads and no unsuppressed finding is of {@code ruleId}. */
  public SELF doesNotHaveFinding(String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    scan().allRead("to have no finding of %s", ruleId).doesNotHaveFinding(ruleId);
    return myself;
  }

  /** Some manifest could not be read or checked. */
  public SELF hasErrors() {
    scan().hasErrors();
    return myself;
  }

  /** Every manifest was read and checked: no error. */
  public SELF loadsWithoutErrors() {
    scan().allRead("to load without errors");
    return myself;
  }

  /** Every finding of the scan, suppressed ones included, in report order, for AssertJ's list assertions. */
  public ListAssert<Finding> findings() {
    isNotNull();
    ScanReport report = scan().report();
    return extracting(m -> report.findings(), InstanceOfAssertFactories.list(Finding.class));
  }

  /**
   * The report of {@code scanner} on the manifests, for further assertions. They are not soft in
   * soft assertions: there, assert on {@code softly.assertThat(manifests.scanWith(scanner))}.
   */
  public ScanReportAssert scannedWith(Kubeward scanner) {
    Objects.requireNonNull(scanner, "scanner");
    isNotNull();
    return new ScanReportAssert(actual.scanWith(scanner));
  }

  private Kubeward.Builder builder() {
    return Kubeward.builder().configuration(configuration).skipRules(ignored);
  }

  private SELF compliant(Kubeward.Builder builder, String what) {
    isNotNull();
    reportAssert(actual.scanWith(builder.build())).compliant(what + ignoring());
    return myself;
  }

  private String ignoring() {
    return ignored.isEmpty() ? "" : " ignoring " + String.join(", ", ignored);
  }

  /** Assertions on the shared scan, made on first use, with this assertion's description. */
  private ScanReportAssert scan() {
    isNotNull();
    if (scan == null) {
      scan = new ScanReportAssert(actual.scanWith(builder().build()));
    }
    return scan.describingManifests(actual.toString()).sharingInfoOf(this);
  }

  private ScanReportAssert reportAssert(ScanReport report) {
    return new ScanReportAssert(report).describingManifests(actual.toString()).sharingInfoOf(this);
  }
}
