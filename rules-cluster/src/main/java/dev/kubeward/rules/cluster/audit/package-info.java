/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Rules for audit {@code Policy} files ({@code audit.k8s.io}): what the API server records. */
package dev.kubeward.rules.cluster.audit;
