/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.addons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.RelatedLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Dashboard finding cites the Service in front of it and the cluster-admin binding, without reporting them. */
class DashboardRelatedLocationsTest {

  private static final String INSTALL = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: kubernetes-dashboard, namespace: kubernetes-dashboard}
      spec:
        template:
          metadata:
            labels: {k8s-app: kubernetes-dashboard}
          spec:
            serviceAccountName: kubernetes-dashboard
            containers:
              - name: kubernetes-dashboard
                image: kubernetesui/dashboard:v2.7.0
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: kubernetes-dashboard, namespace: kubernetes-dashboard}
      spec:
        type: LoadBalancer
        selector: {k8s-app: kubernetes-dashboard}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: other, namespace: kubernetes-dashboard}
      spec:
        selector: {k8s-app: metrics-scraper}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: dashboard-admin}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      subjects:
        - {kind: ServiceAccount, name: kubernetes-dashboard, namespace: kubernetes-dashboard}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: someone-else}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      subjects:
        - {kind: ServiceAccount, name: kubernetes-dashboard, namespace: other}
      """;

  @Test
  void theExposingServiceAndTheClusterAdminBindingAreRelated() {
    Kubeward scanner = Kubeward.builder().rules(List.of(new DashboardUnmaintained())).build();
    List<Finding> findings = scanner.scanString("dashboard.yaml", INSTALL).findings();
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).related()).extracting(RelatedLocation::message, RelatedLocation::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Service kubernetes-dashboard (type LoadBalancer) serves the Dashboard", 19),
        org.assertj.core.groups.Tuple.tuple("ClusterRoleBinding dashboard-admin binds the Dashboard's service account"
            + " kubernetes-dashboard/kubernetes-dashboard to cluster-admin", 32));
  }
}
