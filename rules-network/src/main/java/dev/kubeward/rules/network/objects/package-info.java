/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Network rules that read one object at a time (NetworkPolicies that allow too much or contradict
 * themselves, Services, Ingresses, Gateways and Istio policies that expose workloads), and the
 * checks that a Service or a route points at something in the scan.
 */
package dev.kubeward.rules.network.objects;
