/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Reliability hygiene (LOW and INFO, never in the Pod Security Standards profiles): probes, replica
 * counts and their spreading, PodDisruptionBudgets, HorizontalPodAutoscalers, selectors, CronJob
 * scheduling, ports, environment variables, priority classes, and objects whose apiVersion never
 * served their kind. The probe, replica-count and budget-presence rules and kind-not-served (whose
 * objects no other rule checks) are in the recommended profile; the others are opt-in.
 */
package dev.kubeward.rules.workload.hygiene;
