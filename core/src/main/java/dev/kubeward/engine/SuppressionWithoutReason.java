/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.InlineSuppression;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * The engine's own rule: a suppression annotation ({@code ignore.kubeward.dev/<rule-id>}) with an
 * empty reason, or a comment {@code # kubeward:ignore} without a rule id or a reason. Such a
 * suppression suppresses nothing; this finding says so, at the annotation or the comment.
 */
final class SuppressionWithoutReason implements ResourceRule {

  static final String ID = "suppression-without-reason";

  private static final RuleMetadata METADATA = RuleMetadata.builder(ID)
      .title("Suppression without a reason")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.ANY)
      .rationale("A suppression hides a finding from every report. Without a written reason nobody can "
          + "later tell whether it still holds, so Kubeward ignores such an annotation or "
          + "kubeward:ignore comment and keeps the finding active.")
      .remediation("Write why the finding does not apply as the value of the annotation or after the rule id in the "
          + "comment, or remove the suppression.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    List<InlineSuppression> comments = resource.inlineSuppressions();
    for (int i = 0; i < comments.size(); i++) {
      InlineSuppression c = comments.get(i);
      if (!c.suppresses()) {
        context.finding(resource, Node.MISSING)
            .position(c.line(), c.column())
            .key("comment:" + c.ruleId())
            .message((c.ruleId().isEmpty() ? "comment \"# kubeward:ignore\" in " + resource.displayName() + " names no rule"
                : "comment \"# kubeward:ignore " + c.ruleId() + "\" in " + resource.displayName() + " gives no reason")
                + ", so it suppresses nothing")
            .report();
      }
    }
    if (resource.annotations().isEmpty()) {
      return;
    }
    MapNode annotations = resource.root().get("metadata").get("annotations").asMap();
    for (int i = 0; i < annotations.size(); i++) {
      String key = annotations.key(i);
      if (key.startsWith(Kubeward.SUPPRESSION_PREFIX) && annotations.value(i).text("").isBlank()) {
        context.report(resource, annotations.keyNode(i), "annotation \"" + key + "\" of "
            + resource.displayName() + " gives no reason, so it suppresses nothing");
      }
    }
  }
}
