/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Rules for API lifecycle: removed and deprecated API versions and annotations that fields replaced. */
package dev.kubeward.rules.cluster.lifecycle;
