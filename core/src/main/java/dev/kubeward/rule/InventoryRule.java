/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import dev.kubeward.model.Inventory;

/**
 * A cross-resource rule: it sees every resource of a scan at once (a workload with its service
 * account, bindings and network policies). The engine calls it once per cluster of the scan's join
 * scope. The kinds its metadata declares are what it reads from the inventory
 * ({@code Kubeward.inventoryReads()} gathers them), so that what no rule reads can be dropped; a
 * rule must not read other kinds.
 */
public interface InventoryRule extends Rule {

  /** Checks the whole {@code inventory} and reports what is wrong to {@code context}. */
  void check(Inventory inventory, Context context);
}
