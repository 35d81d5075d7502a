package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
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
 * @param reason the field and its value, for messages
 */
record Replicas(Resource workload, long count, Resource owner, Node node, String reason) {

  private static final String HPA = "HorizontalPodAutoscaler";

  /** The Deployments and StatefulSets (apps, extensions) of the scan. */
  static List<Resource> workloads(Inventory inventory) {
    List<Resource> out = new ArrayList<>();
    for (String kind : List.of("Deployment", "StatefulSet")) {
      for (Resource r : inventory.ofKind(kind)) {
        if (r.apiGroup().equals("apps") || r.apiGroup().equals("extensions")) {
          out.add(r);
        }
      }
    }
    return out;
  }

  static Replicas of(Inventory inventory, Resource workload) {
    for (Resource hpa : inventory.ofKind(HPA)) {
      Node target = hpa.root().get("spec").get("scaleTargetRef");
      if (sameNamespace(hpa, workload) && target.get("kind").textEquals(workload.kind())
          && target.get("name").textEquals(workload.name())) {
        Node min = hpa.root().get("spec").get("minReplicas");
        if (min.isNull()) {
          return new Replicas(workload, 1, hpa, hpa.root().keyNode("spec"), "minReplicas is not set and defaults to 1");
        }
        return new Replicas(workload, min.longValue(1), hpa, min, "minReplicas: " + min.text());
      }
    }
    Node replicas = workload.root().get("spec").get("replicas");
    if (replicas.isNull()) {
      return new Replicas(workload, 1, workload, workload.root().keyNode("spec"),
          "replicas is not set and no " + HPA + " in the scan targets it");
    }
    return new Replicas(workload, replicas.longValue(1), workload, replicas, "replicas: " + replicas.text());
  }

  /** Namespaces compared with an unset namespace read as {@code default}. */
  static boolean sameNamespace(Resource a, Resource b) {
    String na = a.namespace() == null ? "default" : a.namespace();
    String nb = b.namespace() == null ? "default" : b.namespace();
    return na.equals(nb);
  }

  /** True if the count comes from an autoscaler. */
  boolean fromAutoscaler() {
    return owner != workload;
  }
}
