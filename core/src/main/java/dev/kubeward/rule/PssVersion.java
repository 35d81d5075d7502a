/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import java.util.regex.Pattern;

/**
 * A Pod Security Standards policy version: {@code latest} or {@code v1.N}, as in the
 * {@code pod-security.kubernetes.io/enforce-version} label. Ordered, with {@code latest} last.
 */
public final class PssVersion implements Comparable<PssVersion> {

  private static final Pattern FORMAT = Pattern.compile("^v1\\.(0|[1-9][0-9]*)$");

  /** The newest minor version whose behaviour Kubeward knows. */
  public static final int NEWEST_KNOWN_MINOR = 37;

  public static final PssVersion LATEST = new PssVersion(Integer.MAX_VALUE);

  private final int minor;

  private PssVersion(int minor) {
    this.minor = minor;
  }

  /** {@code v1.minor}. */
  public static PssVersion of(int minor) {
    if (minor < 0) {
      throw new IllegalArgumentException("minor version must not be negative");
    }
    return new PssVersion(minor);
  }

  /**
   * Parses {@code latest} or {@code v1.N}; anything else ({@code 1.25}, {@code v1.025},
   * {@code v2.0}) is rejected with an {@link IllegalArgumentException}.
   */
  public static PssVersion parse(String text) {
    if ("latest".equals(text)) {
      return LATEST;
    }
    if (text == null || !FORMAT.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "invalid Pod Security Standards version '" + text + "' (expected latest or v1.N)");
    }
    try {
      return new PssVersion(Integer.parseInt(text.substring(3)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid Pod Security Standards version '" + text + "'");
    }
  }

  public boolean isLatest() {
    return minor == Integer.MAX_VALUE;
  }

  /** The minor version; {@link Integer#MAX_VALUE} for {@code latest}. */
  public int minor() {
    return minor;
  }

  /** True if this version is {@code v1.minor} or newer. */
  public boolean isAtLeast(int minor) {
    return this.minor >= minor;
  }

  @Override
  public int compareTo(PssVersion o) {
    return Integer.compare(minor, o.minor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PssVersion v && v.minor == minor;
  }

  @Override
  public int hashCode() {
    return minor;
  }

  @Override
  public String toString() {
    return isLatest() ? "latest" : "v1." + minor;
  }
}
