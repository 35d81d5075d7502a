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
 * ResourceQuota in the scan. The message names the workloads of the namespace.
 */
public final class NamespaceWithoutResourceQuota implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("namespace-without-resource-quota")
      .title("Namespace without a ResourceQuota")
      .severity(Severity.LOW)
      .topic(Topic.TENANCY)
      .controls("cis-k8s:5.6.1")
      .kinds(GroupKind.NAMESPACE, GroupKind.RESOURCE_QUOTA, RuleMetadata.WORKLOADS)
      .rationale("A ResourceQuota caps what a namespace may ask for: CPU, memory, storage, and counts of Pods,"
          + " Services, Secrets or load balancers. Without one, a single tenant (or an attacker running in"
          + " it) can exhaust the nodes or the API server's storage and starve every other namespace. System"
          + " namespaces are left out; a workload without metadata.namespace does not make default a"
          + " tenant unless --default-namespace names it.")
      .remediation("Add a ResourceQuota to the namespace with limits for requests.cpu, requests.memory,"
          + " limits.memory and object counts suited to the tenant.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    for (Tenants.Tenant t : inventory.derived(Tenants.TENANTS)) {
      if (!inventory.ofKind(GroupKind.RESOURCE_QUOTA, t.name()).isEmpty()) {
        continue;
      }
      String message = "namespace " + t.name() + " has no ResourceQuota, so "
          + (t.workloads().isEmpty() ? "nothing bounds what is deployed in it"
              : "nothing bounds what its workloads (" + Tenants.names(t.workloads()) + ") may consume");
      context.finding(t.at(), t.node()).key(t.name()).message(message).report();
    }
  }
}
