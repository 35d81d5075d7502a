/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** The cluster rules module: its {@link dev.kubeward.rules.cluster.ClusterRules} provider. */
package dev.kubeward.rules.cluster;
