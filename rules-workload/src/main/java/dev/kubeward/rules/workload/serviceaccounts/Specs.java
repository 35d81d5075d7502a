/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.serviceaccounts;

import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Pointers;
import dev.kubeward.model.Resource;

/** Where the service account rules point. */
final class Specs {

  private Specs() {}

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
}
