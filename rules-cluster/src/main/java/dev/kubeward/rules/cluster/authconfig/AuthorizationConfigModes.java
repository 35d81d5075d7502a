/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.authconfig;

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
import java.util.List;

/**
 * The authorizers an AuthorizationConfiguration ({@code --authorization-config}) must have, as
 * {@code --authorization-mode} must include them: one rule per required authorizer type. A file
 * without authorizers is one the API server refuses, and is left alone.
 */
public final class AuthorizationConfigModes implements ResourceRule, FamilyRule {

  /**
   * One row: the rule id, the authorizer type it requires, the CIS control, and what its absence allows.
   *
   * @param id the rule id
   * @param type the authorizer type ({@code Node}, {@code RBAC})
   * @param control the CIS control
   * @param consequence what is missing without it, after a colon in the message
   * @param rationale why it matters
   */
  record Row(String id, String type, String control, String consequence, String rationale) {}

  static final List<Row> ROWS = List.of(
      new Row("authorization-config-node-missing", "Node", "cis-k8s:1.2.7",
          "kubelets are not limited to the objects of their own node",
          "The Node authorizer limits each kubelet to the pods, secrets and volumes bound to its own node;"
              + " without it a compromised node can read the Secrets of the whole cluster through whatever"
              + " its credentials are otherwise granted."),
      new Row("authorization-config-rbac-missing", "RBAC", "cis-k8s:1.2.8",
          "Roles and ClusterRoles grant nothing",
          "Without the RBAC authorizer the cluster's Roles and bindings are ignored, and access is decided by"
              + " the remaining authorizers alone, which are rarely as fine-grained."));

  private final Row row;
  private final RuleMetadata metadata;

  AuthorizationConfigModes(Row row) {
    this.row = row;
    this.metadata = RuleMetadata.builder(row.id())
        .title("Authorization configuration lacks the " + row.type() + " authorizer")
        .severity(Severity.MEDIUM)
        .topic(Topic.API_SERVER)
        .controls(row.control())
        .kinds(GroupKind.AUTHORIZATION_CONFIGURATION)
        .rationale(row.rationale())
        .remediation("Add an authorizer of type " + row.type() + " to authorizers.")
        .build();
  }

  /** One rule per row. */
  public static List<Rule> rules() {
    return ROWS.stream().<Rule>map(AuthorizationConfigModes::new).toList();
  }

  @Override
  public RuleMetadata metadata() {
    return metadata;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node authorizers = resource.root().get("authorizers");
    if (authorizers.size() == 0) {
      return;
    }
    for (int i = 0; i < authorizers.size(); i++) {
      if (authorizers.get(i).get("type").textEquals(row.type())) {
        return;
      }
    }
    context.report(resource, resource.root().keyNode("authorizers"), resource.displayName()
        + " has no authorizer of type " + row.type() + ": " + row.consequence());
  }
}
