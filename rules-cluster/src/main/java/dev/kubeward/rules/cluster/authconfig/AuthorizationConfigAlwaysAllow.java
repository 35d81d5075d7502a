/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.authconfig;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * An AuthorizationConfiguration ({@code --authorization-config}) with an {@code AlwaysAllow}
 * authorizer: every request that reaches it is allowed, as with {@code --authorization-mode=AlwaysAllow}.
 */
public final class AuthorizationConfigAlwaysAllow implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("authorization-config-always-allow")
      .title("Authorization configuration allows every request")
      .severity(Severity.CRITICAL)
      .topic(Topic.API_SERVER)
      .controls("cis-k8s:1.2.6")
      .kinds(GroupKind.AUTHORIZATION_CONFIGURATION)
      .rationale("The API server asks its authorizers in order; an AlwaysAllow authorizer allows every request"
          + " that no authorizer before it decided, so every authenticated user, and anonymous requests when"
          + " they are enabled, may do anything in the cluster.")
      .remediation("Remove the AlwaysAllow authorizer and authorize with Node and RBAC (and webhooks).")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node authorizers = resource.root().get("authorizers");
    for (int i = 0; i < authorizers.size(); i++) {
      Node type = authorizers.get(i).get("type");
      if (type.textEquals("AlwaysAllow")) {
        context.report(resource, type, "authorizer " + (i + 1) + " of " + resource.displayName()
            + " is of type AlwaysAllow: every request it is asked about is allowed");
      }
    }
  }
}
