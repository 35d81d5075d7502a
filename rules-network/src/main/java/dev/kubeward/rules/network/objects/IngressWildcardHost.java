/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** An Ingress rule whose {@code host} is a wildcard ({@code *.example.com}), at the host. */
public final class IngressWildcardHost implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("ingress-wildcard-host")
      .title("Ingress routes a wildcard host")
      .severity(Severity.LOW)
      .topic(Topic.NETWORK)
      .kinds(GroupKind.INGRESS, GroupKind.EXTENSIONS_INGRESS)
      .rationale("A rule for *.example.com sends every subdomain to the backend, including names nobody"
          + " meant to publish: anyone who can point a name under the domain at the load balancer (a"
          + " forgotten DNS record, a dangling CNAME) gets a host the application trusts, with the"
          + " certificate of the domain, for phishing or cookie theft across subdomains. It also hides"
          + " which names a service really answers to. Wildcards have their uses (per-tenant subdomains);"
          + " they should be deliberate.")
      .remediation("List the host names the backend serves, one rule (or one hosts entry) each.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node rules = resource.root().get("spec").get("rules");
    for (int i = 0; i < rules.size(); i++) {
      Node host = rules.get(i).get("host");
      String name = host.text("");
      if (name.startsWith("*")) {
        context.finding(resource, host)
            .message(resource.displayName() + " routes every host matching " + name + " (rule " + i + ")")
            .key("host:" + name)
            .report();
      }
    }
  }
}
