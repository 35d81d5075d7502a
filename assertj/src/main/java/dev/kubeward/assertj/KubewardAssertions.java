/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.engine.ScanReport;

/**
 * Entry points for Kubeward assertions, in both AssertJ styles: {@code assertThat} and, for
 * given-when-then tests, {@code then}. {@link KubewardSoftAssertions} collects failures instead.
 *
 * <pre>{@code
 * assertThat(Manifests.at(Path.of("target/generated/k8s"))).isCompliantWith(Profile.PSS_RESTRICTED);
 * then(report).hasFinding("privileged-container").on("Deployment", "shop", "web").atLine(21);
 * }</pre>
 */
public final class KubewardAssertions {

  private KubewardAssertions() {}

  /** Assertions on manifests: they are scanned when an assertion needs it. */
  public static ManifestsAssert assertThat(Manifests actual) {
    return new ManifestsAssert(actual);
  }

  /** Assertions on a finished scan. */
  public static ScanReportAssert assertThat(ScanReport actual) {
    return new ScanReportAssert(actual);
  }

  /** As {@link #assertThat(Manifests)}, for given-when-then tests. */
  public static ManifestsAssert then(Manifests actual) {
    return assertThat(actual);
  }

  /** As {@link #assertThat(ScanReport)}, for given-when-then tests. */
  public static ScanReportAssert then(ScanReport actual) {
    return assertThat(actual);
  }
}
