/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.audit;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * An audit policy that records nothing: it has no rules (requests no rule matches are not logged),
 * or every rule is at level {@code None}.
 */
public final class AuditPolicyLogsNothing implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("audit-policy-logs-nothing")
      .title("Audit policy records nothing")
      .severity(Severity.HIGH)
      .topic(Topic.AUDIT)
      .controls("cis-k8s:3.2.1")
      .kinds(GroupKind.AUDIT_POLICY)
      .rationale("The API server logs a request at the level of the first policy rule that matches it and"
          + " does not log a request that no rule matches. A policy without rules, or whose every rule is at"
          + " level None, leaves the cluster with no record of who read a Secret, exec'd into a pod or"
          + " bound a role, which is what an investigation needs first.")
      .remediation("Give the policy rules at level Metadata or above, ending with a catch-all rule"
          + " (- level: Metadata).")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    AuditPolicy policy = AuditPolicy.of(resource);
    if (policy.rules().isEmpty()) {
      context.report(resource, policy.rulesNode(), resource.displayName()
          + " has no rules, so the API server logs no request");
      return;
    }
    for (AuditPolicy.Rule rule : policy.rules()) {
      if (rule.level() != AuditPolicy.Level.NONE) {
        return;
      }
    }
    context.report(resource, policy.rulesNode(), resource.displayName()
        + " puts every rule at level None, so the API server logs no request");
  }
}
