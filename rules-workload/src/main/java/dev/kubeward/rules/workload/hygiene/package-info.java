/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Reliability hygiene (LOW and INFO, never in the Pod Security Standards profiles): probes, replica
 * counts and their spreading, PodDisruptionBudgets, HorizontalPodAutoscalers, selectors, CronJob
 * scheduling, rollout strategies, StatefulSets' headless Services, ports, QoS and ephemeral-storage
 * requirements, environment variables, priority classes, and objects whose apiVersion never served
 * their kind. The probe, replica-count and budget-presence rules and kind-not-served (whose objects
 * no other rule checks) are in the recommended profile; the others are opt-in. The rules that ask
 * which Service sends traffic to a workload share {@code Services}.
 */
package dev.kubeward.rules.workload.hygiene;
