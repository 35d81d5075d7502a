/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Add-ons a cluster runs that open doors of their own: the Kubernetes Dashboard (its arguments and
 * its end of maintenance), Tiller, and releases of widely deployed add-ons with known
 * vulnerabilities.
 */
package dev.kubeward.rules.cluster.addons;
