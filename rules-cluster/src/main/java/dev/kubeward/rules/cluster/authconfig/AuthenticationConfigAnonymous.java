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
import java.util.Set;

/**
 * An AuthenticationConfiguration ({@code --authentication-config}) whose {@code anonymous} section
 * enables anonymous requests: on every path when it has no {@code conditions} (as
 * {@code --anonymous-auth=true}), or on paths other than the health endpoints. A file without the
 * section leaves anonymous requests to {@code --anonymous-auth}, which the API server's flag rules
 * judge.
 */
public final class AuthenticationConfigAnonymous implements ResourceRule {

  /** The endpoints anonymous requests are meant for: health checks of load balancers and probes. */
  private static final Set<String> HEALTH = Set.of("/healthz", "/readyz", "/livez");

  private static final RuleMetadata METADATA = RuleMetadata.builder("authentication-config-anonymous")
      .title("Authentication configuration allows anonymous requests")
      .severity(Severity.HIGH)
      .topic(Topic.API_SERVER)
      .controls("cis-k8s:1.2.1")
      .kinds(GroupKind.AUTHENTICATION_CONFIGURATION)
      .rationale("Anonymous requests are served as system:anonymous in the group system:unauthenticated; any"
          + " binding to those subjects, or a permissive authorizer, then opens the API to anyone who reaches it."
          + " The anonymous section can limit them to the health endpoints with conditions.")
      .remediation("Set anonymous.enabled to false, or limit it with conditions to /healthz, /readyz and /livez.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node anonymous = resource.root().get("anonymous");
    Node enabled = anonymous.get("enabled");
    if (!enabled.isTrue()) {
      return;
    }
    Node conditions = anonymous.get("conditions");
    if (conditions.size() == 0) {
      context.report(resource, enabled, resource.displayName()
          + " sets anonymous.enabled: true without conditions: every path of the API server serves anonymous requests");
      return;
    }
    for (int i = 0; i < conditions.size(); i++) {
      Node path = conditions.get(i).get("path");
      String text = path.text();
      if (text != null && !HEALTH.contains(text)) {
        context.finding(resource, path)
            .severity(Severity.MEDIUM)
            .message(resource.displayName() + " allows anonymous requests to " + text
                + ", which is not a health endpoint")
            .report();
      }
    }
  }
}
