/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.LabelSelector;
import dev.kubeward.model.Node;
import dev.kubeward.model.Ports;
import dev.kubeward.model.Resource;
import dev.kubeward.model.Selection;
import dev.kubeward.model.SelectorField;
import java.util.ArrayList;
import java.util.List;

/**
 * A NetworkPolicy as the API server stores it: its pod selector, the directions it isolates
 * ({@code policyTypes}, defaulted: Ingress always, Egress when {@code egress} has rules), and its
 * rules.
 */
final class Policy {

  /** A peer of a rule: pods by namespace and pod selector, or an address block. */
  record Peer(Selection namespaces, Selection pods, Cidr block, List<Cidr> except, Node node) {}

  /**
   * One ingress or egress rule.
   *
   * @param peers {@code null} when the rule names no peer (every source or destination)
   * @param ports {@code null} when the rule names no port (every port)
   */
  record Rule(int index, Node node, List<Peer> peers, List<PortSpec> ports) {}

  final Resource resource;
  final String namespace;
  final LabelSelector podSelector;
  final Node podSelectorNode;
  final boolean ingress;
  final boolean egress;
  final List<Rule> ingressRules;
  final List<Rule> egressRules;

  Policy(Resource resource, String namespace) {
    this.resource = resource;
    this.namespace = namespace;
    Node root = resource.root();
    Node spec = root.get("spec");
    Selection selection = SelectorField.NETWORK_POLICY_POD_SELECTOR.select(root, resource.apiVersion());
    this.podSelector = selection.selector();
    this.podSelectorNode = spec.get("podSelector");
    Node types = spec.get("policyTypes");
    if (types.isList() && types.size() > 0) {
      boolean in = false;
      boolean out = false;
      for (int i = 0; i < types.size(); i++) {
        in |= types.get(i).textEquals("Ingress");
        out |= types.get(i).textEquals("Egress");
      }
      this.ingress = in;
      this.egress = out;
    } else {
      // SetDefaults_NetworkPolicy: Ingress always; Egress when the egress list is not empty.
      this.ingress = true;
      this.egress = spec.get("egress").size() > 0;
    }
    this.ingressRules = rules(spec.get("ingress"), "from");
    this.egressRules = rules(spec.get("egress"), "to");
  }

  /** The policy as {@code ns/name}. */
  String label() {
    return namespace + "/" + resource.name();
  }

  /** True if the policy selects the pods of {@code m} (in its own namespace). */
  boolean selects(Member m) {
    return namespace.equals(m.namespace) && podSelector.matches(m.labels);
  }

  private static List<Rule> rules(Node list, String peersKey) {
    List<Rule> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Node rule = list.get(i);
      if (!rule.isMap()) {
        continue;
      }
      Node peers = rule.get(peersKey);
      List<Peer> compiled = null;
      if (peers.size() > 0) {
        compiled = new ArrayList<>();
        for (int j = 0; j < peers.size(); j++) {
          Peer p = peer(peers.get(j));
          if (p != null) {
            compiled.add(p);
          }
        }
      }
      out.add(new Rule(i, rule, compiled, ports(rule.get("ports"))));
    }
    return List.copyOf(out);
  }

  private static Peer peer(Node peer) {
    Node block = peer.get("ipBlock");
    if (block.isMap()) {
      Cidr cidr = Cidr.parse(block.get("cidr").text());
      if (cidr == null) {
        return null;
      }
      List<Cidr> except = new ArrayList<>();
      Node ex = block.get("except");
      for (int k = 0; k < ex.size(); k++) {
        Cidr c = Cidr.parse(ex.get(k).text());
        if (c != null) {
          except.add(c);
        }
      }
      return new Peer(null, null, cidr, List.copyOf(except), peer);
    }
    Selection ns = SelectorField.NETWORK_POLICY_PEER_NAMESPACE_SELECTOR.select(peer, null);
    Selection pods = SelectorField.NETWORK_POLICY_PEER_POD_SELECTOR.select(peer, null);
    if (ns.kind() == Selection.Kind.NOTHING || pods.kind() == Selection.Kind.NOTHING) {
      return null;
    }
    return new Peer(ns, pods, null, List.of(), peer);
  }

  /** The ports of a NetworkPolicy rule, {@code null} for all of them. */
  private static List<PortSpec> ports(Node list) {
    if (list.size() == 0) {
      return null;
    }
    List<PortSpec> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Node p = list.get(i);
      String protocol = Ports.protocol(p);
      Node port = p.get("port");
      if (port.isMissing() || port.isNull()) {
        out.add(new PortSpec(protocol, 0, 0, null, p));
      } else if (port.isScalar() && isNumber(port.text())) {
        int from = Integer.parseInt(port.text());
        Node end = p.get("endPort");
        int to = end.isScalar() && isNumber(end.text()) ? Integer.parseInt(end.text()) : from;
        out.add(new PortSpec(protocol, from, Math.max(from, to), null, p));
      } else {
        out.add(new PortSpec(protocol, 0, 0, port.text(""), p));
      }
    }
    return out;
  }

  static boolean isNumber(String text) {
    return text != null && !text.isEmpty() && text.length() < 7 && text.chars().allMatch(Character::isDigit);
  }
}
