/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.GroupKind;
import dev.kubeward.rule.RuleMetadata;

/** The kinds the network model reads, for the rules' metadata. */
final class Kinds {
  private Kinds() {}

  /** Workloads, namespaces and every kind of policy. */
  static final GroupKind[] MODEL = {
    RuleMetadata.WORKLOADS, GroupKind.NAMESPACE, GroupKind.NETWORK_POLICY, GroupKind.EXTENSIONS_NETWORK_POLICY,
    ClusterPolicy.ADMIN_NETWORK_POLICY, ClusterPolicy.BASELINE_ADMIN_NETWORK_POLICY, ClusterPolicy.CLUSTER_NETWORK_POLICY
  };

  /** The model's kinds plus what exposes workloads: Services, Ingresses, Gateway routes. */
  static final GroupKind[] EXPOSURE = {
    RuleMetadata.WORKLOADS, GroupKind.NAMESPACE, GroupKind.NETWORK_POLICY, GroupKind.EXTENSIONS_NETWORK_POLICY,
    ClusterPolicy.ADMIN_NETWORK_POLICY, ClusterPolicy.BASELINE_ADMIN_NETWORK_POLICY, ClusterPolicy.CLUSTER_NETWORK_POLICY,
    GroupKind.SERVICE, GroupKind.INGRESS, GroupKind.EXTENSIONS_INGRESS, GroupKind.HTTP_ROUTE, GroupKind.GRPC_ROUTE,
    GroupKind.TCP_ROUTE, GroupKind.TLS_ROUTE, GroupKind.UDP_ROUTE
  };

  /** {@code Kind ns/name} of a workload, as messages name it. */
  static String name(Workload w) {
    return w.kind() + " " + w.namespace() + "/" + w.name();
  }
}
