package dev.kubeward.assertj;

import dev.kubeward.engine.ScanReport;

/**
 * Entry point for Kubeward assertions.
 *
 * <pre>{@code
 * assertThat(Manifests.at(Path.of("target/generated/k8s"))).isCompliantWith(Profile.PSS_RESTRICTED);
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
}
