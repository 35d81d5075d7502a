/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.LabelSelector;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cluster-wide policy of {@code policy.networking.k8s.io}: an AdminNetworkPolicy or a
 * BaselineAdminNetworkPolicy ({@code v1alpha1}), or a ClusterNetworkPolicy ({@code v1alpha2},
 * Admin or Baseline tier). Its rules are evaluated in order, the first match deciding.
 */
final class ClusterPolicy {

  static final String GROUP = "policy.networking.k8s.io";
  static final GroupKind ADMIN_NETWORK_POLICY = GroupKind.of(GROUP, "AdminNetworkPolicy");
  static final GroupKind BASELINE_ADMIN_NETWORK_POLICY = GroupKind.of(GROUP, "BaselineAdminNetworkPolicy");
  static final GroupKind CLUSTER_NETWORK_POLICY = GroupKind.of(GROUP, "ClusterNetworkPolicy");

  enum Action { ALLOW, DENY, PASS }

  /**
   * A peer: pods by namespace selector and pod selector ({@code null} pod selector: every pod of
   * the namespaces), address blocks, or, for a peer of no known shape, everything.
   */
  record Peer(LabelSelector namespaces, LabelSelector pods, List<Cidr> networks, boolean everything) {}

  /** One rule; {@code ports} is {@code null} for all ports. */
  record Rule(int index, String name, Action action, List<Peer> peers, List<PortSpec> ports, Node node) {}

  final Resource resource;
  final boolean admin;
  final int priority;
  final LabelSelector subjectNamespaces;
  /** {@code null}: every pod of the subject namespaces. */
  final LabelSelector subjectPods;
  final boolean subjectValid;
  final List<Rule> ingressRules;
  final List<Rule> egressRules;

  ClusterPolicy(Resource resource) {
    this.resource = resource;
    Node spec = resource.root().get("spec");
    if (resource.is(BASELINE_ADMIN_NETWORK_POLICY)) {
      admin = false;
      priority = Integer.MAX_VALUE;
    } else if (resource.is(CLUSTER_NETWORK_POLICY)) {
      admin = !spec.get("tier").textEquals("Baseline");
      priority = (int) spec.get("priority").longValue(1000);
    } else {
      admin = true;
      priority = (int) spec.get("priority").longValue(1000);
    }
    Node subject = spec.get("subject");
    if (subject.get("namespaces").isMap()) {
      subjectNamespaces = LabelSelector.of(subject.get("namespaces"));
      subjectPods = null;
      subjectValid = true;
    } else if (subject.get("pods").isMap()) {
      subjectNamespaces = LabelSelector.of(subject.get("pods").get("namespaceSelector"));
      subjectPods = LabelSelector.of(subject.get("pods").get("podSelector"));
      subjectValid = true;
    } else {
      subjectNamespaces = LabelSelector.everything();
      subjectPods = null;
      subjectValid = false;
    }
    ingressRules = rules(spec.get("ingress"), "from");
    egressRules = rules(spec.get("egress"), "to");
  }

  /** The kind and name, as answers cite it: {@code AdminNetworkPolicy deny-all}. */
  String label() {
    return resource.kind() + " " + resource.name();
  }

  /** The tier as answers name it. */
  String tier() {
    return admin ? "admin" : "baseline";
  }

  boolean selects(Member m, java.util.Map<String, String> namespaceLabels) {
    return subjectValid && !m.hostNetwork && subjectNamespaces.matches(namespaceLabels)
        && (subjectPods == null || subjectPods.matches(m.labels));
  }

  private static List<Rule> rules(Node list, String peersKey) {
    List<Rule> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Node rule = list.get(i);
      Action action = action(rule.get("action").text(""));
      if (action == null) {
        continue;
      }
      List<Peer> peers = new ArrayList<>();
      Node list2 = rule.get(peersKey);
      for (int j = 0; j < list2.size(); j++) {
        Peer p = peer(list2.get(j), action);
        if (p != null) {
          peers.add(p);
        }
      }
      out.add(new Rule(i, rule.get("name").text(null), action, List.copyOf(peers), ports(rule), rule));
    }
    return List.copyOf(out);
  }

  private static Action action(String text) {
    switch (text) {
      case "Allow":
      case "Accept":
        return Action.ALLOW;
      case "Deny":
        return Action.DENY;
      case "Pass":
        return Action.PASS;
      default:
        return null;
    }
  }

  private static Peer peer(Node peer, Action action) {
    if (peer.get("namespaces").isMap()) {
      return new Peer(LabelSelector.of(peer.get("namespaces")), null, null, false);
    }
    if (peer.get("pods").isMap()) {
      Node pods = peer.get("pods");
      return new Peer(LabelSelector.of(pods.get("namespaceSelector")), LabelSelector.of(pods.get("podSelector")),
          null, false);
    }
    Node networks = peer.get("networks");
    if (networks.size() > 0) {
      List<Cidr> cidrs = new ArrayList<>();
      for (int i = 0; i < networks.size(); i++) {
        Cidr c = Cidr.parse(networks.get(i).text());
        if (c != null) {
          cidrs.add(c);
        }
      }
      return new Peer(null, null, List.copyOf(cidrs), false);
    }
    if (peer.get("nodes").isMap() || peer.get("domainNames").size() > 0) {
      // Node addresses and domain names are not known from manifests: such a peer matches no pod.
      return null;
    }
    // A peer of an unknown shape fails closed: an Allow rule matches nothing, others everything.
    return action == Action.ALLOW ? null : new Peer(null, null, null, true);
  }

  /** The ports of a rule: {@code ports} (v1alpha1) or {@code protocols}/{@code match} (v1alpha2). */
  private static List<PortSpec> ports(Node rule) {
    Node ports = rule.get("ports");
    if (ports.size() > 0) {
      List<PortSpec> out = new ArrayList<>();
      for (int i = 0; i < ports.size(); i++) {
        Node p = ports.get(i);
        Node number = p.get("portNumber");
        Node range = p.get("portRange");
        if (number.isMap()) {
          int port = (int) number.get("port").longValue(0);
          out.add(new PortSpec(protocol(number), port, port, null, p));
        } else if (range.isMap()) {
          out.add(new PortSpec(protocol(range), (int) range.get("start").longValue(0),
              (int) range.get("end").longValue(0), null, p));
        } else if (p.get("namedPort").isScalar()) {
          out.add(new PortSpec(null, 0, 0, p.get("namedPort").text(), p));
        }
      }
      return out;
    }
    Node protocols = rule.get("protocols").size() > 0 ? rule.get("protocols") : rule.get("match");
    if (protocols.size() == 0) {
      return null;
    }
    List<PortSpec> out = new ArrayList<>();
    for (int i = 0; i < protocols.size(); i++) {
      Node p = protocols.get(i);
      for (String proto : PortSet.PROTOCOLS) {
        Node entry = p.get(proto.toLowerCase(Locale.ROOT));
        if (entry.isMissing() || entry.isNull()) {
          continue;
        }
        for (Node e : entry.isList() ? listOf(entry) : List.of(entry)) {
          Node port = e.get("destinationPort").isMap() ? e.get("destinationPort") : e.get("port");
          if (!port.isMap()) {
            out.add(new PortSpec(proto, 0, 0, null, e));
          } else if (port.get("number").isScalar()) {
            int n = (int) port.get("number").longValue(0);
            out.add(new PortSpec(proto, n, n, null, e));
          } else {
            Node range = port.get("range").isMap() ? port.get("range") : port.get("portRange");
            out.add(new PortSpec(proto, (int) range.get("start").longValue(0), (int) range.get("end").longValue(0),
                null, e));
          }
        }
      }
      Node named = p.get("destinationNamedPort").isScalar() ? p.get("destinationNamedPort") : p.get("namedPort");
      if (named.isScalar()) {
        out.add(new PortSpec(null, 0, 0, named.text(), p));
      }
    }
    return out;
  }

  private static List<Node> listOf(Node list) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(list.get(i));
    }
    return out;
  }

  private static String protocol(Node holder) {
    return holder.get("protocol").text("TCP");
  }
}
