/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import java.util.regex.Pattern;

/**
 * A Kubernetes minor version, {@code v1.N}: the version a scan assumes the cluster runs, which
 * decides version-dependent verdicts (removed APIs, flag defaults, default roles). Ordered by
 * minor. Patch levels are not kept: behaviour that rules know changes only with the minor.
 */
public final class KubeVersion implements Comparable<KubeVersion> {

  private static final Pattern FORMAT = Pattern.compile("^v1\\.(0|[1-9][0-9]{0,8})$");

  private static final KubeVersion NEWEST_KNOWN = new KubeVersion(PssVersion.NEWEST_KNOWN_MINOR);

  private final int minor;

  private KubeVersion(int minor) {
    this.minor = minor;
  }

  /**
   * {@code v1.minor}.
   *
   * @throws IllegalArgumentException if {@code minor} is negative
   */
  public static KubeVersion of(int minor) {
    if (minor < 0) {
      throw new IllegalArgumentException("minor version must not be negative");
    }
    return minor == NEWEST_KNOWN.minor ? NEWEST_KNOWN : new KubeVersion(minor);
  }

  /**
   * The newest minor version whose behaviour Kubeward knows ({@link PssVersion#NEWEST_KNOWN_MINOR}):
   * what a scan assumes when neither the user nor the object says otherwise.
   */
  public static KubeVersion newestKnown() {
    return NEWEST_KNOWN;
  }

  /**
   * Parses {@code v1.N}; anything else ({@code 1.30}, {@code v1.030}, {@code v1.30.1}, {@code v2.0},
   * {@code latest}) is rejected with an {@link IllegalArgumentException}.
   */
  public static KubeVersion parse(String text) {
    if (text == null || !FORMAT.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "invalid Kubernetes version '" + text + "' (expected v1.N, such as v1.30)");
    }
    return of(Integer.parseInt(text.substring(3)));
  }

  /** The minor version: 30 for {@code v1.30}. */
  public int minor() {
    return minor;
  }

  /** True if this version is {@code v1.minor} or newer. */
  public boolean isAtLeast(int minor) {
    return this.minor >= minor;
  }

  /** True if this version is older than {@code v1.minor}. */
  public boolean isBefore(int minor) {
    return this.minor < minor;
  }

  /**
   * The Pod Security Standards version of the same minor ({@code v1.N}), which PodSecurity
   * admission applies for {@code latest} on an API server of this version.
   */
  public PssVersion pssVersion() {
    return PssVersion.of(minor);
  }

  @Override
  public int compareTo(KubeVersion o) {
    return Integer.compare(minor, o.minor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KubeVersion v && v.minor == minor;
  }

  @Override
  public int hashCode() {
    return minor;
  }

  /** {@code v1.N}. */
  @Override
  public String toString() {
    return "v1." + minor;
  }
}
