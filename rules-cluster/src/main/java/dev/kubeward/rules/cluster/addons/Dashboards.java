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
import dev.kubeward.model.ServiceAccounts;
import dev.kubeward.rule.FindingBuilder;
import java.util.Set;

/**
 * Which containers run the Kubernetes Dashboard, told by their image: {@code kubernetes-dashboard}
 * (v1, any registry, with or without an architecture suffix), {@code kubernetesui/dashboard} (v2)
 * and the v3 modules {@code kubernetesui/dashboard-web}, {@code -api} and {@code -auth} (also from
 * the {@code kubernetesdashboarddev} development repository). The metrics scraper is part of an
 * install but serves no UI, so it is not counted.
 */
final class Dashboards {

  private static final Set<String> OWNERS = Set.of("kubernetesui", "kubernetesdashboarddev");
  private static final Set<String> MODULES = Set.of("dashboard", "dashboard-web", "dashboard-api", "dashboard-auth");

  private Dashboards() {}

  /** True if {@code container} runs the Dashboard (a UI, API or auth module). */
  static boolean isDashboard(Container container) {
    String image = container.image().text();
    if (image == null || image.isBlank()) {
      return false;
    }
    ImageRef ref = ImageRef.parse(image);
    if (ref.nameWithoutArch().equals("kubernetes-dashboard")) {
      return true;
    }
    return MODULES.contains(ref.name()) && OWNERS.contains(ref.owner());
  }

  /** True if {@code container} serves the Dashboard's UI: one per install (v1, v2, or the v3 web module). */
  static boolean isUserInterface(Container container) {
    if (!isDashboard(container)) {
      return false;
    }
    String name = ImageRef.parse(container.image().text()).name();
    return !name.equals("dashboard-api") && !name.equals("dashboard-auth");
  }

  /**
   * Adds as related locations the Services in the workload's namespace whose selector matches its
   * Pods, and the ClusterRoleBindings and RoleBindings that bind its service account to
   * {@code cluster-admin}. The network and RBAC rules report those; here they are context.
   */
  static FindingBuilder addRelated(FindingBuilder finding, Inventory inventory, Resource workload) {
    String namespace = inventory.namespaceOf(workload);
    MapNode podLabels = workload.podSpec().metadata().get("labels").asMap();
    for (Resource service : inventory.ofKind(GroupKind.SERVICE, namespace)) {
      Node selector = service.root().get("spec").get("selector");
      if (selector.isMap() && selector.size() > 0 && LabelSelector.ofMap(selector).matches(podLabels)) {
        String type = service.root().get("spec").get("type").text("ClusterIP");
        finding.related(service, selector, "Service " + service.name() + " (type " + type + ") serves the Dashboard");
      }
    }
    String account = ServiceAccounts.nameOf(workload.podSpec().spec());
    for (GroupKind kind : new GroupKind[] {GroupKind.CLUSTER_ROLE_BINDING, GroupKind.ROLE_BINDING}) {
      for (Resource binding : inventory.ofKind(kind)) {
        Node roleRef = binding.root().get("roleRef");
        if (!roleRef.get("name").textEquals("cluster-admin") || !roleRef.get("kind").textEquals("ClusterRole")) {
          continue;
        }
        Node subjects = binding.root().get("subjects");
        for (int i = 0; i < subjects.size(); i++) {
          Node s = subjects.get(i);
          String subjectNamespace = s.get("namespace").text(kind == GroupKind.ROLE_BINDING
              ? inventory.namespaceOf(binding) : null);
          if (s.get("kind").textEquals("ServiceAccount") && s.get("name").textEquals(account)
              && namespace.equals(subjectNamespace)) {
            finding.related(binding, s, kind.kind() + " " + binding.name()
                + " binds the Dashboard's service account " + namespace + "/" + account + " to cluster-admin");
          }
        }
      }
    }
    return finding;
  }
}
