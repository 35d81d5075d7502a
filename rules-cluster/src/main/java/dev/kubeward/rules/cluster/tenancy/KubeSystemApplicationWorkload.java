/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.tenancy;

import dev.kubeward.model.Container;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An application workload in {@code kube-system}. A workload there is taken for a system component,
 * and not reported, when any of these holds: its {@code priorityClassName} is
 * {@code system-cluster-critical} or {@code system-node-critical}; it carries the
 * {@code addonmanager.kubernetes.io/mode} label or {@code tier: control-plane}; its name, a
 * container's name or an image's name (last path segment, architecture suffix dropped) is one of
 * {@code systemComponents} or holds one between dashes ({@code utho-cluster-autoscaler},
 * {@code vpa-recommender}); or that name holds the word
 * {@code csi} (CSI drivers and their sidecars). Workloads in {@code default} are the
 * {@code default-namespace} rule's.
 */
public final class KubeSystemApplicationWorkload implements InventoryRule {

  static final List<String> COMPONENTS = List.of("coredns", "kube-dns", "kubedns", "dnsmasq", "node-local-dns",
      "nodelocaldns", "dns-autoscaler", "cluster-proportional-autoscaler", "kube-proxy", "kube-apiserver",
      "kube-controller-manager", "kube-scheduler", "etcd", "cloud-controller-manager", "konnectivity-agent",
      "konnectivity-server", "metrics-server", "kube-state-metrics", "cluster-autoscaler", "calico",
      "calico-node", "calico-kube-controllers", "calico-typha", "cilium", "cilium-operator", "hubble",
      "flannel", "kube-flannel", "weave", "weave-net", "weave-npc", "canal", "kindnet", "kindnetd", "antrea",
      "kube-router", "aws-node", "amazon-k8s-cni", "vpc-cni", "ip-masq-agent", "azure-cni", "azure-ip-masq-agent",
      "kube-ovn", "multus", "whereabouts", "nvidia-device-plugin", "node-problem-detector", "kube-vip",
      "aws-load-balancer-controller", "secrets-store-csi-driver", "fluentd", "fluent-bit", "event-exporter",
      "pause", "vpa", "balancer-controller", "cloud-provider", "heapster", "nvidia");

  private static final ParameterKey<List<String>> SYSTEM_COMPONENTS = ParameterKey.ofList("systemComponents",
      COMPONENTS, "Names of system components allowed in kube-system: a workload, container or image name that"
      + " is one of them, or holds one between dashes (utho-cluster-autoscaler), is not reported.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("kube-system-application-workload")
      .title("Application workload in kube-system")
      .severity(Severity.MEDIUM)
      .topic(Topic.TENANCY)
      .controls("cis-k8s:5.6.1")
      .kinds(RuleMetadata.WORKLOADS)
      .parameters(SYSTEM_COMPONENTS)
      .rationale("kube-system holds the cluster's most powerful service accounts and secrets, and is commonly"
          + " exempted from Pod Security Admission, policy webhooks and quotas. An application placed there"
          + " escapes those controls, and anyone who may deploy it can reach the credentials of the control"
          + " plane's add-ons. System components are recognised by priority class, add-on manager labels or a"
          + " list of well-known names (systemComponents).")
      .remediation("Move the workload to a namespace of its own, with its own service account, quota and Pod"
          + " Security labels; if it is a system component, add its name to systemComponents.")
      .build();

  private static final String KUBE_SYSTEM = "kube-system";

  private final List<String> components;

  public KubeSystemApplicationWorkload() {
    this(Parameters.defaults(METADATA));
  }

  private KubeSystemApplicationWorkload(Parameters parameters) {
    List<String> lower = new ArrayList<>();
    for (String c : parameters.get(SYSTEM_COMPONENTS)) {
      lower.add(c.toLowerCase(Locale.ROOT));
    }
    this.components = List.copyOf(lower);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new KubeSystemApplicationWorkload(parameters);
  }

  @Override
  public void check(Inventory inventory, Context context) {
    List<Resource> applications = null;
    for (Resource w : inventory.workloads()) {
      if (KUBE_SYSTEM.equals(inventory.namespaceOf(w)) && !isSystem(w)) {
        if (applications == null) {
          applications = new ArrayList<>();
        }
        applications.add(w);
      }
    }
    if (applications == null) {
      return;
    }
    String summary = applications.size() == 1 ? "" : "; kube-system holds " + applications.size()
        + " application workloads: " + Tenants.names(applications);
    for (Resource w : applications) {
      Node ns = w.root().get("metadata").get("namespace");
      Node at = ns.isMissing() ? w.root().asMap().keyNode("metadata") : ns;
      context.report(w, at, w.displayName() + " is an application workload in kube-system, not a recognised"
          + " system component" + summary);
    }
  }

  private boolean isSystem(Resource w) {
    String priority = w.podSpec().spec().get("priorityClassName").text("");
    if (priority.equals("system-cluster-critical") || priority.equals("system-node-critical")) {
      return true;
    }
    for (Map<String, String> labels : List.of(w.labels(), podLabels(w))) {
      if (labels.containsKey("addonmanager.kubernetes.io/mode") || "control-plane".equals(labels.get("tier"))) {
        return true;
      }
    }
    if (known(w.name())) {
      return true;
    }
    for (Container c : w.podSpec().containers()) {
      if (known(c.name()) || known(imageName(c.image().text()))) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> podLabels(Resource w) {
    return Inventory.podLabels(w.podSpec());
  }

  private boolean known(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT);
    for (String c : components) {
      if (n.equals(c) || n.startsWith(c + "-") || n.endsWith("-" + c) || n.contains("-" + c + "-")) {
        return true;
      }
    }
    return n.equals("csi") || n.startsWith("csi-") || n.endsWith("-csi") || n.contains("-csi-");
  }

  /** The last path segment of an image reference, without tag, digest or architecture suffix. */
  static String imageName(String image) {
    if (image == null) {
      return null;
    }
    String ref = image;
    int at = ref.indexOf('@');
    if (at >= 0) {
      ref = ref.substring(0, at);
    }
    int slash = ref.lastIndexOf('/');
    int colon = ref.indexOf(':', slash + 1);
    String name = ref.substring(slash + 1, colon < 0 ? ref.length() : colon);
    for (String arch : new String[] {"-amd64", "-arm64", "-arm", "-ppc64le", "-s390x"}) {
      if (name.endsWith(arch)) {
        return name.substring(0, name.length() - arch.length());
      }
    }
    return name;
  }
}
