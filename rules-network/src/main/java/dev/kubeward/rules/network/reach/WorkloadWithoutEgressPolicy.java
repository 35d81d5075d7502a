/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** A workload that no policy selects for egress. */
public final class WorkloadWithoutEgressPolicy extends WorkloadWithoutPolicy {

  private static final RuleMetadata METADATA = metadata("workload-without-egress-policy")
      .title("Workload selected by no egress policy")
      .severity(Severity.LOW)
      .topic(Topic.NETWORK)
      .controls("cis-k8s:5.3.2")
      .rationale("A pod is isolated for egress only once a NetworkPolicy of its own namespace selects it with"
          + " Egress among its policyTypes; without policyTypes, only a policy with egress rules counts. Until then"
          + " the pod can connect to any pod and any address, which is what an attacker in a compromised container"
          + " uses to move on. The rule reports each workload whose pods no NetworkPolicy and no cluster-wide"
          + " policy selects for egress, and workloads on the host network, which NetworkPolicies never isolate."
          + " In a namespace without any NetworkPolicy, where the namespace rule namespace-egress-not-default-deny"
          + " reports the namespace once with its count of open workloads, this rule stays silent when that rule"
          + " runs.")
      .remediation("Select the workload's pods with a NetworkPolicy for egress (or add a default-deny egress policy to"
          + " the namespace) and allow DNS and the destinations it needs.")
      .build();

  public WorkloadWithoutEgressPolicy() {
    super(Direction.EGRESS, "namespace-egress-not-default-deny");
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }
}
