/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A Service of {@code type: NodePort}, reported at its type. LoadBalancer Services, which also
 * allocate node ports unless {@code allocateLoadBalancerNodePorts: false}, are left to
 * {@code load-balancer-open-to-internet}, so that one Service gives one exposure finding.
 */
public final class NodePortService implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("node-port-service")
      .title("Service exposed on a port of every node")
      .severity(Severity.LOW)
      .topic(Topic.NETWORK)
      .kinds(GroupKind.SERVICE)
      .rationale("A NodePort Service opens its port (30000-32767 by default) on every node of the cluster,"
          + " on every node address kube-proxy listens on: whoever reaches a node reaches the pods, around"
          + " the load balancer, the ingress controller and their TLS, authentication and logs, and the"
          + " loadBalancerSourceRanges of a LoadBalancer do not filter node ports. How far that goes depends"
          + " on who can reach the nodes, which the manifests do not say, hence LOW. LoadBalancer Services"
          + " also allocate node ports (unless allocateLoadBalancerNodePorts is false) but are reported by"
          + " load-balancer-open-to-internet instead, once per Service.")
      .remediation("Use a ClusterIP Service behind an Ingress, a Gateway or a LoadBalancer with source"
          + " ranges; if a node port is needed, restrict access to the nodes with firewall rules.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node type = resource.root().get("spec").get("type");
    if (!type.textEquals("NodePort")) {
      return;
    }
    Node ports = resource.root().get("spec").get("ports");
    StringBuilder which = new StringBuilder();
    for (int i = 0; i < ports.size(); i++) {
      Node nodePort = ports.get(i).get("nodePort");
      which.append(which.length() == 0 ? "" : ", ").append(ports.get(i).get("port").text("?"))
          .append(nodePort.isNull() ? "" : " on node port " + nodePort.text());
    }
    context.finding(resource, type)
        .message(resource.displayName() + " is of type NodePort: port " + (which.length() == 0 ? "(none listed)" : which)
            + " is open on every node")
        .key("node-port")
        .report();
  }
}
