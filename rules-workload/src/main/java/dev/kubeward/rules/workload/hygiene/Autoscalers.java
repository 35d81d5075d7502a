/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.List;

/**
 * What a HorizontalPodAutoscaler scales: the objects of its namespace that its
 * {@code spec.scaleTargetRef} names by kind, name and (when the reference states one) API group.
 */
final class Autoscalers {

  private Autoscalers() {}

  /** The {@code scaleTargetRef} of {@code hpa}. */
  static Node targetRef(Resource hpa) {
    return hpa.root().get("spec").get("scaleTargetRef");
  }

  /** True if {@code hpa}'s target reference names {@code object}. */
  static boolean targets(Resource hpa, Resource object) {
    Node ref = targetRef(hpa);
    return ref.get("kind").textEquals(object.kind()) && ref.get("name").textEquals(object.name())
        && Replicas.targetsGroup(ref.get("apiVersion"), object);
  }

  /** The first object in {@code hpa}'s namespace that it targets, in scan order, or null. */
  static Resource target(Inventory inventory, Resource hpa) {
    List<Resource> candidates = inventory.inNamespace(inventory.namespaceOf(hpa));
    for (int i = 0; i < candidates.size(); i++) {
      Resource r = candidates.get(i);
      if (r != hpa && targets(hpa, r)) {
        return r;
      }
    }
    return null;
  }
}
