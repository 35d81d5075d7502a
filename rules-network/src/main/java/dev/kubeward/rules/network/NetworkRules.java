/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rules.network.objects.BackendServiceMissing;
import dev.kubeward.rules.network.objects.GatewayListenerWithoutTls;
import dev.kubeward.rules.network.objects.IngressNginxSnippet;
import dev.kubeward.rules.network.objects.IngressWildcardHost;
import dev.kubeward.rules.network.objects.IngressWithoutTls;
import dev.kubeward.rules.network.objects.IstioAuthorizationAllowsAll;
import dev.kubeward.rules.network.objects.IstioMtlsNotStrict;
import dev.kubeward.rules.network.objects.LoadBalancerOpenToInternet;
import dev.kubeward.rules.network.objects.NetworkPolicyAllNamespaces;
import dev.kubeward.rules.network.objects.NetworkPolicyAllowsAll;
import dev.kubeward.rules.network.objects.NetworkPolicyBroadIpBlock;
import dev.kubeward.rules.network.objects.NetworkPolicyMetadataEgress;
import dev.kubeward.rules.network.objects.NetworkPolicyTypesMismatch;
import dev.kubeward.rules.network.objects.NodePortService;
import dev.kubeward.rules.network.objects.ServiceExternalIps;
import dev.kubeward.rules.network.objects.ServiceSelectsNothing;
import dev.kubeward.rules.network.reach.ExposedWorkloadNotIsolated;
import dev.kubeward.rules.network.reach.NamespaceEgressNotDefaultDeny;
import dev.kubeward.rules.network.reach.NamespaceIngressNotDefaultDeny;
import dev.kubeward.rules.network.reach.NetworkPolicySelectsNothing;
import dev.kubeward.rules.network.reach.WorkloadReachableFromOutside;
import dev.kubeward.rules.network.reach.WorkloadWithoutEgressPolicy;
import dev.kubeward.rules.network.reach.WorkloadWithoutIngressPolicy;
import java.util.ArrayList;
import java.util.List;

/** Registers the network rules. */
public final class NetworkRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    // One object at a time: policies that allow too much, exposure, meshes (package objects).
    rules.addAll(List.of(
        new NetworkPolicyAllowsAll(),
        new NetworkPolicyBroadIpBlock(),
        new NetworkPolicyMetadataEgress(),
        new NetworkPolicyAllNamespaces(),
        new NetworkPolicyTypesMismatch(),
        new LoadBalancerOpenToInternet(),
        new NodePortService(),
        new ServiceExternalIps(),
        new IngressWithoutTls(),
        new IngressWildcardHost(),
        new IngressNginxSnippet(),
        new GatewayListenerWithoutTls(),
        new IstioMtlsNotStrict(),
        new IstioAuthorizationAllowsAll(),
        new ServiceSelectsNothing(),
        new BackendServiceMissing()));
    // Coverage across resources, on the network policy model (package reach).
    rules.addAll(List.of(
        new NamespaceIngressNotDefaultDeny(),
        new NamespaceEgressNotDefaultDeny(),
        new WorkloadWithoutIngressPolicy(),
        new WorkloadWithoutEgressPolicy(),
        new NetworkPolicySelectsNothing(),
        new ExposedWorkloadNotIsolated(),
        new WorkloadReachableFromOutside()));
    return List.copyOf(rules);
  }
}
