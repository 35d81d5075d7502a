/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Service accounts: the API token a pod gets mounted, which service account it runs as, and the
 * deprecated field that names it.
 */
package dev.kubeward.rules.workload.serviceaccounts;
