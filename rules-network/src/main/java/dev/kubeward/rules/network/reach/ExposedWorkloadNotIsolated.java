/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.model.Selection;
import dev.kubeward.model.SelectorField;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workload that a LoadBalancer or NodePort Service, an Ingress or a Gateway route exposes, and
 * that no policy isolates for ingress.
 */
public final class ExposedWorkloadNotIsolated implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("exposed-workload-not-isolated")
      .title("Exposed workload not isolated for ingress")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .controls("cis-k8s:5.3.2")
      .kinds(Kinds.EXPOSURE)
      .rationale("A workload behind a LoadBalancer or NodePort Service, an Ingress or a Gateway route takes traffic"
          + " from outside the cluster; it is the first thing an attacker reaches, and once compromised, the first"
          + " foothold inside. When no NetworkPolicy selects its pods for ingress, every pod of the cluster can also"
          + " reach it on every port, including ports the Service never meant to publish (admin and metrics"
          + " endpoints). The rule follows each Service's selector to the workloads of its namespace and each"
          + " Ingress or route backend to its Service; workloads on the host network count as never isolated.")
      .remediation("Select the workload's pods with a NetworkPolicy for ingress that allows only the load balancer or"
          + " ingress controller on the published ports.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  private record Exposure(Resource by, Node at, String what) {}

  @Override
  public void check(Inventory inventory, Context context) {
    NetworkModel model = NetworkModel.of(inventory);
    Map<Workload, List<Exposure>> exposed = new LinkedHashMap<>();
    for (Resource svc : inventory.ofKind(GroupKind.SERVICE)) {
      Node type = svc.root().get("spec").get("type");
      if (!type.textEquals("LoadBalancer") && !type.textEquals("NodePort")) {
        continue;
      }
      expose(model, exposed, inventory.namespaceOf(svc), SelectorField.SERVICE_SELECTOR.select(svc),
          new Exposure(svc, type, "Service " + inventory.namespaceOf(svc) + "/" + svc.name() + " (" + type.text()
              + ")"));
    }
    for (Reachability.Backend b : Reachability.backends(inventory)) {
      expose(model, exposed, b.namespace(), b.selection(), new Exposure(b.resource(), b.node(), b.origin()));
    }
    for (Map.Entry<Workload, List<Exposure>> e : exposed.entrySet()) {
      Workload w = e.getKey();
      if (!model.unselected(w, Direction.INGRESS)) {
        continue;
      }
      List<Exposure> by = e.getValue();
      StringBuilder names = new StringBuilder();
      for (int i = 0; i < by.size(); i++) {
        names.append(i == 0 ? "" : i == by.size() - 1 ? " and " : ", ").append(by.get(i).what());
      }
      String why = w.hostNetwork() ? "it uses the host network, which NetworkPolicies do not isolate"
          : "no NetworkPolicy selects it for ingress";
      FindingBuilder f = context.finding(w.resource(), Node.MISSING)
          .message(Kinds.name(w) + " is exposed by " + names + " and " + why + ": every pod of the cluster can"
              + " reach it on any port")
          .key(w.kind() + ":" + w.name());
      for (Exposure x : by) {
        f.related(x.by(), x.at(), x.what() + " exposes it");
      }
      f.report();
    }
  }

  private static void expose(NetworkModel model, Map<Workload, List<Exposure>> exposed, String ns, Selection selection,
      Exposure exposure) {
    if (selection.kind() != Selection.Kind.MATCHING) {
      return;
    }
    for (Workload w : model.workloadsIn(ns)) {
      for (Member m : w.members) {
        if (selection.matches(m.labels)) {
          List<Exposure> list = exposed.computeIfAbsent(w, k -> new ArrayList<>());
          // The same Service or Ingress loaded twice (two copies in the scan) exposes once.
          if (list.stream().noneMatch(x -> x.what().equals(exposure.what()))) {
            list.add(exposure);
          }
          break;
        }
      }
    }
  }
}
