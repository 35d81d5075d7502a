/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * The engine's own rule: a suppression annotation ({@code ignore.kubeward.dev/<rule-id>}) with an
 * empty reason. Such an annotation suppresses nothing; this finding says so.
 */
final class SuppressionWithoutReason implements ResourceRule {

  static final String ID = "suppression-without-reason";

  private static final RuleMetadata METADATA = RuleMetadata.builder(ID)
      .title("Suppression annotation without a reason")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.ANY)
      .rationale("A suppression hides a finding from every report. Without a written reason nobody can "
          + "later tell whether it still holds, so Kubeward ignores such an annotation and keeps the "
          + "finding active.")
      .remediation("Write why the finding does not apply as the value of the annotation, or remove the annotation.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
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
