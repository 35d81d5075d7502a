/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.assertj.QuietPath;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The grant rules report nothing on least-privilege roles and their bindings, and allocate nothing
 * per quiet role or binding (a scan four times larger costs them no more). Not a timing test.
 */
class GrantsQuietPathTest {

  private static final String ROLE = String.join("\n",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: Role",
      "metadata: {name: reader-N, namespace: shop}",
      "rules:",
      "  - apiGroups: [\"\", \"apps\"]",
      "    resources: [\"configmaps\", \"pods\", \"deployments\"]",
      "    verbs: [\"get\", \"list\", \"watch\"]",
      "  - apiGroups: [\"\"]",
      "    resources: [\"secrets\"]",
      "    verbs: [\"create\"]",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: RoleBinding",
      "metadata: {name: reader-N, namespace: shop}",
      "subjects:",
      "  - {kind: ServiceAccount, name: app-N}",
      "  - {kind: Group, name: shop-team}",
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader-N}",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRole",
      "metadata: {name: nodes-N}",
      "rules:",
      "  - apiGroups: [\"\"]",
      "    resources: [\"nodes\", \"nodes/metrics\"]",
      "    verbs: [\"get\", \"list\"]",
      "  - nonResourceURLs: [\"/metrics\"]",
      "    verbs: [\"get\"]",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRoleBinding",
      "metadata: {name: nodes-N}",
      "subjects: [{kind: ServiceAccount, name: scraper, namespace: monitoring}]",
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: nodes-N}",
      "");

  @Test
  void perResourceRulesAllocateNothingOnLeastPrivilegeRoles() {
    List<Rule> rules = new ArrayList<>();
    for (Rule rule : GrantRules.rules()) {
      if (rule instanceof ResourceRule) {
        rules.add(rule);
      }
    }
    assertThat(rules).extracting(r -> r.metadata().id()).contains("rbac-wildcard");
    QuietPath.of(rules).assertAllocatesNothingOn("rbac.yaml", ROLE.replace("-N", "-0"));
  }

  @Test
  void crossResourceRulesAllocateNothingPerQuietRoleOrBinding() {
    List<Rule> rules = new ArrayList<>();
    for (Rule rule : GrantRules.rules()) {
      if (rule instanceof InventoryRule) {
        rules.add(rule);
      }
    }
    assertThat(rules).extracting(r -> r.metadata().id())
        .contains("rbac-read-secrets", "rbac-cluster-admin-binding", "rbac-default-service-account-binding");
    QuietPath.of(rules).assertAllocatesNothingPerQuietResource(GrantsQuietPathTest::cluster);
  }

  /** {@code n} Roles, RoleBindings, ClusterRoles and ClusterRoleBindings (a quarter each) that grant nothing dangerous. */
  private static List<Resource> cluster(int n) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < n / 4; i++) {
      yaml.append(i == 0 ? "" : "---\n").append(ROLE.replace("-N", "-" + i));
    }
    LoadResult loaded = Loader.defaults().loadString("rbac.yaml", yaml.toString());
    assertThat(loaded.errors()).isEmpty();
    assertThat(loaded.resources()).hasSize(n / 4 * 4);
    return loaded.resources();
  }
}
