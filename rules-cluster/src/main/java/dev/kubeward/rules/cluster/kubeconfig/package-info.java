/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Rules for kubeconfig files ({@code apiVersion: v1}, {@code kind: Config}) kept with manifests. */
package dev.kubeward.rules.cluster.kubeconfig;
