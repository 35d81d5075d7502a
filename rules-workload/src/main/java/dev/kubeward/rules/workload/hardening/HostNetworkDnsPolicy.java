/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A {@code hostNetwork} pod whose DNS policy silently falls back to the node's resolver:
 * {@code dnsPolicy} unset or {@code ClusterFirst}, which the kubelet treats as {@code Default} for a
 * pod in the host's network namespace. An explicit {@code Default} is a choice and passes.
 */
public final class HostNetworkDnsPolicy implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("host-network-dns-policy")
      .title("Host-network pod resolves names through the node")
      .severity(Severity.LOW)
      .topic(Topic.NETWORK)
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("With hostNetwork: true the kubelet gives the pod the node's /etc/resolv.conf unless"
          + " dnsPolicy is ClusterFirstWithHostNet (or None): ClusterFirst, also what an unset dnsPolicy"
          + " means, falls back to Default. The pod then looks up the names it expects the cluster to"
          + " answer (a Service, a database, a secret store) through the node's resolver and search"
          + " domains, so they leak to upstream DNS and whoever answers there, or a search domain that"
          + " completes them, decides where its connections and credentials go. An explicit dnsPolicy:"
          + " Default says the node's resolver is wanted (node-local DNS caches, network agents that start"
          + " before cluster DNS) and passes.")
      .remediation("Set dnsPolicy: ClusterFirstWithHostNet on a host-network pod that talks to Services, or"
          + " dnsPolicy: Default to state that it resolves through the node.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    MapNode spec = resource.podSpec().spec();
    Node hostNetwork = spec.get("hostNetwork");
    if (!hostNetwork.isTrue()) {
      return;
    }
    Node policy = spec.get("dnsPolicy");
    if (policy.isNull()) {
      context.report(resource, hostNetwork, resource.displayName() + " uses the host network without a"
          + " dnsPolicy, so it resolves names through the node's resolver (ClusterFirst falls back to"
          + " Default with hostNetwork)");
    } else if (policy.textEquals("ClusterFirst")) {
      context.report(resource, policy, resource.displayName() + " uses the host network with dnsPolicy:"
          + " ClusterFirst, so it resolves names through the node's resolver (ClusterFirst falls back to"
          + " Default with hostNetwork)");
    }
  }
}
