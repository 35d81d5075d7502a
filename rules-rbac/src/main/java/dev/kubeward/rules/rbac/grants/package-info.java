/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * RBAC rules that read one object at a time: the dangerous grants of a Role or ClusterRole (and of
 * the bindings that bind a role of the scan to subjects), and bindings whose subjects or roles are
 * dangerous on their face (cluster-admin, anonymous users, every authenticated user,
 * {@code system:masters}, a namespace's {@code default} service account).
 */
package dev.kubeward.rules.rbac.grants;
