/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Control-plane flags against the CIS Kubernetes Benchmark (sections 1.2, 1.3, 1.4 and 2) and the
 * checks beyond it: one table per component, one rule per row ({@link
 * dev.kubeward.rules.cluster.controlplane.ControlPlaneFlag}).
 */
package dev.kubeward.rules.cluster.controlplane;
