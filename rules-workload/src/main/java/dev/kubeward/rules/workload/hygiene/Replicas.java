package dev.kubeward.rules.workload.hygiene;

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

  /** The kinds whose replicas these rules count, each listed by the inventory on its own. */
  static final List<String> KINDS = List.of("Deployment", "StatefulSet");

  /**
   * True if {@code r}, of one of the {@link #KINDS}, is the workload of the {@code apps} (or
   * {@code extensions}) group rather than a custom resource of the same kind. Callers walk
   * {@code inventory.ofKind(kind)} for each kind instead of a list copied for them, which would
   * cost a reference per workload on every scan.
   */
  static boolean isWorkload(Resource r) {
    return r.apiGroup().equals("apps") || r.apiGroup().equals("extensions");
  }

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

  /** The first HorizontalPodAutoscaler of the scan that targets {@code workload}, or null. */
  private static Resource autoscaler(Inventory inventory, Resource workload) {
    List<Resource> autoscalers = inventory.ofKind(HPA);
    for (int i = 0; i < autoscalers.size(); i++) {
      Resource hpa = autoscalers.get(i);
      Node target = hpa.root().get("spec").get("scaleTargetRef");
      if (sameNamespace(hpa, workload) && target.get("kind").textEquals(workload.kind())
          && target.get("name").textEquals(workload.name())) {
        return hpa;
      }
    }
    return null;
  }

  /** Namespaces compared with an unset namespace read as {@code default}. */
  static boolean sameNamespace(Resource a, Resource b) {
    String na = a.namespace() == null ? "default" : a.namespace();
    String nb = b.namespace() == null ? "default" : b.namespace();
    return na.equals(nb);
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
