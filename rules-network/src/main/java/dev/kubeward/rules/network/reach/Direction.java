/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

/** The direction a policy isolates: connections into a pod, or out of it. */
public enum Direction {
  INGRESS("Ingress"),
  EGRESS("Egress");

  private final String policyType;

  Direction(String policyType) {
    this.policyType = policyType;
  }

  /** The name {@code policyTypes} uses. */
  public String policyType() {
    return policyType;
  }
}
