/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Image references: tags, digests, registries, pull policy. */
package dev.kubeward.rules.workload.images;
