/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FamilyRule;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only rule family, shaped like the CIS flag checks to come: each row of {@link #ROWS} is a
 * rule that reports a ConfigMap whose {@code data} sets a key to anything but the expected value.
 */
final class SettingFlag implements ResourceRule, FamilyRule {

  /** One row: the rule id, the key, the value it must have, the control it implements. */
  record Row(String id, String key, String expected, String control) {}

  static final List<Row> ROWS = List.of(
      new Row("setting-anonymous-auth", "anonymous-auth", "false", "cis-k8s:1.2.1"),
      new Row("setting-profiling", "profiling", "false", "cis-k8s:1.2.15"),
      new Row("setting-service-account-lookup", "service-account-lookup", "true", "cis-k8s:1.2.21"));

  private final Row row;
  private final RuleMetadata metadata;

  SettingFlag(Row row) {
    this.row = row;
    this.metadata = RuleMetadata.builder(row.id())
        .title("Setting " + row.key() + " is not " + row.expected())
        .severity(Severity.MEDIUM)
        .topic(Topic.API_SERVER)
        .controls(row.control())
        .kinds(GroupKind.CONFIG_MAP)
        .rationale("A test row: the setting " + row.key() + " must be " + row.expected() + ".")
        .remediation("Set " + row.key() + " to " + row.expected() + ".")
        .build();
  }

  /** One rule per row of {@code rows}. */
  static List<Rule> rules(List<Row> rows) {
    List<Rule> rules = new ArrayList<>();
    for (Row r : rows) {
      rules.add(new SettingFlag(r));
    }
    return rules;
  }

  /** One rule per row of {@link #ROWS}. */
  static List<Rule> rules() {
    return rules(ROWS);
  }

  @Override
  public RuleMetadata metadata() {
    return metadata;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node value = resource.root().get("data").get(row.key());
    String text = value.text();
    if (text != null && !text.equals(row.expected())) {
      context.report(resource, value, "ConfigMap " + resource.name() + " sets " + row.key() + " to \"" + text
          + "\" (expected " + row.expected() + ")");
    }
  }
}
