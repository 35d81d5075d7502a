/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import java.util.Locale;

/** A Pod Security Standards level. */
public enum PssLevel {
  PRIVILEGED,
  BASELINE,
  RESTRICTED;

  /** The lower-case label value ({@code baseline}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@code pod-security.kubernetes.io/enforce} label value; {@code null} if unknown. */
  public static PssLevel parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    switch (text) {
      case "privileged":
        return PRIVILEGED;
      case "baseline":
        return BASELINE;
      case "restricted":
        return RESTRICTED;
      default:
        return null;
    }
  }
}
