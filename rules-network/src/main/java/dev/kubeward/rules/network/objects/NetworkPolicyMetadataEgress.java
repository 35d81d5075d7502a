/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.network.objects.Policies.Direction;

/**
 * An egress {@code ipBlock} that holds a cloud instance metadata address (169.254.169.254,
 * fd00:ec2::254, Alibaba's 100.100.100.200) that none of its {@code except} blocks takes out, on a
 * rule whose ports let TCP port 80 through. Reported at the {@code cidr}.
 */
public final class NetworkPolicyMetadataEgress implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("network-policy-metadata-egress")
      .title("NetworkPolicy allows egress to the cloud metadata service")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .controls("mitre-attack:T1552.005")
      .kinds(Policies.KINDS)
      .rationale("Cloud instance metadata services answer on a link-local address (169.254.169.254 on AWS,"
          + " Azure, GCP and OCI, fd00:ec2::254 for AWS over IPv6, 100.100.100.200 on Alibaba Cloud), port"
          + " 80, and hand out the node's cloud credentials and bootstrap data to whoever asks: a pod that"
          + " reaches them can act as the node in the cloud account. An egress policy that restricts pods"
          + " but allows a block such as 0.0.0.0/0 (or 169.254.0.0/16) without an except for the metadata"
          + " address lets them reach it. The rule does CIDR arithmetic on the block and its except"
          + " blocks, in IPv4 and IPv6, and only reports rules whose ports let TCP port 80 through (a named"
          + " port cannot match an address outside the cluster). Egress rules without any to are reported"
          + " by network-policy-allows-all.")
      .remediation("Add the metadata address to the block's except list (except: [169.254.169.254/32], and"
          + " fd00:ec2::254/128 for IPv6 blocks), or narrow the block.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    if (!Policies.enforces(spec, Direction.EGRESS)) {
      return;
    }
    Node rules = spec.get("egress");
    for (int i = 0; i < rules.size(); i++) {
      Node rule = rules.get(i);
      Node peers = rule.get("to");
      for (int j = 0; j < peers.size(); j++) {
        Node ipBlock = peers.get(j).get("ipBlock");
        Node cidr = ipBlock.get("cidr");
        if (cidr.isNull() || !Policies.allowsTcp(rule, 80)) {
          continue;
        }
        Cidr block = Cidr.parse(cidr.text());
        String[] reached = block == null ? null : Policies.metadataReached(block, ipBlock);
        if (reached == null) {
          continue;
        }
        context.finding(resource, cidr)
            .message(resource.displayName() + " allows egress to " + cidr.text() + Policies.excepts(ipBlock)
                + ", which holds " + reached[0] + " (" + reached[1] + "), on " + Policies.describePorts(rule)
                + " (" + Policies.ruleName(Direction.EGRESS, i) + ")")
            .key("egress/" + i + "/" + j)
            .report();
      }
    }
  }
}
