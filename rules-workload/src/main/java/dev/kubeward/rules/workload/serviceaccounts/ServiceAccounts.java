package dev.kubeward.rules.workload.serviceaccounts;

import dev.kubeward.model.Inventory;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Pointers;
import dev.kubeward.model.Resource;

/** Which service account a pod runs as, and its object in a scan. */
final class ServiceAccounts {

  static final String DEFAULT = "default";

  private ServiceAccounts() {}

  /**
   * The node naming the pod's service account: {@code serviceAccountName}, or the deprecated
   * {@code serviceAccount} the API server copies into it when it is empty; {@code MISSING} if neither.
   */
  static Node nameNode(MapNode spec) {
    Node name = spec.get("serviceAccountName");
    String text = name.text();
    if (text != null && !text.isEmpty()) {
      return name;
    }
    Node legacy = spec.get("serviceAccount");
    String legacyText = legacy.text();
    return legacyText != null && !legacyText.isEmpty() ? legacy : Node.MISSING;
  }

  /** The pod's service account name; {@code default} when unset. */
  static String nameOf(MapNode spec) {
    return nameNode(spec).text(DEFAULT);
  }

  /**
   * The {@code spec} key above a pod spec (the object a pod-level finding about a missing field
   * points at), or the pod spec itself. Allocates; for reporting only.
   */
  static Node specKey(Resource resource, PodSpec pod) {
    String pointer = pod.pointer();
    Node holder = Pointers.resolve(resource.root(), pointer.substring(0, pointer.lastIndexOf('/')));
    Node key = holder.asMap().keyNode("spec");
    return key.isMissing() ? pod.spec() : key;
  }

  /** The ServiceAccount {@code name} in {@code namespace} (unset and {@code default} are the same). */
  static Resource find(Inventory inventory, String namespace, String name) {
    Resource sa = inventory.find("ServiceAccount", namespace, name);
    if (sa == null && namespace == null) {
      sa = inventory.find("ServiceAccount", DEFAULT, name);
    } else if (sa == null && DEFAULT.equals(namespace)) {
      sa = inventory.find("ServiceAccount", null, name);
    }
    return sa;
  }
}
