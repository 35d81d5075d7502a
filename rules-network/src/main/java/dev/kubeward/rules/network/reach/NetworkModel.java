/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the network policies of one scan say, under the semantics of the Kubernetes API: which
 * workloads run pods, which NetworkPolicies and cluster-wide policies apply to each pod template
 * in each direction, and what each one lets through. Built once per scan ({@link #of(Inventory)}),
 * immutable and safe to share between threads.
 *
 * <p>A NetworkPolicy selects pods of its own namespace; a pod is isolated in a direction once any
 * policy selects it for that direction, and policies add up. Pods that use the host network are
 * never isolated. Cluster-wide policies ({@code AdminNetworkPolicy}, {@code
 * BaselineAdminNetworkPolicy}, {@code ClusterNetworkPolicy}) are evaluated around them: the admin
 * tier first, by priority, then NetworkPolicies, then the baseline tier.
 */
public final class NetworkModel {

  private static final Inventory.Derived<NetworkModel> KEY = Inventory.Derived.of("network model", NetworkModel::new);

  private final Inventory inventory;
  private final List<Workload> workloads;
  /** {@link #workloads} by namespace: views of its runs, since it is sorted by namespace first. */
  private final Map<String, List<Workload>> workloadsByNamespace;
  private final List<Policy> policies;
  private final List<ClusterPolicy> admin;
  private final List<ClusterPolicy> baseline;
  private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
  private final Map<Resource, Workload> byResource = new IdentityHashMap<>();
  private final Map<Resource, Boolean> selectingSomething = new IdentityHashMap<>();

  private NetworkModel(Inventory inventory) {
    this.inventory = inventory;
    List<Policy> nps = new ArrayList<>();
    for (GroupKind gk : List.of(GroupKind.NETWORK_POLICY, GroupKind.EXTENSIONS_NETWORK_POLICY)) {
      for (Resource r : inventory.ofKind(gk)) {
        if (r.name() != null) {
          nps.add(new Policy(r, inventory.namespaceOf(r)));
        }
      }
    }
    this.policies = List.copyOf(nps);
    List<ClusterPolicy> cps = new ArrayList<>();
    for (GroupKind gk : List.of(ClusterPolicy.ADMIN_NETWORK_POLICY, ClusterPolicy.BASELINE_ADMIN_NETWORK_POLICY,
        ClusterPolicy.CLUSTER_NETWORK_POLICY)) {
      for (Resource r : inventory.ofKind(gk)) {
        cps.add(new ClusterPolicy(r));
      }
    }
    Comparator<ClusterPolicy> order = Comparator.comparingInt((ClusterPolicy c) -> c.priority)
        .thenComparing(c -> c.resource.kind())
        .thenComparing(c -> String.valueOf(c.resource.name()));
    this.admin = cps.stream().filter(c -> c.admin).sorted(order).toList();
    this.baseline = cps.stream().filter(c -> !c.admin).sorted(order).toList();
    this.workloads = buildWorkloads();
    this.workloadsByNamespace = byNamespace(workloads);
    List<ClusterPolicy> ordered = new ArrayList<>(admin);
    ordered.addAll(baseline);
    Map<String, List<Policy>> byNamespace = new HashMap<>();
    for (Policy p : policies) {
      byNamespace.computeIfAbsent(p.namespace, k -> new ArrayList<>()).add(p);
    }
    for (Workload w : workloads) {
      for (Member m : w.members) {
        for (Policy p : byNamespace.getOrDefault(m.namespace, List.of())) {
          if (p.selects(m)) {
            selectingSomething.put(p.resource, Boolean.TRUE);
            if (!m.hostNetwork) {
              if (p.ingress) {
                m.ingressPolicies.add(p);
              }
              if (p.egress) {
                m.egressPolicies.add(p);
              }
            }
          }
        }
        for (ClusterPolicy c : ordered) {
          if (c.selects(m, namespaceLabels(m.namespace))) {
            if (!c.ingressRules.isEmpty()) {
              m.ingressClusterPolicies.add(c);
            }
            if (!c.egressRules.isEmpty()) {
              m.egressClusterPolicies.add(c);
            }
          }
        }
      }
    }
  }

  /** The model of {@code inventory}'s scan, built on first use and shared by every rule. */
  public static NetworkModel of(Inventory inventory) {
    return inventory.derived(KEY);
  }

  public Inventory inventory() {
    return inventory;
  }

  /** Every workload, sorted by namespace, name and kind. */
  public List<Workload> workloads() {
    return workloads;
  }

  /** The workloads of {@code namespace}, in the order of {@link #workloads()}. */
  public List<Workload> workloadsIn(String namespace) {
    return workloadsByNamespace.getOrDefault(namespace, List.of());
  }

  /** The workload that {@code resource} (a workload resource of the scan) is reported as, or null. */
  public Workload workloadOf(Resource resource) {
    return byResource.get(resource);
  }

  /** The NetworkPolicies of the scan, in scan order. */
  public List<Resource> networkPolicies() {
    return policies.stream().map(p -> p.resource).toList();
  }

  /** The labels a namespace selector sees on {@code namespace} (memoised). */
  synchronized Map<String, String> namespaceLabels(String namespace) {
    return namespaceLabels.computeIfAbsent(namespace, inventory::namespaceLabels);
  }

  private Map<String, String> labelsOf(String namespace) {
    Map<String, String> labels;
    synchronized (this) {
      labels = namespaceLabels.get(namespace);
    }
    return labels != null ? labels : namespaceLabels(namespace);
  }

  /** True if no pod of {@code w} accepts connections beyond what some policy allows. */
  public boolean isolated(Workload w, Direction direction) {
    for (Member m : w.members) {
      if (m.hostNetwork || policiesOf(m, direction).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * True if some pod template of {@code w} is selected by no NetworkPolicy for {@code direction}
   * and is the subject of no cluster-wide policy with rules for it.
   */
  public boolean unselected(Workload w, Direction direction) {
    for (Member m : w.members) {
      if (m.hostNetwork || policiesOf(m, direction).isEmpty() && clusterPoliciesOf(m, direction).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The NetworkPolicies that select some pod of {@code w} for {@code direction}, in scan order. */
  public List<Resource> selecting(Workload w, Direction direction) {
    List<Resource> out = new ArrayList<>();
    for (Member m : w.members) {
      for (Policy p : policiesOf(m, direction)) {
        if (!out.contains(p.resource)) {
          out.add(p.resource);
        }
      }
    }
    return out;
  }

  /** True if the NetworkPolicy {@code policy} selects the pods of some workload of the scan. */
  public boolean selectsAnything(Resource policy) {
    return selectingSomething.containsKey(policy);
  }

  /**
   * True if the policies of {@code namespace} isolate every pod it may hold for {@code direction},
   * whatever its labels: a NetworkPolicy with an empty pod selector, or a cluster-wide policy
   * whose subject is the whole namespace and that denies every peer on every port, after Allow
   * rules only (a Pass rule before it hands connections on to the NetworkPolicies).
   * Returns the policy that does it, or {@code null}.
   */
  public Resource defaultDeny(String namespace, Direction direction) {
    for (Policy p : policies) {
      if (p.namespace.equals(namespace) && p.podSelector.isEmpty()
          && (direction == Direction.INGRESS ? p.ingress : p.egress)) {
        return p.resource;
      }
    }
    Map<String, String> labels = labelsOf(namespace);
    for (List<ClusterPolicy> tier : List.of(admin, baseline)) {
      for (ClusterPolicy c : tier) {
        if (!c.subjectValid || c.subjectPods != null && !c.subjectPods.isEmpty() || !c.subjectNamespaces.matches(labels)) {
          continue;
        }
        for (ClusterPolicy.Rule r : direction == Direction.INGRESS ? c.ingressRules : c.egressRules) {
          if (r.action() == ClusterPolicy.Action.DENY && r.ports() == null && r.peers().stream().anyMatch(
              peer -> peer.everything() || peer.namespaces() != null && peer.namespaces().isEmpty()
                  && (peer.pods() == null || peer.pods().isEmpty()))) {
            return c.resource;
          }
          if (r.action() == ClusterPolicy.Action.PASS) {
            // Passed connections go on to the NetworkPolicies: no blanket deny after this.
            break;
          }
        }
      }
    }
    return null;
  }

  List<Policy> policiesOf(Member m, Direction direction) {
    return direction == Direction.INGRESS ? m.ingressPolicies : m.egressPolicies;
  }

  List<ClusterPolicy> clusterPoliciesOf(Member m, Direction direction) {
    return direction == Direction.INGRESS ? m.ingressClusterPolicies : m.egressClusterPolicies;
  }

  List<ClusterPolicy> adminTier() {
    return admin;
  }

  List<ClusterPolicy> baselineTier() {
    return baseline;
  }

  // ---------------------------------------------------------------------------------------------
  // Workloads

  private record Identity(String kind, String namespace, String name) {
    // Written out (the values of a record's generated methods) so that the first use does not
    // bootstrap java.lang.runtime.ObjectMethods at start-up.
    @Override
    public boolean equals(Object o) {
      return this == o || o instanceof Identity other && Objects.equals(kind, other.kind)
          && Objects.equals(namespace, other.namespace) && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
      return (31 * Objects.hashCode(kind) + Objects.hashCode(namespace)) * 31 + Objects.hashCode(name);
    }
  }

  private List<Workload> buildWorkloads() {
    Map<Object, List<Member>> groups = new LinkedHashMap<>();
    Map<Object, Resource> tops = new HashMap<>();
    Map<Object, Identity> ids = new HashMap<>();
    for (Resource r : inventory.workloads()) {
      PodSpec pod = r.podSpec();
      if (pod == null || r.name() == null && r.root().get("metadata").get("generateName").isMissing()) {
        continue;
      }
      String ns = inventory.namespaceOf(r);
      if (ns == null) {
        continue;
      }
      Object key;
      Resource top = r;
      Resource cur = r;
      Identity synthetic = null;
      for (int depth = 0; depth < 8; depth++) {
        Node ref = controllerRef(cur);
        if (ref == null) {
          break;
        }
        String apiVersion = ref.get("apiVersion").text("");
        int slash = apiVersion.indexOf('/');
        GroupKind gk = GroupKind.of(slash < 0 ? "" : apiVersion.substring(0, slash), ref.get("kind").text(""));
        List<Resource> owners = inventory.named(gk, ns, ref.get("name").text(""));
        if (owners.isEmpty()) {
          if (cur == r) {
            synthetic = new Identity(gk.kind(), ns, ref.get("name").text(""));
          }
          break;
        }
        cur = owners.get(0);
        top = cur;
      }
      if (synthetic != null) {
        key = synthetic;
        ids.put(key, synthetic);
      } else {
        key = top;
        ids.put(key, new Identity(top.kind(), ns, top.name() != null ? top.name()
            : top.root().get("metadata").get("generateName").text("")));
      }
      tops.putIfAbsent(key, synthetic != null ? r : top);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Member(pod, r, ns,
          Inventory.podLabels(pod), pod.spec().get("hostNetwork").isTrue()));
    }
    List<Workload> out = new ArrayList<>();
    for (Map.Entry<Object, List<Member>> e : groups.entrySet()) {
      Identity id = ids.get(e.getKey());
      Workload w = new Workload(id.kind(), id.namespace(), id.name(), tops.get(e.getKey()),
          !(e.getKey() instanceof Identity), List.copyOf(e.getValue()));
      for (Member m : w.members) {
        m.workload = w;
        byResource.put(m.resource, w);
      }
      out.add(w);
    }
    Collections.sort(out);
    return List.copyOf(out);
  }

  /** The runs of {@code sorted} (sorted by namespace first) by namespace. */
  private static Map<String, List<Workload>> byNamespace(List<Workload> sorted) {
    Map<String, List<Workload>> out = new HashMap<>();
    int start = 0;
    for (int i = 1; i <= sorted.size(); i++) {
      if (i == sorted.size() || !sorted.get(i).namespace().equals(sorted.get(start).namespace())) {
        out.put(sorted.get(start).namespace(), sorted.subList(start, i));
        start = i;
      }
    }
    return out;
  }

  private static Node controllerRef(Resource r) {
    Node refs = r.root().get("metadata").get("ownerReferences");
    for (int i = 0; i < refs.size(); i++) {
      Node ref = refs.get(i);
      if (ref.get("controller").isTrue() && ref.get("kind").isScalar() && ref.get("name").isScalar()) {
        return ref;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluation

  /**
   * The far end of a connection as a policy sees it: a pod template of the scan, an address
   * outside the cluster, or an ingress controller (unknown pods, or pods of a namespace with
   * labels).
   */
  record Endpoint(Member member, int family, BigInteger address, boolean controller, String namespace,
      Map<String, String> labels) {

    static Endpoint of(Member m) {
      return new Endpoint(m, 0, null, false, m.namespace, m.labels);
    }

    static Endpoint address(int family, BigInteger address) {
      return new Endpoint(null, family, address, false, null, null);
    }

    boolean isAddress() {
      return address != null;
    }

    boolean hostNetwork() {
      return member != null && member.hostNetwork;
    }

    /** A pod on the pod network: a pod template of the scan, or a controller's pods. */
    boolean podNetwork() {
      return member != null ? !member.hostNetwork : controller;
    }
  }

  /** Why a connection is allowed, collected while evaluating when asked for. */
  interface Trace {
    void add(String reason);
  }

  /**
   * The ports on which {@code subject} lets traffic through in {@code direction}, the other end
   * being {@code peer}; {@code destination} is the pod whose named ports resolve (the subject for
   * ingress, the peer for egress; {@code null} outside the cluster).
   */
  PortSet decide(Member subject, Direction direction, Endpoint peer, Member destination, Reachability.Options options,
      Trace trace) {
    String dir = direction == Direction.INGRESS ? "ingress" : "egress";
    if (subject.hostNetwork) {
      if (trace != null) {
        trace.add(subject.workload.label() + " uses the host network, which policies do not isolate (" + dir + ")");
      }
      return PortSet.ALL;
    }
    PortSet undecided = PortSet.ALL;
    PortSet allowed = PortSet.NONE;
    PortSet passed = PortSet.NONE;
    for (ClusterPolicy c : clusterPoliciesOf(subject, direction)) {
      if (!c.admin) {
        continue;
      }
      for (ClusterPolicy.Rule r : direction == Direction.INGRESS ? c.ingressRules : c.egressRules) {
        if (undecided.isEmpty()) {
          break;
        }
        if (!matches(r, peer, options)) {
          continue;
        }
        PortSet p = PortSpec.resolve(r.ports(), destination).intersect(undecided);
        if (p.isEmpty()) {
          continue;
        }
        undecided = undecided.minus(p);
        if (r.action() == ClusterPolicy.Action.ALLOW) {
          allowed = allowed.union(p);
        } else if (r.action() == ClusterPolicy.Action.PASS) {
          passed = passed.union(p);
        }
        if (trace != null) {
          trace.add(c.label() + " " + dir + " rule " + ruleName(r) + " " + verb(r.action()) + " " + p + " ("
              + c.tier() + " tier)");
        }
      }
    }
    PortSet remaining = undecided.union(passed);
    if (remaining.isEmpty()) {
      return allowed;
    }
    List<Policy> nps = policiesOf(subject, direction);
    if (!nps.isEmpty()) {
      PortSet byPolicies = PortSet.NONE;
      for (Policy p : nps) {
        for (Policy.Rule r : direction == Direction.INGRESS ? p.ingressRules : p.egressRules) {
          if (!matches(p, r, peer, options)) {
            continue;
          }
          PortSet ports = PortSpec.resolve(r.ports(), destination).intersect(remaining);
          if (ports.isEmpty()) {
            continue;
          }
          byPolicies = byPolicies.union(ports);
          if (trace != null) {
            trace.add("NetworkPolicy " + p.label() + " " + dir + " rule " + r.index() + " allows " + ports);
          }
        }
      }
      if (trace != null && byPolicies.isEmpty()) {
        trace.add(subject.workload.label() + " is isolated for " + dir + " by NetworkPolicy "
            + nps.get(0).label() + " and no rule allows this peer");
      }
      return allowed.union(byPolicies);
    }
    for (ClusterPolicy c : clusterPoliciesOf(subject, direction)) {
      if (c.admin) {
        continue;
      }
      for (ClusterPolicy.Rule r : direction == Direction.INGRESS ? c.ingressRules : c.egressRules) {
        if (remaining.isEmpty()) {
          break;
        }
        if (!matches(r, peer, options)) {
          continue;
        }
        PortSet p = PortSpec.resolve(r.ports(), destination).intersect(remaining);
        if (p.isEmpty() || r.action() == ClusterPolicy.Action.PASS) {
          continue;
        }
        remaining = remaining.minus(p);
        if (r.action() == ClusterPolicy.Action.ALLOW) {
          allowed = allowed.union(p);
        }
        if (trace != null) {
          trace.add(c.label() + " " + dir + " rule " + ruleName(r) + " " + verb(r.action()) + " " + p
              + " (baseline tier)");
        }
      }
    }
    if (!remaining.isEmpty() && trace != null) {
      trace.add(subject.workload.label() + " is not isolated for " + dir + " (no NetworkPolicy selects it)");
    }
    return allowed.union(remaining);
  }

  private static String ruleName(ClusterPolicy.Rule r) {
    return r.name() != null ? "\"" + r.name() + "\"" : Integer.toString(r.index());
  }

  private static String verb(ClusterPolicy.Action action) {
    return action == ClusterPolicy.Action.ALLOW ? "allows" : action == ClusterPolicy.Action.DENY ? "denies" : "passes";
  }

  /** True if a NetworkPolicy rule of {@code policy} names {@code peer}. */
  boolean matches(Policy policy, Policy.Rule rule, Endpoint peer, Reachability.Options options) {
    if (rule.peers() == null) {
      return true;
    }
    for (Policy.Peer p : rule.peers()) {
      if (matches(policy, p, peer, options)) {
        return true;
      }
    }
    return false;
  }

  private boolean matches(Policy policy, Policy.Peer p, Endpoint e, Reachability.Options options) {
    if (p.block() != null) {
      if (e.isAddress()) {
        if (!p.block().contains(e.family(), e.address())) {
          return false;
        }
        for (Cidr x : p.except()) {
          if (x.contains(e.family(), e.address())) {
            return false;
          }
        }
        return true;
      }
      if (e.hostNetwork()) {
        // The node's address is not known: only a block of every address, without exceptions, surely holds it.
        return p.block().isEverything() && p.except().isEmpty();
      }
      Cidr pods = options.podCidr();
      if (pods == null || !p.block().contains(pods)) {
        return false;
      }
      for (Cidr x : p.except()) {
        if (x.overlaps(pods)) {
          return false;
        }
      }
      return true;
    }
    if (!e.podNetwork()) {
      return false;
    }
    if (e.namespace() == null) {
      // An ingress controller whose pods are not known: only peers that name every pod of every namespace.
      return p.namespaces().kind() == dev.kubeward.model.Selection.Kind.EVERYTHING
          && p.pods().kind() == dev.kubeward.model.Selection.Kind.EVERYTHING;
    }
    switch (p.namespaces().kind()) {
      case OWN_NAMESPACE:
        if (!policy.namespace.equals(e.namespace())) {
          return false;
        }
        break;
      case MATCHING:
        if (!p.namespaces().selector().matches(labelsOf(e.namespace()))) {
          return false;
        }
        break;
      default:
        break;
    }
    return p.pods().matches(e.labels());
  }

  private boolean matches(ClusterPolicy.Rule rule, Endpoint e, Reachability.Options options) {
    for (ClusterPolicy.Peer p : rule.peers()) {
      if (p.everything()) {
        return true;
      }
      if (p.networks() != null) {
        for (Cidr c : p.networks()) {
          if (e.isAddress() ? c.contains(e.family(), e.address())
              : e.hostNetwork() ? c.isEverything()
              : options.podCidr() != null && c.contains(options.podCidr())) {
            return true;
          }
        }
        continue;
      }
      if (!e.podNetwork()) {
        continue;
      }
      if (e.namespace() == null) {
        if (p.namespaces().isEmpty() && (p.pods() == null || p.pods().isEmpty())) {
          return true;
        }
        continue;
      }
      if (p.namespaces().matches(labelsOf(e.namespace())) && (p.pods() == null || p.pods().matches(e.labels()))) {
        return true;
      }
    }
    return false;
  }

  /** Every address block a rule that applies to {@code m} in {@code direction} names. */
  List<Cidr> blocks(Member m, Direction direction) {
    List<Cidr> out = new ArrayList<>();
    for (Policy p : policiesOf(m, direction)) {
      for (Policy.Rule r : direction == Direction.INGRESS ? p.ingressRules : p.egressRules) {
        if (r.peers() != null) {
          for (Policy.Peer peer : r.peers()) {
            if (peer.block() != null) {
              out.add(peer.block());
              out.addAll(peer.except());
            }
          }
        }
      }
    }
    for (ClusterPolicy c : clusterPoliciesOf(m, direction)) {
      for (ClusterPolicy.Rule r : direction == Direction.INGRESS ? c.ingressRules : c.egressRules) {
        for (ClusterPolicy.Peer peer : r.peers()) {
          if (peer.networks() != null) {
            out.addAll(peer.networks());
          }
        }
      }
    }
    return out;
  }

  /**
   * The NetworkPolicy rules that let some address outside the cluster into {@code w}, with the
   * blocks they admit: for the rule that reports workloads reachable from outside.
   */
  public List<OutsideRule> outsideRules(Workload w) {
    List<OutsideRule> out = new ArrayList<>();
    for (Member m : w.members) {
      if (m.hostNetwork) {
        continue;
      }
      for (Policy p : m.ingressPolicies) {
        for (Policy.Rule r : p.ingressRules) {
          if (PortSpec.resolve(r.ports(), m).isEmpty()) {
            continue;
          }
          if (r.peers() == null) {
            add(out, new OutsideRule(p.resource, r.node(), List.of(Cidr.ALL_V4, Cidr.ALL_V6), List.of()));
            continue;
          }
          for (Policy.Peer peer : r.peers()) {
            if (peer.block() != null) {
              add(out, new OutsideRule(p.resource, peer.node(), List.of(peer.block()), peer.except()));
            }
          }
        }
      }
    }
    return out;
  }

  private static void add(List<OutsideRule> out, OutsideRule rule) {
    for (OutsideRule o : out) {
      if (o.node() == rule.node()) {
        return;
      }
    }
    out.add(rule);
  }

  /**
   * A NetworkPolicy rule (or one of its ipBlock peers) that admits addresses outside the cluster.
   *
   * @param policy the NetworkPolicy
   * @param node the rule without peers, or the ipBlock peer
   * @param blocks the blocks admitted
   * @param except the blocks cut out of them
   */
  public record OutsideRule(Resource policy, Node node, List<Cidr> blocks, List<Cidr> except) {}
}
