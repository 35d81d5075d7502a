/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.addons;

import dev.kubeward.model.Container;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * Any Kubernetes Dashboard install: the project was archived in January 2026, so it gets no more
 * security fixes. One finding per install, on the container that serves the UI (v1, v2, or the
 * v3 web module). The Services that expose it and the bindings of its service account to
 * {@code cluster-admin} are attached as related locations; the network and RBAC rules report them.
 */
public final class DashboardUnmaintained implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("dashboard-unmaintained")
      .title("Kubernetes Dashboard, which is no longer maintained")
      .severity(Severity.MEDIUM)
      .topic(Topic.DASHBOARD)
      .controls("mitre-attack:T1133")
      .kinds(RuleMetadata.WORKLOADS, GroupKind.SERVICE, GroupKind.CLUSTER_ROLE_BINDING, GroupKind.ROLE_BINDING)
      .rationale("The kubernetes/dashboard project was archived in January 2026 (it moved to"
          + " kubernetes-retired/dashboard): a vulnerability found in it, or in the libraries it ships, will"
          + " not be fixed. The Dashboard is a web UI that acts on the cluster, often with a broadly bound"
          + " service account, which makes it a favourite way in.")
      .remediation("Remove the Dashboard and use a maintained UI such as Headlamp (a Kubernetes SIG UI"
          + " project), or kubectl with short-lived credentials.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    for (Resource workload : inventory.workloads()) {
      for (Container c : workload.podSpec().containers()) {
        if (c.type() == Container.Type.EPHEMERAL || !Dashboards.isUserInterface(c)) {
          continue;
        }
        Dashboards.addRelated(context.finding(workload, c.image()), inventory, workload)
            .message(c.describe() + " of " + workload.displayName() + " runs the Kubernetes Dashboard (image \""
                + c.image().text() + "\"), archived in January 2026 and no longer maintained: use Headlamp instead")
            .report();
        break;
      }
    }
  }
}
