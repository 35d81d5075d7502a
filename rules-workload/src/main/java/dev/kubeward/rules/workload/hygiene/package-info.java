/**
 * Reliability hygiene (LOW and INFO, never in the Pod Security Standards profiles): probes, replica
 * counts and PodDisruptionBudgets.
 */
package dev.kubeward.rules.workload.hygiene;
