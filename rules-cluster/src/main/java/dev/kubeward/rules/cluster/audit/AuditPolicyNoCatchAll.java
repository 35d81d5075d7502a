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
 * An audit policy without a catch-all rule (one with no {@code users}, {@code userGroups},
 * {@code verbs}, {@code namespaces}, {@code resources} or {@code nonResourceURLs}) at level
 * {@code Metadata} or above: the requests its other rules do not name are not logged. A catch-all at
 * {@code None} is reported at that rule. A policy that logs nothing at all is
 * {@code audit-policy-logs-nothing}'s.
 */
public final class AuditPolicyNoCatchAll implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("audit-policy-no-catch-all")
      .title("Audit policy without a catch-all rule")
      .severity(Severity.MEDIUM)
      .topic(Topic.AUDIT)
      .controls("cis-k8s:3.2.2")
      .kinds(GroupKind.AUDIT_POLICY)
      .rationale("A request that no rule of the audit policy matches is not logged. Without a final rule"
          + " that matches everything, every resource, verb and user the policy's authors did not think of"
          + " (a new CRD, a subresource, an aggregated API) goes unaudited.")
      .remediation("End the rules with a catch-all at level Metadata (- level: Metadata), after the rules"
          + " that lower or raise the level for specific requests.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    AuditPolicy policy = AuditPolicy.of(resource);
    boolean logsSomething = false;
    for (AuditPolicy.Rule rule : policy.rules()) {
      if (rule.catchAll()) {
        if (rule.level() == AuditPolicy.Level.NONE && hasLoggingRule(policy)) {
          context.finding(resource, rule.levelNode())
              .message(resource.displayName() + " ends matching with a catch-all at level None ("
                  + rule.label() + "), so requests its earlier rules do not name are not logged")
              .key("rule:" + rule.index())
              .report();
        }
        return;
      }
      logsSomething |= rule.level() != null && rule.level() != AuditPolicy.Level.NONE;
    }
    if (logsSomething) {
      context.report(resource, policy.rulesNode(), resource.displayName()
          + " has no catch-all rule, so requests its rules do not name are not logged");
    }
  }

  private static boolean hasLoggingRule(AuditPolicy policy) {
    for (AuditPolicy.Rule rule : policy.rules()) {
      if (rule.level() != null && rule.level() != AuditPolicy.Level.NONE) {
        return true;
      }
    }
    return false;
  }
}
