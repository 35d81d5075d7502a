/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import dev.kubeward.model.Inventory;

/**
 * A cross-resource rule: it sees every resource of a scan at once (a workload with its service
 * account, bindings and network policies). The engine calls it once per scan, whatever kinds its
 * metadata declares; the kinds document what it reads.
 */
public interface InventoryRule extends Rule {

  /** Checks the whole {@code inventory} and reports what is wrong to {@code context}. */
  void check(Inventory inventory, Context context);
}
