/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Kubelet rules (CIS Kubernetes Benchmark section 4.2): the KubeletConfiguration file (YAML or
 * JSON) and its drop-ins, and the flags that override them, from kubeadm's
 * {@code nodeRegistration.kubeletExtraArgs} or a container that runs a kubelet, judged with the
 * defaults of the mechanism that applies.
 */
package dev.kubeward.rules.cluster.node;
