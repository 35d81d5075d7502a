/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * The engine's own rule: the same object (group, kind, namespace it is applied to, name) defined
 * more than once in one scan. Every copy is reported, naming the next copy in source order (the
 * last names the first) and how many more there are; cross-resource rules count every copy.
 */
final class DuplicateObject implements InventoryRule {

  static final String ID = "duplicate-object";

  private static final RuleMetadata METADATA = RuleMetadata.builder(ID)
      .title("Object defined more than once")
      .severity(Severity.INFO)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.ANY)
      .rationale("When the same object is defined twice, kubectl apply keeps whichever copy it applies"
          + " last, so what runs depends on file order. Kubeward checks every copy, and its"
          + " cross-resource rules count every copy (a grant in either copy is a grant), so that a"
          + " harmless decoy never hides the copy that is applied.")
      .remediation("Keep one definition of the object, or scan the projects apart with --join-scope.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    for (List<Resource> copies : inventory.duplicates()) {
      for (int i = 0; i < copies.size(); i++) {
        Resource copy = copies.get(i);
        // Each copy names one other (the next in source order, the first for the last): every copy
        // has its own finding, so the report still lists them all, and n copies make n findings of
        // constant size rather than n findings naming n - 1 others each.
        Resource other = copies.get(i + 1 < copies.size() ? i + 1 : 0);
        int more = copies.size() - 2;
        String message = copy.displayName() + " is defined " + copies.size() + " times; also at "
            + other.source().name() + ':' + other.line()
            + (more == 0 ? "" : " and " + more + (more == 1 ? " other place" : " other places"));
        context.finding(copy, copy.root().get("metadata").get("name"))
            .message(message)
            .key("copy " + (i + 1) + " of " + copies.size())
            .related(other, other.root().get("metadata").get("name"), "another definition of " + other.displayName())
            .report();
      }
    }
  }
}
