/** Tenancy: resource requests and limits, and workloads left in the default namespace. */
package dev.kubeward.rules.workload.tenancy;
