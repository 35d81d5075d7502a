/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.Container;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A long-running container without a readiness probe that a Service of the scan sends traffic to:
 * one that declares a port the Service targets, or any such container of a pod without a single
 * readiness probe when the Service targets a port no container declares.
 */
public final class ReadinessProbeMissing implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("readiness-probe-missing")
      .title("Container without a readiness probe behind a Service")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.WORKLOADS, GroupKind.SERVICE)
      .parameters(Probes.BATCH_KINDS)
      .rationale("Readiness decides whether a pod is among a Service's endpoints. Without a readiness probe a pod"
          + " receives the Service's traffic as soon as its containers start, before the application can"
          + " answer, and keeps receiving it while it is overloaded or cut off from its dependencies. The"
          + " rule reports only pods that a Service of the scan routes to: a Service of the workload's"
          + " namespace whose selector matches the pod template's labels (a Service without a selector, with"
          + " selector: {}, of type ExternalName, or with publishNotReadyAddresses: true, whose endpoints"
          + " ignore readiness, or whose ports are all named as metrics ports, such as http-metrics: a scrape"
          + " target, not a way in for clients, does not count). In such a pod, a container is reported when"
          + " it declares a port the Service targets (by targetPort name or number, or by port when"
          + " targetPort is left out), or, when the Service targets a port no container declares (or lists no"
          + " port), when no container of the pod has a readiness probe at all; a sidecar that serves none of"
          + " the Service's ports (a database proxy, a config reloader) needs none, since any probe of the"
          + " pod already holds the pod back. A pod no Service selects gets no traffic that a readiness probe"
          + " could hold back, so reporting it would only ask for a probe nobody reads: this is kube-score's"
          + " pod-probes behaviour, where Polaris and kube-linter ask every container. A Service applied from"
          + " elsewhere is not seen. Only long-running containers are checked, as for liveness-probe-missing:"
          + " regular containers and native sidecars (init containers with restartPolicy: Always) of pods"
          + " that restart Always, not Jobs, CronJobs, KEDA ScaledJobs (the batchKinds parameter) or pods"
          + " with restartPolicy Never or OnFailure, and not ordinary init or ephemeral containers, which"
          + " cannot have one.")
      .remediation("Add a readinessProbe that succeeds only when the container can serve requests.")
      .build();

  private static final String PROBE = "readinessProbe";

  private final LivenessProbeMissing.Params params;

  public ReadinessProbeMissing() {
    this(Parameters.defaults(METADATA));
  }

  private ReadinessProbeMissing(Parameters parameters) {
    this.params = new LivenessProbeMissing.Params(parameters.get(Probes.BATCH_KINDS));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new ReadinessProbeMissing(parameters);
  }

  @Override
  public void check(Inventory inventory, Context context) {
    List<Resource> workloads = inventory.workloads();
    for (int w = 0; w < workloads.size(); w++) {
      Resource workload = workloads.get(w);
      if (Probes.runsForever(workload, params.batchKinds()) && count(workload, true) > 0) {
        check(inventory, workload, context);
      }
    }
  }

  /** Reports the containers of {@code workload} without a probe that a Service sends traffic to. */
  private static void check(Inventory inventory, Resource workload, Context context) {
    boolean podProbed = count(workload, false) > 0;
    List<Resource> services = Services.selecting(inventory, workload);
    List<Container> containers = workload.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (!Probes.lacks(c, PROBE)) {
        continue;
      }
      Resource found = null;
      for (int s = 0; s < services.size(); s++) {
        Resource service = services.get(s);
        if (Services.routes(service, workload, true) && (Services.targets(service, c)
            || (!podProbed && Services.hasUnattributedPort(service, workload.podSpec())))) {
          found = Services.preferred(workload, found, service);
        }
      }
      if (found != null) {
        context.finding(workload, c.node())
            .message(c.describe() + " of " + workload.displayName() + " has no readiness probe (readinessProbe)"
                + " while " + found.displayName() + " sends traffic to its pods")
            .related(found, Services.selector(found), found.displayName() + " selects the pods")
            .report();
      }
    }
  }

  /** How many long-running containers of {@code workload} lack the probe ({@code lacking}) or have it. */
  private static int count(Resource workload, boolean lacking) {
    List<Container> containers = workload.podSpec().containers();
    int n = 0;
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (Probes.longRunning(c) && c.node().get(PROBE).isNull() == lacking) {
        n++;
      }
    }
    return n;
  }
}
