/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.List;

/**
 * How many replicas a Deployment or StatefulSet keeps at the least: the {@code minReplicas} of a
 * HorizontalPodAutoscaler in the scan that targets it (default 1), else its {@code replicas}
 * (default 1).
 *
 * @param workload the Deployment or StatefulSet
 * @param count the least number of replicas
 * @param owner where the count is decided: the workload or its autoscaler
 * @param node the field that decides it, or the object lacking it
 * @param set true if that field is set ({@code node} is its value)
 */
record Replicas(Resource workload, long count, Resource owner, Node node, boolean set) {

  private static final String HPA = "HorizontalPodAutoscaler";

  /**
   * The kinds whose replicas these rules count, each listed by the inventory on its own: callers
   * walk {@code inventory.ofKind(kind)} for each kind instead of a list copied for them, which
   * would cost a reference per workload on every scan.
   */
  static final List<GroupKind> KINDS =
      List.of(GroupKind.DEPLOYMENT, GroupKind.STATEFUL_SET, GroupKind.EXTENSIONS_DEPLOYMENT);

  /** The least number of replicas of {@code workload}, as {@link #of} finds it, allocating nothing. */
  static long count(Inventory inventory, Resource workload) {
    Resource hpa = autoscaler(inventory, workload);
    Node n = hpa != null ? hpa.root().get("spec").get("minReplicas") : workload.root().get("spec").get("replicas");
    return n.isNull() ? 1 : n.longValue(1);
  }

  static Replicas of(Inventory inventory, Resource workload) {
    Resource hpa = autoscaler(inventory, workload);
    if (hpa != null) {
      Node min = hpa.root().get("spec").get("minReplicas");
      if (min.isNull()) {
        return new Replicas(workload, 1, hpa, hpa.root().keyNode("spec"), false);
      }
      return new Replicas(workload, min.longValue(1), hpa, min, true);
    }
    Node replicas = workload.root().get("spec").get("replicas");
    if (replicas.isNull()) {
      return new Replicas(workload, 1, workload, workload.root().keyNode("spec"), false);
    }
    return new Replicas(workload, replicas.longValue(1), workload, replicas, true);
  }

  /**
   * Of the HorizontalPodAutoscalers in {@code workload}'s namespace that target it, the one that
   * allows the fewest replicas (the first in source order among equals), or null. Every copy of
   * an autoscaler counts: a harmless one never masks one that allows fewer replicas.
   */
  private static Resource autoscaler(Inventory inventory, Resource workload) {
    String namespace = inventory.namespaceOf(workload);
    List<Resource> autoscalers = inventory.ofKind(GroupKind.HORIZONTAL_POD_AUTOSCALER, namespace);
    Resource best = null;
    long bestCount = Long.MAX_VALUE;
    for (int i = 0; i < autoscalers.size(); i++) {
      Resource hpa = autoscalers.get(i);
      Node target = hpa.root().get("spec").get("scaleTargetRef");
      if (target.get("kind").textEquals(workload.kind()) && target.get("name").textEquals(workload.name())
          && targetsGroup(target.get("apiVersion"), workload)) {
        Node min = hpa.root().get("spec").get("minReplicas");
        long count = min.isNull() ? 1 : min.longValue(1);
        if (best == null || count < bestCount
            || (count == bestCount && Inventory.SOURCE_ORDER.compare(hpa, best) < 0)) {
          best = hpa;
          bestCount = count;
        }
      }
    }
    return best;
  }

  /** True if a target's {@code apiVersion} (optional for an autoscaler) names the workload's group. */
  static boolean targetsGroup(Node apiVersion, Resource workload) {
    String text = apiVersion.text();
    if (text == null || text.isEmpty()) {
      return true;
    }
    int slash = text.indexOf('/');
    String group = workload.apiGroup();
    return slash < 0 ? group.isEmpty() : slash == group.length() && text.regionMatches(0, group, 0, slash);
  }

  /**
   * The field and its value, for messages; built only when a finding needs it, so that a workload
   * that passes allocates no text.
   */
  String reason() {
    if (fromAutoscaler()) {
      return set ? "minReplicas: " + node.text() : "minReplicas is not set and defaults to 1";
    }
    return set ? "replicas: " + node.text() : "replicas is not set and no " + HPA + " in the scan targets it";
  }

  /** True if the count comes from an autoscaler. */
  boolean fromAutoscaler() {
    return owner != workload;
  }
}
