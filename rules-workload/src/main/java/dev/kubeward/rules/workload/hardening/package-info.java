/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Workload hardening beyond the Pod Security Standards: read-only root filesystems, high user and
 * group ids, dangerous capabilities named one by one, sensitive and writable host paths, a shared
 * process namespace, tolerations of every taint on pods that own their node, host aliases and the DNS
 * policy of host-network pods, and the opt-in checks for explicit settings (an AppArmor profile,
 * privileged: false, a container security context).
 */
package dev.kubeward.rules.workload.hardening;
