/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Tenancy: namespaces without a ResourceQuota or a LimitRange, and application workloads placed in
 * kube-system.
 */
package dev.kubeward.rules.cluster.tenancy;
