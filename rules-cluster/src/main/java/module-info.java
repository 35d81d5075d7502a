/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Kubeward rules for cluster configuration: control plane flags, kubelet, audit, encryption, deprecated APIs. */
module dev.kubeward.rules.cluster {
  requires transitive dev.kubeward.core;

  exports dev.kubeward.rules.cluster;

  provides dev.kubeward.rule.RuleProvider with dev.kubeward.rules.cluster.ClusterRules;
}
