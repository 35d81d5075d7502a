/**
 * Workload hardening beyond the Pod Security Standards: read-only root filesystems, high user and
 * group ids, dangerous capabilities named one by one, sensitive host paths and a shared process
 * namespace.
 */
package dev.kubeward.rules.workload.hardening;
