/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.serviceaccounts;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A pod spec that sets the deprecated {@code serviceAccount} field (the alias of
 * {@code serviceAccountName}), reported at its value.
 */
public final class DeprecatedServiceAccountField implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("deprecated-service-account-field")
      .title("Deprecated serviceAccount field")
      .severity(Severity.LOW)
      .topic(Topic.UPDATES)
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("spec.serviceAccount is a deprecated alias of spec.serviceAccountName. The API server"
          + " copies it into serviceAccountName only when that is empty, and when both are set"
          + " serviceAccountName wins and the alias is overwritten, so a manifest that changes only the"
          + " alias keeps running as the old account; tools and policies that read serviceAccountName"
          + " alone see no account at all.")
      .remediation("Replace spec.serviceAccount with spec.serviceAccountName.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    MapNode spec = resource.podSpec().spec();
    Node legacy = spec.get("serviceAccount");
    String account = legacy.text();
    if (account == null || account.isEmpty()) {
      return;
    }
    String name = spec.get("serviceAccountName").text("");
    String why;
    if (name.isEmpty()) {
      why = "use serviceAccountName";
    } else if (name.equals(account)) {
      why = "serviceAccountName already names it";
    } else {
      why = "serviceAccountName names \"" + name + "\", which wins";
    }
    context.report(resource, legacy, resource.displayName() + " sets the deprecated field serviceAccount: \""
        + account + "\" (" + why + ")");
  }
}
