/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.kubeadm;

import dev.kubeward.commandline.FlagTable;
import dev.kubeward.commandline.FlagType;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rules.cluster.controlplane.Component;
import dev.kubeward.rules.cluster.controlplane.ComponentFlags;
import dev.kubeward.rules.cluster.controlplane.ControlPlanes.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags kubeadm gives a control-plane component, from a {@code ClusterConfiguration}: the
 * flags kubeadm sets itself ({@code cmd/kubeadm/app/phases/controlplane/manifests.go},
 * {@code cmd/kubeadm/app/phases/etcd/local.go}), each replaced by an {@code extraArgs} entry of the
 * same name, then the {@code extraArgs} entries: a map in {@code v1beta3} (and earlier), a list of
 * {@code name}/{@code value} in {@code v1beta4}, where a name may repeat and every entry is passed,
 * sorted by value (so the greatest value of a scalar flag wins).
 * etcd is judged only when kubeadm runs it ({@code etcd.local}, the default), not with
 * {@code etcd.external}.
 */
public final class KubeadmFlags implements ComponentFlags {

  /** One flag as kubeadm passes it. */
  private record Arg(String name, String value, Node node, String origin) {}

  private static final String BY_KUBEADM = " (set by kubeadm)";

  private final Component component;
  private final Node missingAt;
  private final Map<String, List<Arg>> args;

  private KubeadmFlags(Component component, Node missingAt, Map<String, List<Arg>> args) {
    this.component = component;
    this.missingAt = missingAt;
    this.args = args;
  }

  /** The components {@code configuration} (a kubeadm {@code ClusterConfiguration}) configures. */
  public static List<Target> of(Resource configuration) {
    Node root = configuration.root();
    String pki = root.get("certificatesDir").text("/etc/kubernetes/pki");
    Node etcd = root.get("etcd");
    Node external = etcd.get("external");
    List<Target> targets = new ArrayList<>();
    for (Component component : Component.values()) {
      Node section = component == Component.ETCD ? etcd.get("local") : root.get(component.kubeadmSection());
      if (component == Component.ETCD && !external.isMissing()) {
        continue;
      }
      Map<String, String> defaults = defaults(component, pki, external);
      int minor = KubeVersions.minorOf(root.get("kubernetesVersion").text());
      if (component == Component.KUBE_APISERVER && minor >= 0 && minor < 22) {
        defaults.put("insecure-port", "0"); // kubeadm set it until v1.22
      }
      Node extraArgs = section.get("extraArgs");
      Node anchor = !extraArgs.isMissing() ? keyOf(section, "extraArgs")
          : !section.isMissing() ? keyOf(component == Component.ETCD ? etcd : root, component == Component.ETCD
              ? "local" : component.kubeadmSection())
          : component == Component.ETCD && !etcd.isMissing() ? keyOf(root, "etcd") : Node.MISSING;
      Map<String, List<Arg>> args = new LinkedHashMap<>();
      List<Arg> given = extraArgs(extraArgs, component.table());
      if (given.stream().anyMatch(a -> a.name().equals("authorization-config"))) {
        defaults.remove("authorization-mode"); // kubeadm leaves the modes to the configuration file
      }
      for (Map.Entry<String, String> d : defaults.entrySet()) {
        if (given.stream().noneMatch(a -> a.name().equals(d.getKey()))) {
          args.computeIfAbsent(d.getKey(), k -> new ArrayList<>())
              .add(new Arg(d.getKey(), d.getValue(), anchor, BY_KUBEADM));
        }
      }
      for (Arg a : given) {
        args.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a);
      }
      // kubeadm (ArgumentsToCommand) sorts the arguments by name, then by value: of an entry given
      // several times, the greatest value comes last and wins.
      for (List<Arg> same : args.values()) {
        same.sort(java.util.Comparator.comparing(Arg::value));
      }
      if (component == Component.ETCD) {
        environment(section.get("extraEnvs"), args);
      }
      targets.add(new Target(component, null, new KubeadmFlags(component, anchor, args), List.of()));
    }
    return List.copyOf(targets);
  }

  /** The key node of {@code field} in {@code map}, where a finding about a missing entry points. */
  private static Node keyOf(Node map, String field) {
    return map.isMap() ? map.asMap().keyNode(field) : map;
  }

  private static List<Arg> extraArgs(Node extraArgs, FlagTable table) {
    List<Arg> given = new ArrayList<>();
    if (extraArgs.isMap()) {
      var map = extraArgs.asMap();
      for (int i = 0; i < map.size(); i++) {
        Node value = map.value(i);
        given.add(new Arg(table.normalize(map.key(i)), value.text(""), value.isMissing() ? map.keyNode(i) : value,
            ""));
      }
    } else if (extraArgs.isList()) {
      for (int i = 0; i < extraArgs.size(); i++) {
        Node item = extraArgs.get(i);
        String name = item.get("name").text();
        if (name != null) {
          Node value = item.get("value");
          given.add(new Arg(table.normalize(name), value.text(""), value.isMissing() ? item : value, ""));
        }
      }
    }
    return given;
  }

  /**
   * etcd's {@code ETCD_*} variables in {@code etcd.local.extraEnvs} ({@code v1beta4}): each sets its
   * flag when the command line does not.
   */
  private static void environment(Node extraEnvs, Map<String, List<Arg>> args) {
    for (int i = 0; i < extraEnvs.size(); i++) {
      Node env = extraEnvs.get(i);
      String name = env.get("name").text("");
      if (!name.startsWith("ETCD_") || !env.get("valueFrom").isMissing()) {
        continue;
      }
      String flag = name.substring("ETCD_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      if (!args.containsKey(flag) && Component.ETCD.table().knows(flag)) {
        Node value = env.get("value");
        args.put(flag, new ArrayList<>(List.of(new Arg(flag, value.text(""), value.isMissing() ? env : value,
            " (from " + name + " in etcd.local.extraEnvs)"))));
      }
    }
  }

  /** The flags kubeadm sets itself, by component, in the releases it still supports. */
  private static Map<String, String> defaults(Component component, String pki, Node external) {
    Map<String, String> d = new LinkedHashMap<>();
    switch (component) {
      case KUBE_APISERVER -> {
        d.put("allow-privileged", "true");
        d.put("authorization-mode", "Node,RBAC");
        d.put("client-ca-file", pki + "/ca.crt");
        d.put("enable-admission-plugins", "NodeRestriction");
        d.put("enable-bootstrap-token-auth", "true");
        if (external.isMissing()) {
          d.put("etcd-cafile", pki + "/etcd/ca.crt");
          d.put("etcd-certfile", pki + "/apiserver-etcd-client.crt");
          d.put("etcd-keyfile", pki + "/apiserver-etcd-client.key");
        } else {
          putIfGiven(d, "etcd-cafile", external.get("caFile"));
          if (!external.get("certFile").text("").isEmpty() && !external.get("keyFile").text("").isEmpty()) {
            d.put("etcd-certfile", external.get("certFile").text());
            d.put("etcd-keyfile", external.get("keyFile").text());
          }
        }
        d.put("kubelet-client-certificate", pki + "/apiserver-kubelet-client.crt");
        d.put("kubelet-client-key", pki + "/apiserver-kubelet-client.key");
        d.put("kubelet-preferred-address-types", "InternalIP,ExternalIP,Hostname");
        d.put("proxy-client-cert-file", pki + "/front-proxy-client.crt");
        d.put("proxy-client-key-file", pki + "/front-proxy-client.key");
        d.put("requestheader-allowed-names", "front-proxy-client");
        d.put("requestheader-client-ca-file", pki + "/front-proxy-ca.crt");
        d.put("service-account-key-file", pki + "/sa.pub");
        d.put("service-account-signing-key-file", pki + "/sa.key");
        d.put("tls-cert-file", pki + "/apiserver.crt");
        d.put("tls-private-key-file", pki + "/apiserver.key");
      }
      case KUBE_CONTROLLER_MANAGER -> {
        d.put("authentication-kubeconfig", "/etc/kubernetes/controller-manager.conf");
        d.put("authorization-kubeconfig", "/etc/kubernetes/controller-manager.conf");
        d.put("bind-address", "127.0.0.1");
        d.put("client-ca-file", pki + "/ca.crt");
        d.put("cluster-signing-cert-file", pki + "/ca.crt");
        d.put("cluster-signing-key-file", pki + "/ca.key");
        d.put("controllers", "*,bootstrapsigner,tokencleaner");
        d.put("kubeconfig", "/etc/kubernetes/controller-manager.conf");
        d.put("leader-elect", "true");
        d.put("requestheader-client-ca-file", pki + "/front-proxy-ca.crt");
        d.put("root-ca-file", pki + "/ca.crt");
        d.put("service-account-private-key-file", pki + "/sa.key");
        d.put("use-service-account-credentials", "true");
      }
      case KUBE_SCHEDULER -> {
        d.put("authentication-kubeconfig", "/etc/kubernetes/scheduler.conf");
        d.put("authorization-kubeconfig", "/etc/kubernetes/scheduler.conf");
        d.put("bind-address", "127.0.0.1");
        d.put("kubeconfig", "/etc/kubernetes/scheduler.conf");
        d.put("leader-elect", "true");
      }
      case ETCD -> {
        d.put("cert-file", pki + "/etcd/server.crt");
        d.put("client-cert-auth", "true");
        d.put("data-dir", "/var/lib/etcd");
        d.put("key-file", pki + "/etcd/server.key");
        d.put("listen-client-urls", "https://127.0.0.1:2379");
        d.put("listen-metrics-urls", "http://127.0.0.1:2381");
        d.put("peer-cert-file", pki + "/etcd/peer.crt");
        d.put("peer-client-cert-auth", "true");
        d.put("peer-key-file", pki + "/etcd/peer.key");
        d.put("peer-trusted-ca-file", pki + "/etcd/ca.crt");
        d.put("trusted-ca-file", pki + "/etcd/ca.crt");
      }
      default -> throw new IllegalStateException();
    }
    return d;
  }

  private static void putIfGiven(Map<String, String> d, String flag, Node value) {
    String text = value.text("");
    if (!text.isEmpty()) {
      d.put(flag, text);
    }
  }

  @Override
  public Component component() {
    return component;
  }

  @Override
  public boolean isSet(String name) {
    return args.containsKey(name);
  }

  private Arg last(String name) {
    List<Arg> list = args.get(name);
    return list == null ? null : list.get(list.size() - 1);
  }

  @Override
  public String text(String name) {
    Arg a = last(name);
    return a == null ? null : a.value();
  }

  @Override
  public List<String> values(String name) {
    List<Arg> list = args.get(name);
    if (list == null) {
      return List.of();
    }
    FlagType type = component.table().typeOf(name);
    boolean appends = component.table().syntax() == FlagTable.Syntax.PFLAG;
    if (type == FlagType.MAP) {
      List<String> out = new ArrayList<>();
      entries(name).forEach((k, v) -> out.add(k + "=" + v));
      return out;
    }
    if (type != FlagType.LIST && type != FlagType.ARRAY) {
      return List.of(list.get(list.size() - 1).value());
    }
    List<String> out = new ArrayList<>();
    for (Arg a : list) {
      if (type == FlagType.LIST && !appends) {
        out.clear();
      }
      if (type == FlagType.ARRAY) {
        out.add(a.value());
      } else {
        for (String item : a.value().split(",", -1)) {
          if (!item.isEmpty()) {
            out.add(item);
          }
        }
      }
    }
    return out;
  }

  @Override
  public Map<String, String> entries(String name) {
    List<Arg> list = args.get(name);
    Map<String, String> map = new LinkedHashMap<>();
    if (list == null || component.table().typeOf(name) != FlagType.MAP) {
      return map;
    }
    for (Arg a : list) {
      for (String item : a.value().split(",", -1)) {
        if (item.trim().isEmpty()) {
          continue;
        }
        int eq = item.indexOf('=');
        map.put(eq < 0 ? item.trim() : item.substring(0, eq).trim(), eq < 0 ? "" : item.substring(eq + 1).trim());
      }
    }
    return map;
  }

  @Override
  public Node node(String name) {
    Arg a = last(name);
    return a == null ? Node.MISSING : a.node();
  }

  @Override
  public Node nodeOf(String name, String item) {
    List<Arg> list = args.get(name);
    if (list == null) {
      return Node.MISSING;
    }
    for (int i = list.size() - 1; i >= 0; i--) {
      Arg a = list.get(i);
      for (String part : a.value().split(",", -1)) {
        int eq = part.indexOf('=');
        if (part.trim().equals(item) || eq >= 0 && part.substring(0, eq).trim().equals(item)) {
          return a.node();
        }
      }
    }
    return node(name);
  }

  @Override
  public Node missingAt() {
    return missingAt;
  }

  @Override
  public String origin(String name) {
    Arg a = last(name);
    return a == null ? "" : a.origin();
  }

  @Override
  public String subject() {
    return "kubeadm's " + component.binary();
  }
}
