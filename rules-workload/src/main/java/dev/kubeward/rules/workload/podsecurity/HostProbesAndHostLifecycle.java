/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.List;

/**
 * A probe or lifecycle hook aimed at another host: Pod Security Standards Baseline, check
 * {@code hostProbesAndHostLifecycle} (policy version v1.34 and later). A non-empty {@code host} in
 * the {@code httpGet} or {@code tcpSocket} handler of a liveness, readiness or startup probe or of
 * a postStart or preStop hook fails.
 */
public final class HostProbesAndHostLifecycle extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("host-probes-and-host-lifecycle", PssCheck.HOST_PROBES_AND_HOST_LIFECYCLE, Severity.MEDIUM)
          .title("Probe or lifecycle hook aimed at another host")
          .rationale("The kubelet runs probes and lifecycle hooks from the node, so a host set in one makes"
              + " the node send requests to any address the pod author picks, including node-local"
              + " services and cloud metadata endpoints.")
          .remediation("Remove the host field from httpGet and tcpSocket probes and lifecycle hooks so they"
              + " target the pod itself.")
          .build();

  private static final String[] PROBES = {"livenessProbe", "readinessProbe", "startupProbe"};
  private static final String[] HOOKS = {"postStart", "preStop"};
  private static final String[] HANDLERS = {"httpGet", "tcpSocket"};

  public HostProbesAndHostLifecycle() {
    super(PssCheck.HOST_PROBES_AND_HOST_LIFECYCLE);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      for (String probe : PROBES) {
        check(resource, c, c.node().get(probe), "", probe, out);
      }
      Node lifecycle = c.node().get("lifecycle");
      for (String hook : HOOKS) {
        check(resource, c, lifecycle.get(hook), "lifecycle.", hook, out);
      }
    }
  }

  private static void check(Resource resource, Container c, Node handlerParent, String prefix, String field,
      Context out) {
    for (String handler : HANDLERS) {
      Node host = handlerParent.get(handler).get("host");
      String text = host.text();
      if (text != null && !text.isEmpty()) {
        out.report(resource, host, subject(c, resource) + " must not set " + prefix + field + "." + handler + ".host="
            + value(host));
      }
    }
  }
}
