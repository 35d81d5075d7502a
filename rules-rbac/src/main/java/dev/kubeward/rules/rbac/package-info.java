/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** The rbac rules module: its {@link dev.kubeward.rules.rbac.RbacRules} provider. */
package dev.kubeward.rules.rbac;
