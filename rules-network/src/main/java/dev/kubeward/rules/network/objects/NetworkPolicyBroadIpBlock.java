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
 * An {@code ipBlock} peer of {@code 0.0.0.0/0}, {@code ::/0}, or a block wider than an IPv4 /8
 * or an IPv6 /16 (outside the private IPv6 ranges), in a direction the policy enforces; reported
 * at the {@code cidr}, whatever its {@code except} blocks. MEDIUM for ingress, LOW for egress.
 */
public final class NetworkPolicyBroadIpBlock implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("network-policy-broad-ip-block")
      .title("NetworkPolicy peer is a very broad address block")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .kinds(Policies.KINDS)
      .rationale("An ipBlock peer of 0.0.0.0/0 or ::/0 admits every address of its family; except blocks"
          + " carve out a few ranges but the rest of the Internet stays in. Blocks wider than an IPv4 /8 (or"
          + " an IPv6 /16 outside the unique-local fc00::/7 and link-local fe80::/10 ranges) are reported"
          + " too, since no single organisation's network is that large and 0.0.0.0/1 plus 128.0.0.0/1 is"
          + " the whole Internet written so that a check for /0 misses it; a /8 such as 10.0.0.0/8 is not."
          + " Whether an ipBlock also matches pod addresses depends on the network plugin; either way the"
          + " block lets the outside in (MEDIUM, for ingress) or the pods out to anywhere, where data can be"
          + " exfiltrated and command-and-control servers reached (LOW, for egress).")
      .remediation("List the address ranges the pods must talk to (the load balancer's, a partner's, a"
          + " service's published ranges) instead of the whole address space.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    for (Direction direction : Policies.DIRECTIONS) {
      if (!Policies.enforces(spec, direction)) {
        continue;
      }
      Node rules = spec.get(direction.field);
      for (int i = 0; i < rules.size(); i++) {
        Node peers = rules.get(i).get(direction.peers);
        for (int j = 0; j < peers.size(); j++) {
          Node ipBlock = peers.get(j).get("ipBlock");
          Node cidr = ipBlock.get("cidr");
          if (cidr.isNull()) {
            continue;
          }
          Cidr block = Cidr.parse(cidr.text());
          String broad = block == null ? null : Policies.broadness(block);
          if (broad == null) {
            continue;
          }
          context.finding(resource, cidr)
              .message(resource.displayName() + " allows " + direction.field + " " + direction.preposition + " "
                  + cidr.text() + Policies.excepts(ipBlock) + " (" + broad + ") on " + Policies.describePorts(rules.get(i))
                  + " (" + Policies.ruleName(direction, i) + ")")
              .severity(direction == Direction.INGRESS ? Severity.MEDIUM : Severity.LOW)
              .key(direction.field + "/" + i + "/" + j)
              .report();
        }
      }
    }
  }
}
