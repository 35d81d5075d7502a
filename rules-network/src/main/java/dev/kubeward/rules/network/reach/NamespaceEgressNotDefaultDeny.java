/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** A namespace where no policy isolates every pod for egress. */
public final class NamespaceEgressNotDefaultDeny extends NamespaceDefaultDeny {

  private static final RuleMetadata METADATA = metadata("namespace-egress-not-default-deny")
      .title("Namespace without default-deny egress policy")
      .severity(Severity.LOW)
      .topic(Topic.NETWORK)
      .rationale("Pods may open connections to any address, inside the cluster or out, until a NetworkPolicy"
          + " selects them for egress; a compromised pod then reaches the API server, cloud metadata endpoints and"
          + " every other service. A policy with an empty podSelector and policyTypes Egress isolates every pod of"
          + " its namespace for egress. A policy with only ingress rules (and no policyTypes) does not: policyTypes"
          + " then defaults to Ingress alone. A cluster-wide policy whose subject is the whole namespace and that denies"
          + " every namespace on every port, after Allow rules only, counts too. CIS Kubernetes Benchmark 1.12,"
          + " 5.3.2: ensure that all Namespaces have NetworkPolicies defined.")
      .remediation("Add a NetworkPolicy with podSelector: {} and policyTypes: [Egress] to the namespace, then allow"
          + " DNS and the destinations each workload needs.")
      .build();

  public NamespaceEgressNotDefaultDeny() {
    super(Direction.EGRESS);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }
}
