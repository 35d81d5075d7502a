/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Tenancy: resource requests and limits, and workloads left in the default namespace. */
package dev.kubeward.rules.workload.tenancy;
