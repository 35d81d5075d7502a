/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The network policy model of a scan ({@link dev.kubeward.rules.network.reach.NetworkModel}), what
 * it allows between workloads and outside addresses
 * ({@link dev.kubeward.rules.network.reach.Reachability}), and the coverage rules built on it.
 */
package dev.kubeward.rules.network.reach;
