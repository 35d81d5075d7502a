/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.engine.ScanReport;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Kubeward's soft assertions, to mix into soft assertions of your own: a class that extends
 * {@link org.assertj.core.api.AbstractSoftAssertions} (or AssertJ's {@code SoftAssertions}) and
 * implements this interface collects the failures of Kubeward assertions with the others.
 */
public interface KubewardSoftAssertionsProvider extends SoftAssertionsProvider {

  /** Soft assertions on manifests. */
  default ManifestsAssert assertThat(Manifests actual) {
    return proxy(ManifestsAssert.class, Manifests.class, actual);
  }

  /** Soft assertions on a finished scan. */
  default ScanReportAssert assertThat(ScanReport actual) {
    return proxy(ScanReportAssert.class, ScanReport.class, actual);
  }

  /** As {@link #assertThat(Manifests)}, for given-when-then tests. */
  default ManifestsAssert then(Manifests actual) {
    return assertThat(actual);
  }

  /** As {@link #assertThat(ScanReport)}, for given-when-then tests. */
  default ScanReportAssert then(ScanReport actual) {
    return assertThat(actual);
  }
}
