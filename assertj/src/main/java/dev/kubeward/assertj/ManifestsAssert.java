package dev.kubeward.assertj;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.rule.PssVersion;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on {@link Manifests}: scan them and check the outcome. */
public final class ManifestsAssert extends AbstractAssert<ManifestsAssert, Manifests> {

  ManifestsAssert(Manifests actual) {
    super(actual, ManifestsAssert.class);
  }

  /** Every manifest loads and no rule of {@code profile} (latest PSS version) finds anything. */
  public ManifestsAssert isCompliantWith(Profile profile) {
    return isCompliantWith(Kubeward.builder().profile(profile).build(), "profile " + profile.id());
  }

  /** As {@link #isCompliantWith(Profile)} at a given Pod Security Standards version. */
  public ManifestsAssert isCompliantWith(Profile profile, PssVersion version) {
    return isCompliantWith(Kubeward.builder().profile(profile).pssVersion(version).build(),
        "profile " + profile.id() + " at " + version);
  }

  /** Every manifest loads and {@code scanner} finds nothing unsuppressed. */
  public ManifestsAssert isCompliantWith(Kubeward scanner) {
    return isCompliantWith(scanner, "the given scanner");
  }

  private ManifestsAssert isCompliantWith(Kubeward scanner, String what) {
    isNotNull();
    ScanReport report = actual.scanWith(scanner);
    if (!report.errors().isEmpty()) {
      failWithMessage("%nExpecting manifests%n  <%s>%nto be compliant with %s%nbut %d could not be read:%n%s",
          actual, what, report.errors().size(), ScanReportAssert.errors(report.errors()));
    }
    List<Finding> active = report.activeFindings();
    if (!active.isEmpty()) {
      failWithMessage("%nExpecting manifests%n  <%s>%nto be compliant with %s%nbut found %d finding%s:%n%s",
          actual, what, active.size(), active.size() == 1 ? "" : "s", ScanReportAssert.list(active));
    }
    return this;
  }

  /** The scan report, for further assertions. */
  public ScanReportAssert scannedWith(Kubeward scanner) {
    isNotNull();
    return new ScanReportAssert(actual.scanWith(scanner));
  }
}
