/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** The workload rules module: its {@link dev.kubeward.rules.workload.WorkloadRules} provider. */
package dev.kubeward.rules.workload;
