/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Kubeward rules for networking: NetworkPolicy coverage, default deny, exposed Services. */
module dev.kubeward.rules.network {
  requires transitive dev.kubeward.core;

  exports dev.kubeward.rules.network;
  exports dev.kubeward.rules.network.reach;

  provides dev.kubeward.rule.RuleProvider with dev.kubeward.rules.network.NetworkRules;
}
