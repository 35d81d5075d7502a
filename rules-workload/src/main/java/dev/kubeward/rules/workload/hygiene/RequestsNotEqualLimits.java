/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.Container;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A container (or pod-level resources) whose CPU or memory request differs from its limit, or
 * that sets no limit, so that the pod is not in the Guaranteed QoS class.
 */
public final class RequestsNotEqualLimits implements ResourceRule {

  private static final String[] RESOURCES = {"cpu", "memory"};

  private static final RuleMetadata METADATA = RuleMetadata.builder("requests-not-equal-limits")
      .title("CPU or memory request not equal to its limit (QoS not Guaranteed)")
      .severity(Severity.INFO)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.WORKLOADS)
      .optIn()
      .rationale("A pod is in the Guaranteed QoS class only when every init and regular container sets a CPU"
          + " and a memory limit and requests exactly as much (a missing request defaults to the limit):"
          + " such a pod is the last the kubelet evicts under node pressure and may get exclusive CPUs. A"
          + " Burstable pod can be evicted or slowed by its neighbours. Quantities are compared by value"
          + " (1 equals 1000m, 1Gi equals 1024Mi). When the pod sets pod-level resources (spec.resources),"
          + " those decide the class and are judged instead of the containers'. Ephemeral containers cannot"
          + " set resources and are skipped. Requiring Guaranteed pods everywhere wastes capacity that"
          + " requests below limits would share, so the rule is opt-in, as kube-score's"
          + " container-resource-requests-equal-limits (and its cpu and memory variants) are.")
      .remediation("Set resources.limits.cpu and resources.limits.memory on every container and init container,"
          + " with requests equal to them (or left out, so that they default to the limits).")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    PodSpec pod = resource.podSpec();
    Node podResources = pod.spec().get("resources");
    if (podResources.isMap()) {
      for (String name : RESOURCES) {
        check(resource, null, pod.spec(), podResources, name, context);
      }
      return;
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (c.type() == Container.Type.EPHEMERAL) {
        continue;
      }
      Node resources = c.node().get("resources");
      for (String name : RESOURCES) {
        check(resource, c, c.node(), resources, name, context);
      }
    }
  }

  /**
   * Judges one resource name of {@code holder}'s {@code resources}: a container's, or the pod's
   * when {@code c} is null.
   */
  private static void check(Resource resource, Container c, MapNode holder, Node resources, String name,
      Context context) {
    Node limit = resources.get("limits").get(name);
    Node request = resources.get("requests").get(name);
    if (!isSet(limit)) {
      context.finding(resource, target(holder, resources))
          .message(who(resource, c) + " sets no " + label(name) + " limit (" + path(c, "limits", name) + ")"
              + ", so the pod is not Guaranteed")
          .key(key(c, name, "limit"))
          .report();
      return;
    }
    if (isSet(request) && Quantities.compare(request.text(), limit.text()) == Quantities.DIFFERENT) {
      context.finding(resource, request)
          .message(who(resource, c) + " requests " + request.text() + " " + label(name) + " but limits it to "
              + limit.text() + " (" + path(c, "requests", name) + "), so the pod is not Guaranteed")
          .key(key(c, name, "request"))
          .report();
    }
  }

  private static boolean isSet(Node quantity) {
    return quantity.isScalar() && !quantity.isNull() && !quantity.text("").isEmpty();
  }

  /** The limits key, else the resources key, else the container (or the pod spec). */
  private static Node target(MapNode holder, Node resources) {
    if (resources.get("limits").isMap()) {
      return resources.asMap().keyNode("limits");
    }
    return resources.isMap() ? holder.keyNode("resources") : holder;
  }

  private static String who(Resource resource, Container c) {
    return (c == null ? "the pod-level resources" : c.describe()) + " of " + resource.displayName();
  }

  private static String path(Container c, String section, String name) {
    return (c == null ? "spec.resources." : "resources.") + section + "." + name;
  }

  private static String label(String name) {
    return name.equals("cpu") ? "CPU" : name;
  }

  private static String key(Container c, String name, String what) {
    return (c == null ? "pod" : c.type().field() + "/" + c.name()) + ":" + name + ":" + what;
  }
}
