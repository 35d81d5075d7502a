/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** The network rules module: its {@link dev.kubeward.rules.network.NetworkRules} provider. */
package dev.kubeward.rules.network;
