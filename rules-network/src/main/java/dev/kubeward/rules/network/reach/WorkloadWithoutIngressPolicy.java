/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** A workload that no policy selects for ingress. */
public final class WorkloadWithoutIngressPolicy extends WorkloadWithoutPolicy {

  private static final RuleMetadata METADATA = metadata("workload-without-ingress-policy")
      .title("Workload selected by no ingress policy")
      .severity(Severity.LOW)
      .topic(Topic.NETWORK)
      .controls("cis-k8s:5.3.2")
      .rationale("A pod is isolated for ingress only once a NetworkPolicy of its own namespace selects it with"
          + " Ingress among its policyTypes (policyTypes defaults to Ingress, so a policy with only egress rules"
          + " and explicit policyTypes [Egress] leaves ingress open). Until then every pod of the cluster can"
          + " connect to it. The rule reports each workload (the topmost owner in the scan of each pod template)"
          + " whose pods no NetworkPolicy and no cluster-wide policy selects for ingress, and workloads on the host"
          + " network, which NetworkPolicies never isolate. In a namespace without any NetworkPolicy, where the"
          + " namespace rule namespace-ingress-not-default-deny reports the namespace once with its count of open workloads,"
          + " this rule stays silent when that rule runs.")
      .remediation("Select the workload's pods with a NetworkPolicy for ingress (or add a default-deny policy to the"
          + " namespace) and allow only the clients it serves.")
      .build();

  public WorkloadWithoutIngressPolicy() {
    super(Direction.INGRESS, "namespace-ingress-not-default-deny");
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }
}
