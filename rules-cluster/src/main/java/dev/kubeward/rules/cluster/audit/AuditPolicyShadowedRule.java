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
import java.util.List;

/**
 * An audit policy rule that can never match: an earlier rule matches every request it matches, and
 * the first matching rule decides. Reported only when that is certain (equal or wider lists of users,
 * groups, verbs, namespaces, resources, names and URLs, an earlier catch-all), at the shadowed rule,
 * with the rule that shadows it as a related location.
 */
public final class AuditPolicyShadowedRule implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("audit-policy-shadowed-rule")
      .title("Audit policy rule that can never match")
      .severity(Severity.INFO)
      .topic(Topic.AUDIT)
      .kinds(GroupKind.AUDIT_POLICY)
      .rationale("The API server takes the level of the first rule that matches a request. A rule placed"
          + " after a broader one never applies: a Metadata rule for Secrets after a RequestResponse"
          + " catch-all does not protect them, and a detailed rule for pods/exec after a None rule for all"
          + " pods records nothing. The policy does not do what it reads as.")
      .remediation("Move the specific rule before the broader one, or remove it.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    List<AuditPolicy.Rule> rules = AuditPolicy.of(resource).rules();
    for (int j = 1; j < rules.size(); j++) {
      AuditPolicy.Rule later = rules.get(j);
      for (int i = 0; i < j; i++) {
        AuditPolicy.Rule earlier = rules.get(i);
        if (AuditPolicy.covers(earlier, later)) {
          String level = earlier.level() == null ? "" : " at level " + earlier.level().text;
          context.finding(resource, later.node())
              .message(resource.displayName() + " never applies " + later.label() + ": " + earlier.label()
                  + (earlier.catchAll() ? ", a catch-all" : "") + level + ", matches every request it matches first")
              .key("rule:" + later.index())
              .related(resource, earlier.node(), earlier.label() + " matches first")
              .report();
          break;
        }
      }
    }
  }
}
