/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.tenancy;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Placeholders;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tenant namespaces of a scan: every declared Namespace and every namespace a workload names
 * in {@code metadata.namespace}, except the system namespaces ({@code kube-system},
 * {@code kube-public}, {@code kube-node-lease}). A workload without a namespace makes the scan's
 * default namespace a tenant only when that was chosen ({@code --default-namespace}), never
 * {@code default} by omission. A placeholder name ({@code ${NAMESPACE}}) is no namespace.
 */
final class Tenants {

  static final Set<String> SYSTEM = Set.of("kube-system", "kube-public", "kube-node-lease");

  /** A tenant namespace: where to point, and its workloads in source order. */
  record Tenant(String name, Resource at, Node node, List<Resource> workloads) {}

  static final Inventory.Derived<List<Tenant>> TENANTS = Inventory.Derived.of("tenant namespaces", Tenants::compute);

  private Tenants() {}

  private static List<Tenant> compute(Inventory inventory) {
    Map<String, Resource> declared = new LinkedHashMap<>();
    for (Resource ns : inventory.ofKind(GroupKind.NAMESPACE)) {
      if (ns.name() != null) {
        declared.putIfAbsent(ns.name(), ns);
      }
    }
    Map<String, List<Resource>> workloads = new LinkedHashMap<>();
    boolean chosenDefault = !inventory.defaultNamespace().equals(Inventory.DEFAULT_NAMESPACE);
    for (Resource w : inventory.workloads()) {
      if (w.namespace() != null || chosenDefault) {
        workloads.computeIfAbsent(inventory.namespaceOf(w), k -> new ArrayList<>()).add(w);
      }
    }
    List<Tenant> out = new ArrayList<>();
    for (Resource ns : declared.values()) {
      if (!SYSTEM.contains(ns.name()) && !Placeholders.isPlaceholder(ns.name())) {
        List<Resource> in = workloads.getOrDefault(ns.name(), List.of());
        out.add(new Tenant(ns.name(), ns, ns.root().get("metadata").get("name"), in));
      }
    }
    for (Map.Entry<String, List<Resource>> e : workloads.entrySet()) {
      if (!declared.containsKey(e.getKey()) && !SYSTEM.contains(e.getKey()) && !Placeholders.isPlaceholder(e.getKey())) {
        Resource first = e.getValue().get(0);
        Node node = first.root().get("metadata").get("namespace");
        out.add(new Tenant(e.getKey(), first, node.isMissing() ? first.root().asMap().keyNode("metadata") : node,
            e.getValue()));
      }
    }
    return List.copyOf(out);
  }

  /** {@code Deployment shop/web, StatefulSet shop/db and 3 more}: at most five names. */
  static String names(List<Resource> resources) {
    List<String> workloads = new ArrayList<>(new LinkedHashSet<>(resources.stream().map(Resource::displayName).toList()));
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(workloads.size(), 5);
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        sb.append(i == shown - 1 && workloads.size() == shown ? " and " : ", ");
      }
      sb.append(workloads.get(i));
    }
    if (workloads.size() > shown) {
      sb.append(" and ").append(workloads.size() - shown).append(" more");
    }
    return sb.toString();
  }
}
