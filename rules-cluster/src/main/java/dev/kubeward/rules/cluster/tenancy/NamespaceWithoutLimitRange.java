/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.tenancy;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A tenant namespace (declared, or named by its workloads; system namespaces left out) with no
 * LimitRange in the scan. The message names the workloads of the namespace.
 */
public final class NamespaceWithoutLimitRange implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("namespace-without-limit-range")
      .title("Namespace without a LimitRange")
      .severity(Severity.LOW)
      .topic(Topic.TENANCY)
      .controls("cis-k8s:5.6.1")
      .kinds(GroupKind.NAMESPACE, GroupKind.LIMIT_RANGE, RuleMetadata.WORKLOADS)
      .rationale("A LimitRange gives every container of a namespace default requests and limits and caps"
          + " what one container may ask for. Without one, a container that sets no limits may use a whole"
          + " node's memory and CPU, and once a ResourceQuota on requests or limits exists, a Pod that sets"
          + " none is rejected. System namespaces are left out; a workload without metadata.namespace does"
          + " not make default a tenant unless --default-namespace names it.")
      .remediation("Add a LimitRange to the namespace with default and defaultRequest values for containers and"
          + " a max per container.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    for (Tenants.Tenant t : inventory.derived(Tenants.TENANTS)) {
      if (!inventory.ofKind(GroupKind.LIMIT_RANGE, t.name()).isEmpty()) {
        continue;
      }
      String message = "namespace " + t.name() + " has no LimitRange, so "
          + (t.workloads().isEmpty() ? "its containers get no default requests or limits"
              : "the containers of its workloads (" + Tenants.names(t.workloads())
                  + ") that set no limits get none");
      context.finding(t.at(), t.node()).key(t.name()).message(message).report();
    }
  }
}
