/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The effective RBAC permissions of a scan: {@link dev.kubeward.rules.rbac.access.AccessModel}
 * resolves roles (aggregation, the API server's built-in policy), bindings and identity mappings
 * once per scan and answers "what may this subject do" and "who may do this", each with the path
 * that grants it.
 */
package dev.kubeward.rules.rbac.access;
