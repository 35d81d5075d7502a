/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import java.util.Objects;

/**
 * Settings a rule may read while it runs.
 *
 * @param pssLevel the Pod Security Standards level the profile evaluates ({@code restricted} for
 *     every profile but {@code pss-baseline})
 * @param pssVersion the Pod Security Standards version to apply
 */
public record ScanSettings(PssLevel pssLevel, PssVersion pssVersion) {

  public ScanSettings {
    Objects.requireNonNull(pssLevel, "pssLevel");
    Objects.requireNonNull(pssVersion, "pssVersion");
  }

  /** Restricted, latest. */
  public static ScanSettings defaults() {
    return new ScanSettings(PssLevel.RESTRICTED, PssVersion.LATEST);
  }
}
