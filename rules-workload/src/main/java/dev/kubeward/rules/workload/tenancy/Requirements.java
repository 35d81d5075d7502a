/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.tenancy;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import java.util.List;

/**
 * The shared check of the CPU and memory rules: for each init and regular container, a missing
 * request (when no limit would default it) and a missing limit, unless pod-level resources set them.
 */
final class Requirements {

  private Requirements() {}

  static void check(Resource resource, Context context, String resourceName, String label,
      boolean requireRequest, boolean requireLimit) {
    PodSpec pod = resource.podSpec();
    Node podResources = pod.spec().get("resources");
    boolean podRequest = isSet(podResources.get("requests").get(resourceName))
        || isSet(podResources.get("limits").get(resourceName));
    boolean podLimit = isSet(podResources.get("limits").get(resourceName));
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (c.type() == Container.Type.EPHEMERAL) {
        continue;
      }
      Node resources = c.node().get("resources");
      Node requests = resources.get("requests");
      Node limits = resources.get("limits");
      boolean limit = isSet(limits.get(resourceName));
      if (requireRequest && !podRequest && !limit && !isSet(requests.get(resourceName))) {
        context.report(resource, target(c, resources, "requests"), c.describe() + " of " + resource.displayName()
            + " sets no " + label + " request (resources.requests." + resourceName + ")");
      }
      if (requireLimit && !podLimit && !limit) {
        context.report(resource, target(c, resources, "limits"), c.describe() + " of " + resource.displayName()
            + " sets no " + label + " limit (resources.limits." + resourceName + ")");
      }
    }
  }

  private static boolean isSet(Node quantity) {
    return !quantity.isNull() && !quantity.isMap() && !quantity.isList();
  }

  /** The key of the innermost existing map on the way to the missing field, or the container. */
  private static Node target(Container c, Node resources, String section) {
    if (resources.get(section).isMap()) {
      return resources.asMap().keyNode(section);
    }
    return resources.isMap() ? c.node().keyNode("resources") : c.node();
  }
}
