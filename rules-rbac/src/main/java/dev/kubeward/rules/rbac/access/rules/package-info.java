/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Rules over the effective RBAC permissions: what each workload's service account may do, bindings
 * to roles and service accounts that are not there, identities mapped in from outside Kubernetes.
 */
package dev.kubeward.rules.rbac.access.rules;
