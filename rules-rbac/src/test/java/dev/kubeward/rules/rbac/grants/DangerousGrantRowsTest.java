/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.ScanSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rows of the dangerous-grant family on roles whose entries grant what several rows look for:
 * each row reports its own entries, at its own severity, on the roles and on every binding of them,
 * under the Kubernetes version of each object (here the role and its binding state different ones).
 * The scan also holds an entry of {@code *} on everything (left to rbac-wildcard, yet it grants the
 * approve on signers that makes approving certificates HIGH), and an aggregated ClusterRole, whose
 * own rules are ignored, bound by a RoleBinding (namespaced permissions only) and by a
 * ClusterRoleBinding.
 */
class DangerousGrantRowsTest {

  private static final String SCAN = String.join("\n",
      "apiVersion: rbac.authorization.k8s.io/v1", // 1
      "kind: Role",
      "metadata: {name: ops, namespace: shop}",
      "rules:",
      "  - apiGroups: [\"\"]", // 5
      "    resources: [\"pods/exec\", \"secrets\"]",
      "    verbs: [\"get\"]",
      "  - apiGroups: [\"apps\"]",
      "    resources: [\"deployments\"]",
      "    verbs: [\"get\", \"list\"]", // 10
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: RoleBinding",
      "metadata: {name: ops, namespace: shop}",
      "subjects: [{kind: ServiceAccount, name: ci}]", // 15
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ops}",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRole",
      "metadata: {name: csr-approver}", // 20
      "rules:",
      "  - apiGroups: [\"certificates.k8s.io\"]",
      "    resources: [\"certificatesigningrequests/approval\"]",
      "    verbs: [\"update\"]",
      "  - apiGroups: [\"*\"]", // 25
      "    resources: [\"*\"]",
      "    verbs: [\"*\"]",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRoleBinding", // 30
      "metadata: {name: csr-approver}",
      "subjects: [{kind: User, name: jane}]",
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: csr-approver}",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1", // 35
      "kind: ClusterRole",
      "metadata: {name: node-reader, labels: {example.com/aggregate: \"true\"}}",
      "rules:",
      "  - apiGroups: [\"\"]",
      "    resources: [\"nodes/proxy\", \"secrets\"]", // 40
      "    verbs: [\"get\", \"list\"]",
      "  - apiGroups: [\"certificates.k8s.io\"]",
      "    resources: [\"certificatesigningrequests/approval\"]",
      "    verbs: [\"patch\"]",
      "---", // 45
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRole",
      "metadata: {name: aggregated}",
      "aggregationRule:",
      "  clusterRoleSelectors: [{matchLabels: {example.com/aggregate: \"true\"}}]", // 50
      "rules:",
      "  - apiGroups: [\"\"]",
      "    resources: [\"pods/exec\"]",
      "    verbs: [\"create\"]",
      "---", // 55
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: RoleBinding",
      "metadata: {name: aggregated, namespace: shop}",
      "subjects: [{kind: Group, name: shop-team}]",
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: aggregated}", // 60
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRoleBinding",
      "metadata: {name: aggregated}",
      "subjects: [{kind: Group, name: ops}]", // 65
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: aggregated}",
      "");

  /** Role shop/ops under v1.34 (get on pods/exec counts), its RoleBinding under v1.35 (it does not). */
  @Test
  void eachRowReportsItsOwnEntriesUnderEachObjectsVersion() {
    assertThat(findings(Map.of("Role shop/ops", 34, "RoleBinding shop/ops", 35))).containsExactly(
        "rbac-read-secrets HIGH Role shop/ops 6:30 Role shop/ops can read Secrets (rules[0]: get on \"secrets\")",
        "rbac-read-secrets HIGH ClusterRole node-reader 40:32 ClusterRole node-reader can read Secrets"
            + " (rules[0]: get, list on \"secrets\")",
        "rbac-read-secrets HIGH RoleBinding shop/ops 16:66 RoleBinding shop/ops lets ServiceAccount shop/ci read"
            + " Secrets in namespace shop through Role shop/ops (rules[0]: get on \"secrets\")"
            + " | Role shop/ops 6:30 Role shop/ops grants rules[0]: get on \"secrets\"",
        "rbac-read-secrets HIGH RoleBinding shop/aggregated 60:73 RoleBinding shop/aggregated lets Group shop-team"
            + " read Secrets in namespace shop through ClusterRole aggregated (rules[0]: get, list on \"secrets\")"
            + " | ClusterRole node-reader 40:32 ClusterRole node-reader grants rules[0]: get, list on \"secrets\"",
        "rbac-read-secrets HIGH ClusterRoleBinding aggregated 66:73 ClusterRoleBinding aggregated lets Group ops"
            + " read Secrets cluster-wide through ClusterRole aggregated (rules[0]: get, list on \"secrets\")"
            + " | ClusterRole node-reader 40:32 ClusterRole node-reader grants rules[0]: get, list on \"secrets\"",
        "rbac-pod-exec HIGH Role shop/ops 6:17 Role shop/ops can run commands in pods (rules[0]: get on"
            + " \"pods/exec\"), which counts before Kubernetes v1.35 (Kubernetes v1.34, from the test)",
        "rbac-node-proxy HIGH ClusterRole node-reader 40:17 ClusterRole node-reader can reach the kubelet API of"
            + " nodes (rules[0]: get on \"nodes/proxy\")",
        "rbac-node-proxy HIGH ClusterRoleBinding aggregated 66:73 ClusterRoleBinding aggregated lets Group ops"
            + " reach the kubelet API of nodes cluster-wide through ClusterRole aggregated (rules[0]: get on"
            + " \"nodes/proxy\") | ClusterRole node-reader 40:17 ClusterRole node-reader grants rules[0]: get on"
            + " \"nodes/proxy\"",
        "rbac-approve-csr HIGH ClusterRole csr-approver 23:17 ClusterRole csr-approver can approve certificate"
            + " signing requests (rules[0]: update on \"certificatesigningrequests/approval\")",
        "rbac-approve-csr MEDIUM ClusterRole node-reader 43:17 ClusterRole node-reader can approve certificate"
            + " signing requests (rules[1]: patch on \"certificatesigningrequests/approval\"); approving also"
            + " needs approve on signers, which this role does not grant",
        "rbac-approve-csr HIGH ClusterRoleBinding csr-approver 33:73 ClusterRoleBinding csr-approver lets User jane"
            + " approve certificate signing requests cluster-wide through ClusterRole csr-approver (rules[0]:"
            + " update on \"certificatesigningrequests/approval\") | ClusterRole csr-approver 23:17 ClusterRole"
            + " csr-approver grants rules[0]: update on \"certificatesigningrequests/approval\"",
        "rbac-approve-csr MEDIUM ClusterRoleBinding aggregated 66:73 ClusterRoleBinding aggregated lets Group ops"
            + " approve certificate signing requests cluster-wide through ClusterRole aggregated (rules[1]: patch"
            + " on \"certificatesigningrequests/approval\"); approving also needs approve on signers, which this"
            + " role does not grant | ClusterRole node-reader 43:17 ClusterRole node-reader grants rules[1]: patch"
            + " on \"certificatesigningrequests/approval\"");
  }

  /** The other way round: get on pods/exec counts at the binding (v1.34), not at the role (v1.35). */
  @Test
  void aVersionDependentEntryCountsWhereTheObjectsVersionIsOlder() {
    List<String> found = findings(Map.of("Role shop/ops", 35, "RoleBinding shop/ops", 34));
    assertThat(found).filteredOn(f -> f.startsWith("rbac-pod-exec ")).containsExactly(
        "rbac-pod-exec HIGH RoleBinding shop/ops 16:66 RoleBinding shop/ops lets ServiceAccount shop/ci run"
            + " commands in pods in namespace shop through Role shop/ops (rules[0]: get on \"pods/exec\"), which"
            + " counts before Kubernetes v1.35 (Kubernetes v1.34, from the test)"
            + " | Role shop/ops 6:17 Role shop/ops grants rules[0]: get on \"pods/exec\"");
    assertThat(found).filteredOn(f -> f.startsWith("rbac-read-secrets ")).hasSize(5);
  }

  /**
   * The findings of every row of the family, in catalogue order, on {@link #SCAN}, where the objects
   * of {@code minors} (by display name) state that Kubernetes minor and the rest are at v1.35.
   */
  private static List<String> findings(Map<String, Integer> minors) {
    LoadResult loaded = Loader.defaults().loadString("rbac.yaml", SCAN);
    assertThat(loaded.errors()).isEmpty();
    Inventory inventory = Inventory.of(loaded.resources());
    List<String> found = new ArrayList<>();
    Context context = new Context() {
      @Override
      public FindingBuilder finding(Resource resource, Node at) {
        return new FindingBuilder(resource, at) {
          @Override
          public void report() {
            StringBuilder sb = new StringBuilder(severity().name()).append(' ').append(resource.displayName())
                .append(' ').append(at.line()).append(':').append(at.column()).append(' ').append(message());
            for (Related r : related()) {
              sb.append(" | ").append(r.resource().displayName()).append(' ').append(r.at().line()).append(':')
                  .append(r.at().column()).append(' ').append(r.message());
            }
            found.add(sb.toString());
          }
        };
      }

      @Override
      public ScanSettings settings() {
        return ScanSettings.defaults();
      }

      @Override
      public KubeVersions.Applied kubeVersion(Resource resource) {
        int minor = minors.getOrDefault(resource.displayName(), 35);
        return new KubeVersions.Applied(KubeVersion.of(minor), KubeVersions.Origin.OBJECT, Node.MISSING, "the test");
      }
    };
    for (Rule rule : DangerousGrant.rules()) {
      int before = found.size();
      ((InventoryRule) rule).check(inventory, context);
      for (int i = before; i < found.size(); i++) {
        found.set(i, rule.metadata().id() + " " + found.get(i));
      }
    }
    return found;
  }
}
