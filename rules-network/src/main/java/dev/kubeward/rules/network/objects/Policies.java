/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;

/**
 * How the object rules read a NetworkPolicy: which directions its {@code policyTypes} make it
 * enforce (defaulted as {@code SetDefaults_NetworkPolicy} in
 * {@code pkg/apis/networking/v1/defaults.go} does), the rules of a direction, their peers and
 * ports, and the address blocks that matter.
 */
final class Policies {

  static final GroupKind[] KINDS = {GroupKind.NETWORK_POLICY, GroupKind.EXTENSIONS_NETWORK_POLICY};

  /** The two directions of a NetworkPolicy. */
  enum Direction {
    INGRESS("Ingress", "ingress", "from", "from"),
    EGRESS("Egress", "egress", "to", "to");

    final String type;
    final String field;
    final String peers;
    /** "from" or "to", for messages. */
    final String preposition;

    Direction(String type, String field, String peers, String preposition) {
      this.type = type;
      this.field = field;
      this.peers = peers;
      this.preposition = preposition;
    }
  }

  /** Both directions, shared so that looping over them allocates nothing. */
  static final Direction[] DIRECTIONS = Direction.values();

  /** The cloud instance metadata addresses an egress rule should not reach. */
  private static final String[][] METADATA = {
      {"169.254.169.254", "the instance metadata service of AWS, Azure, GCP, OCI and others"},
      {"fd00:ec2::254", "the IPv6 instance metadata service of AWS"},
      {"100.100.100.200", "the instance metadata service of Alibaba Cloud"},
  };

  private static final Cidr UNIQUE_LOCAL = Cidr.parse("fc00::/7");
  private static final Cidr LINK_LOCAL = Cidr.parse("fe80::/10");

  private Policies() {}

  /** True if {@code policyTypes} is given: a non-empty list (an empty one is defaulted like an absent one). */
  static boolean explicitTypes(Node spec) {
    return spec.get("policyTypes").size() > 0;
  }

  /**
   * True if the policy applies to {@code direction}: its explicit {@code policyTypes} name it, or,
   * without them, Ingress always and Egress when {@code spec.egress} has at least one rule.
   */
  static boolean enforces(Node spec, Direction direction) {
    Node types = spec.get("policyTypes");
    if (types.size() == 0) {
      return direction == Direction.INGRESS || spec.get("egress").size() > 0;
    }
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i).textEquals(direction.type)) {
        return true;
      }
    }
    return false;
  }

  /** True if every port entry of {@code rule} lets nothing narrower than every port through. */
  static boolean allPorts(Node rule) {
    return rule.get("ports").size() == 0;
  }

  /** The ports of {@code rule} for messages: {@code every port}, {@code TCP 443}, {@code UDP 53, every TCP port}. */
  static String describePorts(Node rule) {
    Node ports = rule.get("ports");
    if (ports.size() == 0) {
      return "every port";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ports.size(); i++) {
      Node p = ports.get(i);
      String protocol = p.get("protocol").text("TCP");
      if (i > 0) {
        sb.append(", ");
      }
      Node port = p.get("port");
      if (port.isNull()) {
        sb.append("every ").append(protocol).append(" port");
      } else {
        sb.append(protocol).append(' ').append(port.text(""));
        Node end = p.get("endPort");
        if (!end.isNull()) {
          sb.append('-').append(end.text(""));
        }
      }
    }
    return sb.toString();
  }

  /**
   * True if {@code rule}'s ports let TCP {@code number} through to an address outside the cluster:
   * no ports, or an entry of protocol TCP (the default) with no port, that port, or a range holding
   * it. A named port matches nothing there, as no container of an outside address can name it.
   */
  static boolean allowsTcp(Node rule, long number) {
    Node ports = rule.get("ports");
    if (ports.size() == 0) {
      return true;
    }
    for (int i = 0; i < ports.size(); i++) {
      Node p = ports.get(i);
      if (!p.get("protocol").text("TCP").equals("TCP")) {
        continue;
      }
      Node port = p.get("port");
      if (port.isNull()) {
        return true;
      }
      long from = port.longValue(-1);
      long to = p.get("endPort").longValue(from);
      if (from >= 0 && from <= number && number <= to) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why {@code block} is broad, as a phrase ({@code every IPv4 address}), or {@code null}: every
   * address of its family, an IPv4 block wider than a /8, or an IPv6 block wider than a /16 outside
   * the unique-local and link-local ranges. A /8 (such as 10.0.0.0/8) is a network; anything wider
   * takes in a good part of the Internet (0.0.0.0/1 and 128.0.0.0/1 together are all of it).
   */
  static String broadness(Cidr block) {
    String family = block.isIpv4() ? "IPv4" : "IPv6";
    if (block.isEverything()) {
      return "every " + family + " address";
    }
    if (block.isIpv4() ? block.prefix() < 8 : block.prefix() < 16 && !UNIQUE_LOCAL.contains(block)
        && !LINK_LOCAL.contains(block)) {
      double share = Math.pow(2, -block.prefix()) * 100;
      return share >= 1 ? String.format(java.util.Locale.ROOT, "%.0f%% of every %s address", share, family)
          : "more than a /" + (block.isIpv4() ? 8 : 16) + " of " + family + " addresses";
    }
    return null;
  }

  /** The {@code except} blocks of {@code ipBlock} as written, for messages; empty when none. */
  static String excepts(Node ipBlock) {
    Node except = ipBlock.get("except");
    if (except.size() == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" except ");
    for (int i = 0; i < except.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(except.get(i).text(""));
    }
    return sb.toString();
  }

  /**
   * The metadata address {@code block} reaches despite its {@code except} blocks, as
   * {@code {address, what}}, or {@code null}.
   */
  static String[] metadataReached(Cidr block, Node ipBlock) {
    Node except = ipBlock.get("except");
    for (String[] m : METADATA) {
      byte[] address = Cidr.address(m[0]);
      if (!block.contains(address)) {
        continue;
      }
      boolean excepted = false;
      for (int i = 0; i < except.size() && !excepted; i++) {
        Cidr e = Cidr.parse(except.get(i).text());
        excepted = e != null && e.contains(address);
      }
      if (!excepted) {
        return m;
      }
    }
    return null;
  }

  /** {@code ingress rule 1} for messages (0-based, as the JSON Pointer counts). */
  static String ruleName(Direction direction, int index) {
    return direction.field + " rule " + index;
  }

  /** The display name of a policy for messages. */
  static String name(Resource policy) {
    return policy.displayName();
  }
}
