/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Admission: the cluster-wide Pod Security Admission configuration, the webhooks of policy engines
 * and the policies that only warn or audit.
 */
package dev.kubeward.rules.cluster.admission;
