/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Container;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.List;

/**
 * A container port bound on the node: Pod Security Standards Baseline, check {@code hostPorts}
 * (every policy version). Any non-zero {@code ports[*].hostPort} fails. Admission sees objects
 * after API defaulting, which in a Pod (not in a workload's template, since Kubernetes 1.28) with
 * {@code hostNetwork: true} sets every unset or zero hostPort of containers and init containers to
 * its containerPort; so such a Pod fails for each of its container ports.
 */
public final class HostPorts extends PssRule {

  private static final RuleMetadata METADATA = metadata("host-ports", PssCheck.HOST_PORTS, Severity.MEDIUM)
      .title("Container port bound on the node")
      .rationale("A hostPort publishes the container on every address of its node, bypassing Services and"
          + " network policies, and ties the pod to nodes where the port is free.")
      .remediation("Remove ports[*].hostPort (or set it to 0) and expose the pod through a Service.")
      .build();

  public HostPorts() {
    super(PssCheck.HOST_PORTS);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    check(resource, pod, pod.spec().get("hostNetwork").isTrue() && isPod(resource), out);
  }

  @Override
  void evaluateCreatedPods(Resource resource, PodSpec pod, int minor, Context out) {
    check(resource, pod, pod.spec().get("hostNetwork").isTrue(), out);
  }

  @Override
  boolean createdPodsDiffer(Resource resource, PodSpec pod) {
    // Only hostNetwork defaults hostPort, and evaluate already applies that default to a Pod.
    return pod.spec().get("hostNetwork").isTrue() && !isPod(resource);
  }

  private static void check(Resource resource, PodSpec pod, boolean defaulted, Context out) {
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      ListNode ports = c.node().get("ports").asList();
      for (int k = 0; k < ports.size(); k++) {
        Node port = ports.get(k);
        Node hostPort = port.get("hostPort");
        if (hostPort.longValue(0) != 0) {
          out.report(resource, hostPort, subject(c, resource) + " must not set ports[].hostPort=" + value(hostPort));
        } else if (defaulted && c.type() != Container.Type.EPHEMERAL) {
          Node containerPort = port.get("containerPort");
          if (containerPort.longValue(0) != 0) {
            out.report(resource, containerPort, subject(c, resource) + " uses hostPort " + value(containerPort)
                + " (hostNetwork: true defaults ports[].hostPort to the containerPort in a Pod)");
          }
        }
      }
    }
  }

  private static boolean isPod(Resource resource) {
    return resource.is(GroupKind.POD);
  }
}
