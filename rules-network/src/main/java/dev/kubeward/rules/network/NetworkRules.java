/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rules.network.reach.ExposedWorkloadNotIsolated;
import dev.kubeward.rules.network.reach.NamespaceEgressNotDefaultDeny;
import dev.kubeward.rules.network.reach.NamespaceIngressNotDefaultDeny;
import dev.kubeward.rules.network.reach.NetworkPolicySelectsNothing;
import dev.kubeward.rules.network.reach.WorkloadReachableFromOutside;
import dev.kubeward.rules.network.reach.WorkloadWithoutEgressPolicy;
import dev.kubeward.rules.network.reach.WorkloadWithoutIngressPolicy;
import java.util.List;

/** Registers the network rules. */
public final class NetworkRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return List.of(
        // Coverage across resources, on the network policy model (dev.kubeward.rules.network.reach).
        new NamespaceIngressNotDefaultDeny(),
        new NamespaceEgressNotDefaultDeny(),
        new WorkloadWithoutIngressPolicy(),
        new WorkloadWithoutEgressPolicy(),
        new NetworkPolicySelectsNothing(),
        new ExposedWorkloadNotIsolated(),
        new WorkloadReachableFromOutside());
  }
}
