/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Ports;
import dev.kubeward.model.Resource;
import dev.kubeward.model.Selection;
import dev.kubeward.model.SelectorField;
import dev.kubeward.report.JsonText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which connections the policies of a scan allow: between every two workloads, between workloads
 * and address blocks outside the cluster, and from an ingress controller to the backends of
 * Ingresses and Gateway routes. Stateless over an immutable {@link NetworkModel}: safe to call
 * from any thread.
 */
public final class Reachability {

  /**
   * How to answer.
   *
   * @param podCidr the pod network, or {@code null}: when given, an ipBlock that covers it (and
   *     excepts none of it) also selects pods; by default ipBlocks describe outside addresses only
   * @param controllerNamespace the ingress controller's namespace, or {@code null} when unknown
   * @param controllerLabels the labels of the controller's pods (with a namespace)
   * @param why whether each connection carries its reasons
   */
  public record Options(Cidr podCidr, String controllerNamespace, Map<String, String> controllerLabels, boolean why) {
    /** The defaults: ipBlocks outside the cluster, controller unknown, no reasons. */
    public static Options defaults() {
      return new Options(null, null, Map.of(), false);
    }

    public Options withPodCidr(Cidr cidr) {
      return new Options(cidr, controllerNamespace, controllerLabels, why);
    }

    public Options withIngressController(String namespace, Map<String, String> labels) {
      return new Options(podCidr, namespace, Map.copyOf(labels), why);
    }

    public Options withWhy(boolean on) {
      return new Options(podCidr, controllerNamespace, controllerLabels, on);
    }
  }

  /** One end of a connection: a workload, an outside address block, or the ingress controller. */
  public sealed interface Peer permits WorkloadPeer, BlockPeer, ControllerPeer {
    /** How the text answer writes it. */
    String text();

    /** How the JSON answer writes it. */
    String json();
  }

  /** A workload (or bare Pod). */
  public record WorkloadPeer(Workload workload) implements Peer {
    @Override
    public String text() {
      return workload.label();
    }

    @Override
    public String json() {
      return "{\"kind\":" + JsonText.quote(workload.kind()) + ",\"namespace\":" + JsonText.quote(workload.namespace())
          + ",\"name\":" + JsonText.quote(workload.name()) + "}";
    }
  }

  /** An address block outside the cluster, minus {@code except}. */
  public record BlockPeer(Cidr block, List<Cidr> except) implements Peer {
    @Override
    public String text() {
      if (except.isEmpty()) {
        return block.toString();
      }
      StringBuilder sb = new StringBuilder(block.toString()).append(" except ");
      for (int i = 0; i < except.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(except.get(i));
      }
      return sb.toString();
    }

    @Override
    public String json() {
      StringBuilder sb = new StringBuilder("{\"ipBlock\":").append(JsonText.quote(block.toString()));
      if (!except.isEmpty()) {
        sb.append(",\"except\":[");
        for (int i = 0; i < except.size(); i++) {
          sb.append(i == 0 ? "" : ",").append(JsonText.quote(except.get(i).toString()));
        }
        sb.append(']');
      }
      return sb.append('}').toString();
    }
  }

  /** The ingress controller that Ingresses and Gateway routes bring connections from. */
  public record ControllerPeer() implements Peer {
    @Override
    public String text() {
      return "{ingressController}";
    }

    @Override
    public String json() {
      return "{\"ingressController\":true}";
    }
  }

  /** One allowed connection, with the reasons when asked for. */
  public record Connection(Peer from, Peer to, PortSet ports, List<String> why) {
    /** {@code from => to : ports}. */
    public String text() {
      return from.text() + " => " + to.text() + " : " + ports;
    }
  }

  /** The answer: what was assumed, and the allowed connections in a stable order. */
  public record Answer(List<String> assumptions, List<Connection> connections) {
    /** One line per connection. */
    public String text() {
      StringBuilder sb = new StringBuilder();
      for (Connection c : connections) {
        sb.append(c.text()).append('\n');
      }
      return sb.toString();
    }

    /** The JSON answer, schema version 1 (see the README). */
    public String json(boolean why) {
      StringBuilder sb = new StringBuilder("{\"schemaVersion\":1,\"assumptions\":[");
      for (int i = 0; i < assumptions.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(JsonText.quote(assumptions.get(i)));
      }
      sb.append("],\"connections\":[");
      for (int i = 0; i < connections.size(); i++) {
        Connection c = connections.get(i);
        sb.append(i == 0 ? "" : ",").append("\n  {\"from\":").append(c.from().json()).append(",\"to\":")
            .append(c.to().json()).append(",\"ports\":");
        if (c.ports().isAll()) {
          sb.append("\"all\"");
        } else {
          sb.append('[');
          List<PortSet.Range> ranges = c.ports().ranges();
          for (int j = 0; j < ranges.size(); j++) {
            PortSet.Range r = ranges.get(j);
            sb.append(j == 0 ? "" : ",").append("{\"protocol\":").append(JsonText.quote(r.protocol()));
            if (!r.wholeProtocol()) {
              sb.append(",\"port\":").append(r.port());
              if (r.endPort() != r.port()) {
                sb.append(",\"endPort\":").append(r.endPort());
              }
            }
            sb.append('}');
          }
          sb.append(']');
        }
        if (why) {
          sb.append(",\"why\":[");
          for (int j = 0; j < c.why().size(); j++) {
            sb.append(j == 0 ? "" : ",").append(JsonText.quote(c.why().get(j)));
          }
          sb.append(']');
        }
        sb.append('}');
      }
      return sb.append(connections.isEmpty() ? "]}\n" : "\n]}\n").toString();
    }
  }

  private final NetworkModel model;
  private final Options options;

  private Reachability(NetworkModel model, Options options) {
    this.model = model;
    this.options = options;
  }

  /** The reachability of {@code inventory}'s scan under {@code options}. */
  public static Reachability of(Inventory inventory, Options options) {
    return new Reachability(NetworkModel.of(inventory), Objects.requireNonNull(options, "options"));
  }

  public NetworkModel model() {
    return model;
  }

  /** What the answers assume, in words. */
  public List<String> assumptions() {
    List<String> out = new ArrayList<>();
    if (options.podCidr() == null) {
      out.add("ipBlocks describe addresses outside the cluster; pod-to-pod traffic is decided by pod and namespace"
          + " selectors alone");
    } else {
      out.add("pods have addresses in " + options.podCidr() + "; an ipBlock that covers all of it, excepting none of"
          + " it, also selects pods");
    }
    out.add("pods that use the host network are never isolated; policies see them as their node, whose address is"
        + " not known");
    out.add(options.controllerNamespace() == null
        ? "the ingress controller's pods are not known: only rules that admit every pod of every namespace admit it"
        : "the ingress controller runs in namespace " + options.controllerNamespace() + " with labels "
            + options.controllerLabels());
    return out;
  }

  /** Every allowed connection, optionally only those from {@code from} and to {@code to} (null: any). */
  public Answer connections(Workload from, Workload to) {
    List<Connection> out = new ArrayList<>();
    List<Workload> all = model.workloads();
    for (Workload src : all) {
      if (from != null && src != from) {
        continue;
      }
      for (Workload dst : all) {
        if (src == dst || to != null && dst != to) {
          continue;
        }
        List<String> why = options.why() ? new ArrayList<>() : null;
        PortSet ports = between(src, dst, why);
        if (!ports.isEmpty()) {
          out.add(new Connection(new WorkloadPeer(src), new WorkloadPeer(dst), ports, reasons(why)));
        }
      }
      if (to == null) {
        outside(src, Direction.EGRESS, out);
      }
    }
    for (Workload dst : all) {
      if (from == null && (to == null || dst == to)) {
        outside(dst, Direction.INGRESS, out);
      }
    }
    if (from == null) {
      ingressController(to, out);
    }
    out.sort(ORDER);
    return new Answer(assumptions(), List.copyOf(out));
  }

  private static final Comparator<Connection> ORDER = Comparator
      .comparing((Connection c) -> rank(c.from())).thenComparing(c -> key(c.from()))
      .thenComparing(c -> rank(c.to())).thenComparing(c -> key(c.to()));

  private static int rank(Peer p) {
    return p instanceof WorkloadPeer ? 0 : p instanceof ControllerPeer ? 1 : 2;
  }

  private static String key(Peer p) {
    if (p instanceof WorkloadPeer w) {
      return w.workload().namespace() + "\u0000" + w.workload().name() + "\u0000" + w.workload().kind();
    }
    if (p instanceof BlockPeer b) {
      return b.block().family() + "\u0000" + String.format("%040x", b.block().start()) + "\u0000"
          + String.format("%040x", b.block().end());
    }
    return "";
  }

  private static List<String> reasons(List<String> why) {
    return why == null ? List.of() : List.copyOf(new LinkedHashSet<>(why));
  }

  /** The ports on which pods of {@code src} may open connections to pods of {@code dst}. */
  public PortSet between(Workload src, Workload dst) {
    return between(src, dst, null);
  }

  private PortSet between(Workload src, Workload dst, List<String> why) {
    PortSet out = PortSet.NONE;
    NetworkModel.Trace trace = why == null ? null : why::add;
    for (Member s : src.members) {
      for (Member d : dst.members) {
        PortSet egress = model.decide(s, Direction.EGRESS, hostAware(d), d, options, trace);
        if (egress.isEmpty()) {
          continue;
        }
        PortSet ingress = model.decide(d, Direction.INGRESS, hostAware(s), d, options, trace);
        out = out.union(egress.intersect(ingress));
      }
    }
    return out;
  }

  private static NetworkModel.Endpoint hostAware(Member m) {
    // A host-network pod is seen as its node; the endpoint says so and matching takes care of it.
    return NetworkModel.Endpoint.of(m);
  }

  /** A run of addresses of one family with the ports allowed to (or from) each of them. */
  private record Segment(BigInteger first, BigInteger last, PortSet ports, Set<String> why) {}

  /**
   * Adds the connections between {@code w} and outside blocks in {@code direction}. The address
   * space is cut at every block the applying rules name; each piece gets its ports; then the ports
   * are grouped by the exact set of addresses they are allowed for, so that each answer line is one
   * set of ports to one block (minus exceptions): {@code 0.0.0.0/0 : UDP 53} and
   * {@code 10.0.0.0/8 except 10.1.0.0/16 : TCP 9000-9100} rather than pieces of both.
   */
  private void outside(Workload w, Direction direction, List<Connection> out) {
    for (int family : new int[] {4, 6}) {
      TreeSet<BigInteger> points = new TreeSet<>();
      Cidr all = family == 4 ? Cidr.ALL_V4 : Cidr.ALL_V6;
      points.add(all.start());
      points.add(all.end().add(BigInteger.ONE));
      for (Member m : w.members) {
        for (Cidr c : model.blocks(m, direction)) {
          if (c.family() == family) {
            points.add(c.start());
            points.add(c.end().add(BigInteger.ONE));
          }
        }
      }
      List<Segment> segments = new ArrayList<>();
      BigInteger prev = null;
      for (BigInteger p : points) {
        if (prev != null) {
          NetworkModel.Endpoint address = NetworkModel.Endpoint.address(family, prev);
          List<String> why = options.why() ? new ArrayList<>() : null;
          NetworkModel.Trace trace = why == null ? null : why::add;
          PortSet ports = PortSet.NONE;
          for (Member m : w.members) {
            ports = ports.union(model.decide(m, direction, address, direction == Direction.INGRESS ? m : null,
                options, trace));
          }
          if (!ports.isEmpty()) {
            segments.add(new Segment(prev, p.subtract(BigInteger.ONE), ports,
                why == null ? Set.of() : new LinkedHashSet<>(why)));
          }
        }
        prev = p;
      }
      // Port atoms: the pieces of the port space that no segment's ports cut.
      Map<String, PortSet> groups = new LinkedHashMap<>();
      Map<String, List<Segment>> groupSegments = new LinkedHashMap<>();
      for (String protocol : PortSet.PROTOCOLS) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (Segment seg : segments) {
          for (PortSet.Range r : seg.ports().ranges()) {
            if (r.protocol().equals(protocol)) {
              cuts.add(r.port());
              cuts.add(r.endPort() + 1);
            }
          }
        }
        Integer from = null;
        for (int cut : cuts) {
          if (from != null) {
            StringBuilder key = new StringBuilder();
            List<Segment> holding = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
              if (segments.get(i).ports().contains(protocol, from)) {
                key.append(i).append(',');
                holding.add(segments.get(i));
              }
            }
            if (!holding.isEmpty()) {
              groups.merge(key.toString(), PortSet.of(protocol, from, cut - 1), PortSet::union);
              groupSegments.putIfAbsent(key.toString(), holding);
            }
          }
          from = cut;
        }
      }
      for (Map.Entry<String, PortSet> e : groups.entrySet()) {
        List<Segment> holding = groupSegments.get(e.getKey());
        List<BigInteger[]> intervals = new ArrayList<>();
        Set<String> why = new LinkedHashSet<>();
        for (Segment seg : holding) {
          if (!intervals.isEmpty() && intervals.get(intervals.size() - 1)[1].add(BigInteger.ONE).equals(seg.first())) {
            intervals.get(intervals.size() - 1)[1] = seg.last();
          } else {
            intervals.add(new BigInteger[] {seg.first(), seg.last()});
          }
          why.addAll(seg.why());
        }
        Cidr holder = Cidr.smallestHolding(family, intervals.get(0)[0], intervals.get(intervals.size() - 1)[1]);
        List<Cidr> except = new ArrayList<>();
        BigInteger cursor = holder.start();
        for (BigInteger[] iv : intervals) {
          if (cursor.compareTo(iv[0]) < 0) {
            except.addAll(Cidr.cover(family, cursor, iv[0].subtract(BigInteger.ONE)));
          }
          cursor = iv[1].add(BigInteger.ONE);
        }
        if (cursor.compareTo(holder.end()) <= 0) {
          except.addAll(Cidr.cover(family, cursor, holder.end()));
        }
        BlockPeer block = new BlockPeer(holder, List.copyOf(except));
        WorkloadPeer peer = new WorkloadPeer(w);
        List<String> reasons = options.why() ? List.copyOf(why) : List.of();
        out.add(direction == Direction.EGRESS
            ? new Connection(peer, block, e.getValue(), reasons)
            : new Connection(block, peer, e.getValue(), reasons));
      }
    }
  }

  /** Adds the connections the ingress controller opens to backends of Ingresses and routes. */
  private void ingressController(Workload to, List<Connection> out) {
    Inventory inventory = model.inventory();
    if (options.controllerNamespace() != null) {
      for (Workload w : model.workloads()) {
        for (Member m : w.members) {
          if (m.namespace.equals(options.controllerNamespace())
              && m.labels.entrySet().containsAll(options.controllerLabels().entrySet())) {
            // The controller's own pods are in the manifests: their connections to the backends are
            // among the workload pairs, with both their egress and the backends' ingress applied.
            return;
          }
        }
      }
    }
    NetworkModel.Endpoint controller = new NetworkModel.Endpoint(null, 0, null, true,
        options.controllerNamespace(), options.controllerLabels());
    Map<Workload, PortSet> allowed = new LinkedHashMap<>();
    Map<Workload, Set<String>> whys = new LinkedHashMap<>();
    for (Backend b : backends(inventory)) {
      for (Workload w : model.workloads()) {
        if (to != null && w != to) {
          continue;
        }
        for (Member m : w.members) {
          if (!m.namespace.equals(b.namespace()) || !b.selection().matches(m.labels)) {
            continue;
          }
          PortSet target = b.target(m);
          if (target.isEmpty()) {
            continue;
          }
          List<String> why = options.why() ? new ArrayList<>() : null;
          NetworkModel.Trace trace = why == null ? null : why::add;
          PortSet ports = model.decide(m, Direction.INGRESS, controller, m, options, trace).intersect(target);
          if (!ports.isEmpty()) {
            allowed.merge(w, ports, PortSet::union);
            if (why != null) {
              Set<String> set = whys.computeIfAbsent(w, k -> new LinkedHashSet<>());
              set.add(b.origin() + " routes to Service " + b.namespace() + "/" + b.service());
              set.addAll(why);
            }
          }
        }
      }
    }
    for (Map.Entry<Workload, PortSet> e : allowed.entrySet()) {
      out.add(new Connection(new ControllerPeer(), new WorkloadPeer(e.getKey()), e.getValue(),
          options.why() ? List.copyOf(whys.get(e.getKey())) : List.of()));
    }
  }

  /**
   * A backend of an Ingress or route: a Service port, translated to the target port of the pods
   * the Service selects.
   */
  record Backend(String origin, Resource resource, Node node, String namespace, String service, Selection selection,
      Node servicePort) {
    PortSet target(Member m) {
      String protocol = Ports.protocol(servicePort);
      Node target = servicePort.get("targetPort");
      if (target.isMissing() || target.isNull()) {
        return PortSet.of(protocol, (int) servicePort.get("port").longValue(0), (int) servicePort.get("port")
            .longValue(0));
      }
      String text = target.text("");
      if (Policy.isNumber(text)) {
        int n = Integer.parseInt(text);
        return PortSet.of(protocol, n, n);
      }
      return m.hostNetwork ? PortSet.NONE : PortSpec.named(m.pod, text, protocol);
    }
  }

  /** The Service ports that Ingresses and Gateway routes of the scan send traffic to. */
  static List<Backend> backends(Inventory inventory) {
    List<Backend> out = new ArrayList<>();
    for (GroupKind gk : List.of(GroupKind.INGRESS, GroupKind.EXTENSIONS_INGRESS)) {
      for (Resource ing : inventory.ofKind(gk)) {
        String ns = inventory.namespaceOf(ing);
        String origin = ing.kind() + " " + ns + "/" + ing.name();
        Node spec = ing.root().get("spec");
        List<Node> refs = new ArrayList<>();
        refs.add(spec.get("defaultBackend"));
        refs.add(spec.get("backend"));
        Node rules = spec.get("rules");
        for (int i = 0; i < rules.size(); i++) {
          Node paths = rules.get(i).get("http").get("paths");
          for (int j = 0; j < paths.size(); j++) {
            refs.add(paths.get(j).get("backend"));
          }
        }
        for (Node ref : refs) {
          if (!ref.isMap()) {
            continue;
          }
          Node svc = ref.get("service");
          String name = svc.isMap() ? svc.get("name").text() : ref.get("serviceName").text();
          Node port = svc.isMap() ? (svc.get("port").get("number").isMissing() ? svc.get("port").get("name")
              : svc.get("port").get("number")) : ref.get("servicePort");
          addBackend(inventory, out, origin, ing, ref, ns, name, port);
        }
      }
    }
    for (GroupKind gk : List.of(GroupKind.HTTP_ROUTE, GroupKind.GRPC_ROUTE, GroupKind.TCP_ROUTE, GroupKind.TLS_ROUTE,
        GroupKind.UDP_ROUTE)) {
      for (Resource route : inventory.ofKind(gk)) {
        String ns = inventory.namespaceOf(route);
        String origin = route.kind() + " " + ns + "/" + route.name();
        Node rules = route.root().get("spec").get("rules");
        for (int i = 0; i < rules.size(); i++) {
          Node refs = rules.get(i).get("backendRefs");
          for (int j = 0; j < refs.size(); j++) {
            Node ref = refs.get(j);
            String kind = ref.get("kind").text("Service");
            String group = ref.get("group").text("");
            if (!kind.equals("Service") || !group.isEmpty()) {
              continue;
            }
            addBackend(inventory, out, origin, route, ref, ref.get("namespace").text(ns), ref.get("name").text(),
                ref.get("port"));
          }
        }
      }
    }
    return out;
  }

  private static void addBackend(Inventory inventory, List<Backend> out, String origin, Resource from, Node ref,
      String ns, String name, Node port) {
    if (name == null) {
      return;
    }
    for (Resource svc : inventory.named(GroupKind.SERVICE, ns, name)) {
      Selection selection = SelectorField.SERVICE_SELECTOR.select(svc);
      if (selection.kind() != Selection.Kind.MATCHING) {
        continue;
      }
      Node ports = svc.root().get("spec").get("ports");
      for (int i = 0; i < ports.size(); i++) {
        Node p = ports.get(i);
        boolean byNumber = Policy.isNumber(port.text());
        if (port.isMissing() && ports.size() == 1
            || byNumber && p.get("port").textEquals(port.text())
            || !byNumber && port.isScalar() && p.get("name").textEquals(port.text())) {
          out.add(new Backend(origin, from, ref, ns, name, selection, p));
        }
      }
    }
  }

  /** Parses {@code k=v,k2=v2} into labels; used by the command line's {@code --ingress-controller}. */
  public static Map<String, String> parseLabels(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("labels must be written key=value[,key=value...]");
      }
      out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    return out;
  }
}
