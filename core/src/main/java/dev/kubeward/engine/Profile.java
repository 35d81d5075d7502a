/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.rule.RuleMetadata;

/** A named selection of rules. */
public enum Profile {
  /** Every rule that is not opt-in: the default. */
  RECOMMENDED("recommended"),
  /** Exactly the Pod Security Standards Baseline checks. */
  PSS_BASELINE("pss-baseline"),
  /** Exactly the Pod Security Standards Restricted checks (Baseline included). */
  PSS_RESTRICTED("pss-restricted"),
  /** Rules mapped to the CIS Kubernetes Benchmark. */
  CIS("cis"),
  /** Every rule. */
  ALL("all");

  private final String id;

  Profile(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** True if the profile includes a rule with {@code metadata}. */
  public boolean includes(RuleMetadata metadata) {
    switch (this) {
      case RECOMMENDED:
        return !metadata.optIn();
      case PSS_BASELINE:
        return metadata.hasControlPrefix("pss-baseline:");
      case PSS_RESTRICTED:
        return metadata.hasControlPrefix("pss-baseline:") || metadata.hasControlPrefix("pss-restricted:");
      case CIS:
        return metadata.hasControlPrefix("cis-k8s:");
      case ALL:
        return true;
      default:
        throw new IllegalStateException(id);
    }
  }

  /** The profile named {@code id}. */
  public static Profile of(String id) {
    for (Profile p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown profile '" + id + "' (expected recommended, pss-baseline, pss-restricted, cis or all)");
  }
}
