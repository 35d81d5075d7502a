/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Rules for cert-manager resources. */
package dev.kubeward.examples.certificates;
