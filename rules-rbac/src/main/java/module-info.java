/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Kubeward rules for RBAC: wildcards, escalation verbs, secret readers, dangerous bindings, effective permissions of workloads. */
module dev.kubeward.rules.rbac {
  requires transitive dev.kubeward.core;

  exports dev.kubeward.rules.rbac;
  exports dev.kubeward.rules.rbac.access;

  provides dev.kubeward.rule.RuleProvider with dev.kubeward.rules.rbac.RbacRules;
}
