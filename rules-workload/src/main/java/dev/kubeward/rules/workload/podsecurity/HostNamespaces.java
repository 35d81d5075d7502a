/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;

/**
 * A pod that shares the node's network, process or IPC namespace: Pod Security Standards
 * Baseline, check {@code hostNamespaces} (every policy version).
 */
public final class HostNamespaces extends PssRule {

  private static final RuleMetadata METADATA = metadata("host-namespaces", PssCheck.HOST_NAMESPACES, Severity.HIGH)
      .title("Host namespaces shared with the pod")
      .rationale("hostNetwork lets the pod sniff and spoof node traffic and reach node-local services;"
          + " hostPID lets it see and signal every process on the node; hostIPC lets it read the"
          + " shared memory of host processes.")
      .remediation("Remove spec.hostNetwork, spec.hostPID and spec.hostIPC or set them to false.")
      .build();

  private static final String[] FIELDS = {"hostNetwork", "hostPID", "hostIPC"};

  public HostNamespaces() {
    super(PssCheck.HOST_NAMESPACES);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    MapNode spec = pod.spec();
    for (String field : FIELDS) {
      Node value = spec.get(field);
      if (value.isTrue()) {
        out.report(resource, value, subject(resource) + " must not set " + field + "=true (it shares the host's "
            + namespaceOf(field) + " namespace)");
      }
    }
  }

  private static String namespaceOf(String field) {
    switch (field) {
      case "hostNetwork":
        return "network";
      case "hostPID":
        return "process";
      default:
        return "IPC";
    }
  }
}
