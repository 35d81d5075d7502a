/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Reliability hygiene (LOW and INFO, never in the Pod Security Standards profiles): probes, replica
 * counts and PodDisruptionBudgets.
 */
package dev.kubeward.rules.workload.hygiene;
