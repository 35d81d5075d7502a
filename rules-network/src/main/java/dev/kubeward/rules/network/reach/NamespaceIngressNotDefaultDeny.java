/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** A namespace where no policy isolates every pod for ingress. */
public final class NamespaceIngressNotDefaultDeny extends NamespaceDefaultDeny {

  private static final RuleMetadata METADATA = metadata("namespace-ingress-not-default-deny")
      .title("Namespace without default-deny ingress policy")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .rationale("Pods accept connections from every pod of the cluster until a NetworkPolicy selects them for"
          + " ingress. A policy with an empty podSelector and policyTypes Ingress isolates every pod of its"
          + " namespace, present and future, so that only what other policies allow gets in; without one, each new"
          + " workload starts open. The rule checks each namespace the scan declares or puts workloads in; a"
          + " cluster-wide policy whose subject is the whole namespace and that denies every namespace on every"
          + " port, after Allow rules only, counts too. A policy in another namespace never protects this one. Manifests"
          + " of one application often leave the namespace's policies to another repository: when the scan does"
          + " not hold them, suppress the rule for the namespace. CIS Kubernetes Benchmark 1.12, 5.3.2: ensure"
          + " that all Namespaces have NetworkPolicies defined.")
      .remediation("Add a NetworkPolicy with podSelector: {} and policyTypes: [Ingress] to the namespace, then allow"
          + " the connections each workload needs.")
      .build();

  public NamespaceIngressNotDefaultDeny() {
    super(Direction.INGRESS);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }
}
