/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** kubeadm configuration: the flags kubeadm gives the control plane, and kubeadm's own settings. */
package dev.kubeward.rules.cluster.kubeadm;
