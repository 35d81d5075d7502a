/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

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
 * A privileged or host-namespace pod with a toleration that matches every taint:
 * {@code operator: Exists} and no key (of every effect, or of the one it names). Reported at the
 * operator; pods that are neither privileged nor in a host namespace are left alone.
 */
public final class ToleratesAllTaints implements ResourceRule {

  private static final String[] HOST_FIELDS = {"hostNetwork", "hostPID", "hostIPC"};

  private static final RuleMetadata METADATA = RuleMetadata.builder("tolerates-all-taints")
      .title("Privileged pod tolerates every taint")
      .severity(Severity.MEDIUM)
      .topic(Topic.POD_SECURITY)
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("A toleration with operator Exists and no key matches every taint, so the pod is also"
          + " scheduled on control-plane nodes (node-role.kubernetes.io/control-plane:NoSchedule), on nodes"
          + " set apart for sensitive tenants, and on nodes being drained or failing. A privileged pod, or"
          + " one sharing the host's network, process or IPC namespace, owns the node it runs on; on a"
          + " control-plane node that means the etcd data, the cluster's CA key and the admin credentials."
          + " Node agents of the cluster itself often need this; anything else should tolerate only the"
          + " taints it names.")
      .remediation("Tolerate only the taints the pod needs, each by key, or drop privileged and the host"
          + " namespaces from a pod that must run everywhere.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    PodSpec pod = resource.podSpec();
    Node tolerations = pod.spec().get("tolerations");
    for (int i = 0; i < tolerations.size(); i++) {
      Node toleration = tolerations.get(i);
      Node operator = toleration.get("operator");
      String key = toleration.get("key").text();
      if (!operator.textEquals("Exists") || key != null && !key.isEmpty()) {
        continue;
      }
      String power = power(pod);
      if (power == null) {
        return;
      }
      String effect = toleration.get("effect").text();
      String what = effect == null || effect.isEmpty() ? "every taint" : "every " + effect + " taint";
      context.report(resource, operator, resource.displayName() + " tolerates " + what
          + " (operator: Exists without a key) and " + power);
    }
  }

  /** Why the pod owns its node, for the message; {@code null} when it does not. Allocates only when it does. */
  private static String power(PodSpec pod) {
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (c.securityContext().get("privileged").isTrue()) {
        return "runs " + c.describe() + " privileged";
      }
    }
    MapNode spec = pod.spec();
    for (String field : HOST_FIELDS) {
      if (spec.get(field).isTrue()) {
        return "sets " + field + ": " + spec.get(field).text();
      }
    }
    return null;
  }
}
