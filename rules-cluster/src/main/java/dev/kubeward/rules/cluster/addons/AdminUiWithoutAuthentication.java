/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.addons;

import dev.kubeward.model.Container;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.LabelSelector;
import dev.kubeward.model.MapNode;
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

/**
 * A well-known admin or observability UI that has no authentication of its own, exposed beyond the
 * cluster where the manifests show it: a container whose image is one of {@code unauthenticatedUis}
 * (Weave Scope, kube-ops-view, KubeView, Prometheus, Alertmanager, the Jaeger query UI), or Grafana
 * with anonymous access ({@code GF_AUTH_ANONYMOUS_ENABLED=true}), reached by a Service of type
 * LoadBalancer or NodePort or with {@code externalIPs}, by an Ingress routing to a Service that
 * selects it, or on the node's network ({@code hostNetwork}, {@code hostPort}). The exposure is a
 * related location; the network rules report exposure as such.
 */
public final class AdminUiWithoutAuthentication implements InventoryRule {

  static final List<String> UIS = List.of("weaveworks/scope", "hjacobs/kube-ops-view", "benc-uk/kubeview",
      "prometheus/prometheus", "prom/prometheus", "prometheus/alertmanager", "prom/alertmanager",
      "jaegertracing/all-in-one", "jaegertracing/jaeger-query");

  private static final ParameterKey<List<String>> IMAGES = ParameterKey.ofList("unauthenticatedUis", UIS,
      "Image repositories (matched at a path boundary, whatever the registry) of UIs that serve without"
      + " authentication.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("admin-ui-without-authentication")
      .title("Admin UI without authentication exposed outside the cluster")
      .severity(Severity.HIGH)
      .topic(Topic.DASHBOARD)
      .controls("mitre-attack:T1133")
      .kinds(RuleMetadata.WORKLOADS, GroupKind.SERVICE, GroupKind.INGRESS)
      .parameters(IMAGES)
      .rationale("Weave Scope lets its visitors open a shell in any container; Prometheus, Alertmanager,"
          + " kube-ops-view and the Jaeger UI show the cluster's topology, secrets in labels and traces, and"
          + " accept silences or admin API calls; Grafana with anonymous access gives its role to everyone."
          + " None asks who is calling, so reaching them from outside the cluster is all it takes.")
      .remediation("Keep the UI on a ClusterIP Service and put an authenticating proxy (OAuth2 Proxy, the"
          + " ingress controller's external authentication) in front of it, or turn its own authentication on.")
      .build();

  private final List<String> images;

  public AdminUiWithoutAuthentication() {
    this(Parameters.defaults(METADATA));
  }

  private AdminUiWithoutAuthentication(Parameters parameters) {
    List<String> lower = new ArrayList<>();
    for (String image : parameters.get(IMAGES)) {
      lower.add(image.toLowerCase(Locale.ROOT));
    }
    this.images = List.copyOf(lower);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new AdminUiWithoutAuthentication(parameters);
  }

  @Override
  public void check(Inventory inventory, Context context) {
    for (Resource workload : inventory.workloads()) {
      for (Container c : workload.podSpec().containers()) {
        if (c.type() != Container.Type.REGULAR) {
          continue;
        }
        Node at = unauthenticated(c);
        if (at == null) {
          continue;
        }
        Exposure exposure = exposure(inventory, workload, c);
        if (exposure == null) {
          continue;
        }
        String what = at == c.image() ? "serves \"" + c.image().text() + "\", which has no authentication"
            : "serves Grafana with anonymous access (GF_AUTH_ANONYMOUS_ENABLED=true)";
        context.finding(workload, at)
            .message(c.describe() + " of " + workload.displayName() + " " + what + ", and " + exposure.how())
            .related(exposure.resource(), exposure.node(), exposure.how())
            .report();
      }
    }
  }

  /** The node that makes {@code c} an unauthenticated UI, or {@code null}. */
  private Node unauthenticated(Container c) {
    String image = c.image().text();
    if (image == null || image.isBlank()) {
      return null;
    }
    ImageRef ref = ImageRef.parse(image);
    for (String ui : images) {
      if (ref.pathEndsWith(ui)) {
        return c.image();
      }
    }
    if (ref.pathEndsWith("grafana/grafana") || ref.pathEndsWith("grafana/grafana-oss")) {
      Node env = c.node().get("env");
      for (int i = 0; i < env.size(); i++) {
        Node e = env.get(i);
        if (e.get("name").textEquals("GF_AUTH_ANONYMOUS_ENABLED") && "true".equalsIgnoreCase(e.get("value").text(""))) {
          return e.get("value");
        }
      }
    }
    return null;
  }

  /** How the UI is reached from outside the cluster. */
  private record Exposure(Resource resource, Node node, String how) {}

  private static Exposure exposure(Inventory inventory, Resource workload, Container c) {
    MapNode spec = workload.podSpec().spec();
    if (spec.get("hostNetwork").isTrue()) {
      return new Exposure(workload, spec.get("hostNetwork"), "the Pod uses the node's network (hostNetwork: true)");
    }
    Node ports = c.node().get("ports");
    for (int i = 0; i < ports.size(); i++) {
      Node hostPort = ports.get(i).get("hostPort");
      if (hostPort.longValue(0) > 0) {
        return new Exposure(workload, hostPort, "it listens on the node's port " + hostPort.text() + " (hostPort)");
      }
    }
    String namespace = inventory.namespaceOf(workload);
    MapNode podLabels = workload.podSpec().metadata().get("labels").asMap();
    List<Resource> selecting = new ArrayList<>();
    for (Resource service : inventory.ofKind(GroupKind.SERVICE, namespace)) {
      Node selector = service.root().get("spec").get("selector");
      if (!selector.isMap() || selector.size() == 0 || !LabelSelector.ofMap(selector).matches(podLabels)) {
        continue;
      }
      selecting.add(service);
      Node serviceSpec = service.root().get("spec");
      String type = serviceSpec.get("type").text("ClusterIP");
      if (type.equals("LoadBalancer") || type.equals("NodePort")) {
        return new Exposure(service, serviceSpec.get("type"), "Service " + namespace + "/" + service.name()
            + " (type " + type + ") exposes it outside the cluster");
      }
      if (serviceSpec.get("externalIPs").size() > 0) {
        return new Exposure(service, serviceSpec.get("externalIPs"), "Service " + namespace + "/" + service.name()
            + " exposes it on external IPs");
      }
    }
    for (Resource ingress : inventory.ofKind(GroupKind.INGRESS, namespace)) {
      for (Resource service : selecting) {
        Node backend = backendNaming(ingress, service.name());
        if (backend != null) {
          return new Exposure(ingress, backend, "Ingress " + namespace + "/" + ingress.name() + " routes to it"
              + " through Service " + service.name());
        }
      }
    }
    return null;
  }

  /** The backend service name node of {@code ingress} that names {@code service}, or {@code null}. */
  private static Node backendNaming(Resource ingress, String service) {
    Node spec = ingress.root().get("spec");
    Node name = spec.get("defaultBackend").get("service").get("name");
    if (name.textEquals(service)) {
      return name;
    }
    Node rules = spec.get("rules");
    for (int i = 0; i < rules.size(); i++) {
      Node paths = rules.get(i).get("http").get("paths");
      for (int j = 0; j < paths.size(); j++) {
        Node n = paths.get(j).get("backend").get("service").get("name");
        if (n.textEquals(service)) {
          return n;
        }
      }
    }
    return null;
  }
}
