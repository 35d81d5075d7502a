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

/** A container port without a name, on a regular container or a native sidecar. */
public final class ContainerPortUnnamed implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("container-port-unnamed")
      .title("Container port without a name")
      .severity(Severity.INFO)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.WORKLOADS)
      .optIn()
      .rationale("A named port lets Services (targetPort), NetworkPolicies and probes refer to it by name, so"
          + " that the number can change in the pod template alone; with numbers only, every reference must"
          + " change with it, and a reference left behind silently points at nothing or at another process."
          + " Meshes also read the protocol from the name (http-, grpc-). Only ports that a Service can"
          + " target are checked: those of regular containers and native sidecars (init containers with"
          + " restartPolicy: Always); ordinary init containers serve nothing and ephemeral containers cannot"
          + " declare ports. A port whose name is an empty string counts as unnamed. Clashing names and"
          + " numbers are container-port-conflict's. Peers: kube-score's optional container-ports-check checks"
          + " the same list (unique names, a containerPort); none requires a name, hence INFO and opt-in.")
      .remediation("Give every container port a name (at most 15 lowercase letters, digits and hyphens, such as"
          + " http or metrics) and let Services and probes refer to it by that name.")
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
      boolean served = container.type() == Container.Type.REGULAR
          || (container.type() == Container.Type.INIT && container.node().get("restartPolicy").textEquals("Always"));
      if (!served) {
        continue;
      }
      ListNode ports = Ports.of(container);
      for (int p = 0; p < ports.size(); p++) {
        Node port = ports.get(p);
        if (port.isMap() && Ports.name(port) == null) {
          String number = Ports.numberNode(port).text("?");
          context.finding(resource, port)
              .message("containerPort " + number + "/" + Ports.protocol(port) + " of " + container.describe()
                  + " of " + resource.displayName() + " has no name")
              .key(container.type().field() + "/" + container.name() + ":" + number + "/" + Ports.protocol(port))
              .report();
        }
      }
    }
  }
}
