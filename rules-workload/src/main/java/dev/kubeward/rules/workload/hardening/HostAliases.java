/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A pod that writes its own entries into {@code /etc/hosts} with {@code spec.hostAliases}, one
 * finding per entry, at its {@code ip}.
 */
public final class HostAliases implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("host-aliases")
      .title("Host names pinned in /etc/hosts")
      .severity(Severity.LOW)
      .topic(Topic.NETWORK)
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("hostAliases make the kubelet write fixed addresses into the pod's /etc/hosts, ahead of"
          + " DNS: a name such as an API endpoint, a registry or an identity provider then resolves to"
          + " whatever address the manifest says, outside Service discovery, DNS policy and its logs, and"
          + " a reviewer reading the hostname in the application's configuration cannot see where the"
          + " traffic goes. A hostile or stale entry sends credentials to the wrong host; an address that"
          + " moves breaks the workload silently.")
      .remediation("Remove spec.hostAliases; publish the name through DNS, a Service or an ExternalName"
          + " Service instead.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node aliases = resource.podSpec().spec().get("hostAliases");
    for (int i = 0; i < aliases.size(); i++) {
      Node alias = aliases.get(i);
      Node ip = alias.get("ip");
      Node hostnames = alias.get("hostnames");
      StringBuilder names = new StringBuilder();
      for (int j = 0; j < hostnames.size(); j++) {
        names.append(j == 0 ? "\"" : ", \"").append(hostnames.get(j).text("")).append('"');
      }
      context.report(resource, ip.isMissing() ? alias : ip, resource.displayName() + " pins "
          + (names.length() == 0 ? "no host name" : names) + " to " + ip.text("no address")
          + " in /etc/hosts (hostAliases)");
    }
  }
}
