/** The workload rules module: its {@link dev.kubeward.rules.workload.WorkloadRules} provider. */
package dev.kubeward.rules.workload;
