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
import java.util.ArrayList;
import java.util.List;

/**
 * A webhook authorizer of an AuthorizationConfiguration with {@code failurePolicy: NoOpinion}
 * followed by other authorizers: when the webhook cannot be reached, its denials are lost and the
 * later authorizers decide alone (fail open). {@code Deny} fails closed.
 */
public final class AuthorizationConfigWebhookNoOpinion implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("authorization-config-webhook-no-opinion")
      .title("Authorization webhook fails open")
      .severity(Severity.LOW)
      .topic(Topic.API_SERVER)
      .kinds(GroupKind.AUTHORIZATION_CONFIGURATION)
      .rationale("A webhook authorizer whose failurePolicy is NoOpinion is skipped when it errors or times out,"
          + " so the authorizers after it decide alone: a request the webhook would have denied is then allowed"
          + " whenever they allow it, and an attacker who can slow the webhook down gets that for free.")
      .remediation("Set failurePolicy to Deny for webhooks that deny requests, or place them last.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node authorizers = resource.root().get("authorizers");
    for (int i = 0; i < authorizers.size() - 1; i++) {
      Node authorizer = authorizers.get(i);
      Node policy = authorizer.get("webhook").get("failurePolicy");
      if (!authorizer.get("type").textEquals("Webhook") || !policy.textEquals("NoOpinion")) {
        continue;
      }
      List<String> later = new ArrayList<>();
      for (int j = i + 1; j < authorizers.size(); j++) {
        later.add(authorizers.get(j).get("type").text("?"));
      }
      String name = authorizer.get("name").text();
      context.report(resource, policy, "webhook authorizer " + (name == null ? "#" + (i + 1) : "\"" + name + "\"")
          + " of " + resource.displayName() + " has failurePolicy NoOpinion: when it fails, "
          + String.join(", ", later) + " decide" + (later.size() == 1 ? "s" : "") + " without it");
    }
  }
}
