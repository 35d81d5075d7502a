/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A namespace of the scan (a Namespace object, or the namespace of a workload) where no policy
 * isolates every pod for one direction: the two rules for ingress and egress share this check.
 */
abstract class NamespaceDefaultDeny implements InventoryRule {

  private final Direction direction;

  NamespaceDefaultDeny(Direction direction) {
    this.direction = direction;
  }

  @Override
  public final void check(Inventory inventory, Context context) {
    NetworkModel model = NetworkModel.of(inventory);
    Map<String, List<Workload>> byNamespace = new LinkedHashMap<>();
    TreeSet<String> namespaces = new TreeSet<>();
    for (Resource ns : inventory.ofKind(GroupKind.NAMESPACE)) {
      if (ns.name() != null) {
        namespaces.add(ns.name());
      }
    }
    for (Workload w : model.workloads()) {
      namespaces.add(w.namespace());
      byNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
    }
    String dir = direction == Direction.INGRESS ? "ingress" : "egress";
    for (String ns : namespaces) {
      if (model.defaultDeny(ns, direction) != null) {
        continue;
      }
      List<Resource> objects = inventory.named(GroupKind.NAMESPACE, null, ns);
      List<Workload> workloads = byNamespace.getOrDefault(ns, List.of());
      Resource at;
      Node node;
      if (!objects.isEmpty()) {
        at = objects.get(0);
        node = at.root().get("metadata").get("name");
      } else {
        // The first workload of the namespace in the sources stands for a namespace no object declares.
        at = workloads.stream().map(Workload::resource).min(Inventory.SOURCE_ORDER).orElseThrow();
        node = Node.MISSING;
      }
      int open = 0;
      for (Workload w : workloads) {
        if (!model.isolated(w, direction)) {
          open++;
        }
      }
      String what = direction == Direction.INGRESS
          ? "any pod in the cluster can connect to them"
          : "they can connect anywhere";
      String message = "namespace \"" + ns + "\" has no default-deny policy for " + dir
          + " in the scan (no NetworkPolicy with an empty podSelector and policyTypes " + direction.policyType() + ")"
          + (workloads.isEmpty() ? "" : "; " + open + " of its " + workloads.size() + " workload"
              + (workloads.size() == 1 ? "" : "s") + " in the scan " + (open == 1 ? "is" : "are") + " not isolated"
              + " for " + dir + " and " + what);
      context.finding(at, node).message(message).key("namespace:" + ns).report();
    }
  }

  static RuleMetadata.Builder metadata(String id) {
    return RuleMetadata.builder(id).kinds(Kinds.MODEL).controls("cis-k8s:5.3.2");
  }
}
