/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Kubeward rules for workloads: Pod Security Standards, images, secrets, resources, hardening. */
module dev.kubeward.rules.workload {
  requires transitive dev.kubeward.core;

  exports dev.kubeward.rules.workload;

  provides dev.kubeward.rule.RuleProvider with dev.kubeward.rules.workload.WorkloadRules;
}
