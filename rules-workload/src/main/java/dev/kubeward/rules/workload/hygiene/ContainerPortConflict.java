/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.Container;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Ports;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * Two container ports of one pod with the same name, or the same number and protocol: across the
 * long-running containers (regular ones and native sidecars), which share the pod's network.
 */
public final class ContainerPortConflict implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("container-port-conflict")
      .title("Container ports that clash within a pod")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.WORKLOADS)
      .optIn()
      .rationale("The containers of a pod share one network namespace: two of them cannot both listen on"
          + " one port and protocol, so one fails to bind (the API server only warns of a duplicate port"
          + " definition), and a Service or probe that targets a port by name picks one of two same-named"
          + " ports (the API server rejects a name used twice in one container). Regular containers and"
          + " native sidecars (init containers with restartPolicy: Always) are compared; one container that"
          + " declares a number twice under two names (so that a Service can target it as http and https)"
          + " is not reported. Peers: kube-score"
          + " container-ports-check.")
      .remediation("Give every port of the pod its own name and its own number per protocol.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    List<Container> containers = resource.podSpec().containers();
    for (int c = 0; c < containers.size(); c++) {
      Container container = containers.get(c);
      if (!longRunning(container)) {
        continue;
      }
      ListNode ports = Ports.of(container);
      for (int p = 0; p < ports.size(); p++) {
        check(resource, containers, c, p, context);
      }
    }
  }

  /** Compares port {@code p} of container {@code c} with every port before it in the pod. */
  private static void check(Resource resource, List<Container> containers, int c, int p, Context context) {
    Container container = containers.get(c);
    Node port = Ports.of(container).get(p);
    String name = Ports.name(port);
    int number = Ports.number(port);
    String protocol = Ports.protocol(port);
    for (int d = 0; d <= c; d++) {
      Container other = containers.get(d);
      if (!longRunning(other)) {
        continue;
      }
      ListNode earlier = Ports.of(other);
      int end = d == c ? p : earlier.size();
      for (int q = 0; q < end; q++) {
        Node before = earlier.get(q);
        if (name != null && name.equals(Ports.name(before))) {
          context.finding(resource, Ports.nameNode(port))
              .message("port " + name + " of " + container.describe() + " of " + resource.displayName()
                  + " has the name of a port " + where(container, other))
              .related(resource, Ports.nameNode(before), "the first port named " + name)
              .key("name:" + name)
              .report();
          return;
        }
        // One container may declare a port twice under two names (a Service's https aliasing http):
        // the same process listens, so only a number taken by another container clashes.
        if (other != container && number > 0 && number == Ports.number(before)
            && protocol.equals(Ports.protocol(before))) {
          context.finding(resource, Ports.numberNode(port))
              .message("containerPort " + number + "/" + protocol + " of " + container.describe() + " of "
                  + resource.displayName() + " is also declared " + where(container, other) + ": only one can bind it")
              .related(resource, Ports.numberNode(before), "the first declaration of " + number + "/" + protocol)
              .key("port:" + number + "/" + protocol)
              .report();
          return;
        }
      }
    }
  }

  /** Where the earlier port is, for messages (built only when reporting). */
  private static String where(Container container, Container other) {
    return other == container ? "earlier in the same container" : "in " + other.describe();
  }

  private static boolean longRunning(Container c) {
    return c.type() == Container.Type.REGULAR
        || (c.type() == Container.Type.INIT && c.node().get("restartPolicy").textEquals("Always"));
  }
}
