/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

/**
 * A check. Implement {@link ResourceRule} to look at one resource at a time or
 * {@link InventoryRule} to look across all resources of a scan. Rules are stateless and
 * thread-safe; their parameters are bound once, in {@link #configure(Parameters)}.
 */
public interface Rule {

  /** The rule's metadata; the same object on every call. */
  RuleMetadata metadata();

  /**
   * A rule with {@code parameters} bound (the declared defaults overridden by configuration).
   * Rules without parameters return {@code this}.
   */
  default Rule configure(Parameters parameters) {
    return this;
  }
}
