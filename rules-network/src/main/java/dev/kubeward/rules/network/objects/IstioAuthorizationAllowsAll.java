/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * An Istio AuthorizationPolicy of action ALLOW (the default) with a rule that matches every
 * request: no {@code from}, {@code to} or {@code when} ({@code rules: [{}]}), at the rule. A policy
 * without rules allows nothing and a DENY policy with such a rule denies everything: neither is
 * reported.
 */
public final class IstioAuthorizationAllowsAll implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("istio-authorization-allows-all")
      .title("Istio AuthorizationPolicy allows every request")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .kinds(GroupKind.ISTIO_AUTHORIZATION_POLICY)
      .parameters(IstioMtlsNotStrict.ROOT_NAMESPACE)
      .rationale("Istio allows a request to a workload that ALLOW policies apply to only if one of their rules"
          + " matches it. A rule with no from, to or when (rules: [{}]) matches every request from every"
          + " source, authenticated or not, so the policy allows everything and makes every other ALLOW"
          + " policy of the same workloads moot; in the root namespace without selector it does so for the"
          + " whole mesh. Only DENY and CUSTOM policies still apply. By contrast spec: {} (an ALLOW policy"
          + " without rules) allows nothing, and rules: [{}] under action DENY denies everything.")
      .remediation("Give each ALLOW rule the sources (principals, namespaces) and operations it is for, or"
          + " delete the policy.")
      .build();

  /** The bound parameters. */
  record Params(String rootNamespace) {}

  private final Params params;

  public IstioAuthorizationAllowsAll() {
    this(Parameters.defaults(METADATA));
  }

  private IstioAuthorizationAllowsAll(Parameters parameters) {
    this.params = new Params(parameters.get(IstioMtlsNotStrict.ROOT_NAMESPACE));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new IstioAuthorizationAllowsAll(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    if (!spec.get("action").text("ALLOW").equals("ALLOW")) {
      return;
    }
    boolean workload = spec.get("selector").get("matchLabels").size() > 0 || !spec.get("targetRef").isNull()
        || spec.get("targetRefs").size() > 0;
    Node rules = spec.get("rules");
    for (int i = 0; i < rules.size(); i++) {
      Node rule = rules.get(i);
      if (rule.get("from").size() > 0 || rule.get("to").size() > 0 || rule.get("when").size() > 0) {
        continue;
      }
      boolean mesh = !workload && params.rootNamespace().equals(resource.namespace());
      context.finding(resource, rule)
          .message(resource.displayName() + " allows every request to "
              + IstioMtlsNotStrict.scope(resource, workload, mesh) + " (rule " + i + " has no from, to or when)")
          .key("rule/" + i)
          .report();
      return;
    }
  }
}
