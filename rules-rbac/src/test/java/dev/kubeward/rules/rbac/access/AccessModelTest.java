/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AccessModelTest {

  private static final String SHOP = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: secret-reader}
      rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get, list]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: b, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
      subjects:
        - {kind: ServiceAccount, name: reporter}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: reporter, namespace: shop}
      spec:
        template:
          spec:
            serviceAccountName: reporter
            containers: [{name: app, image: app:1}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: reporting}
      aggregationRule:
        clusterRoleSelectors: [{matchLabels: {agg: reporting}}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: reporting-secrets, labels: {agg: reporting}}
      rules:
        - {apiGroups: [""], resources: [secrets], verbs: [watch]}
        - {apiGroups: [apps], resources: ["*/scale"], verbs: [update]}
        - {apiGroups: [""], resources: [configmaps], resourceNames: [settings], verbs: [get]}
        - {nonResourceURLs: ["/metrics*"], verbs: [get]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: reporter-reporting}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reporting}
      subjects:
        - {kind: ServiceAccount, name: collector, namespace: analytics}
      """;

  private static AccessModel model(String yaml) {
    LoadResult loaded = Loader.defaults().loadString("test.yaml", yaml);
    assertThat(loaded.errors()).isEmpty();
    return AccessModel.of(Inventory.of(loaded.resources()));
  }

  private static List<String> paths(WhoCan.Answer answer) {
    return answer.paths().stream()
        .map(p -> p.stream().map(PathStep::displayName).collect(Collectors.joining(" -> ")))
        .collect(Collectors.toList());
  }

  private static WhoCan.Answer answerFor(List<WhoCan.Answer> answers, Subject subject) {
    return answers.stream().filter(a -> a.subject().equals(subject)).findFirst().orElse(null);
  }

  @Test
  void roleBindingToClusterRoleGrantsInItsNamespaceOnly() {
    AccessModel model = model(SHOP);
    List<WhoCan.Answer> inShop = model.whoCan(WhoCan.Query.of("get", "secrets").inNamespace("shop"));
    WhoCan.Answer reporter = answerFor(inShop, Subject.serviceAccount("shop", "reporter"));
    assertThat(reporter).isNotNull();
    assertThat(paths(reporter)).containsExactly("RoleBinding shop/b -> ClusterRole secret-reader");
    assertThat(reporter.workloads()).extracting(Resource::displayName).containsExactly("Deployment shop/reporter");

    assertThat(answerFor(model.whoCan(WhoCan.Query.of("get", "secrets").inNamespace("billing")),
        Subject.serviceAccount("shop", "reporter"))).isNull();
    assertThat(answerFor(model.whoCan(WhoCan.Query.of("get", "secrets")),
        Subject.serviceAccount("shop", "reporter"))).isNull();
  }

  @Test
  void aggregatedRoleAnswersWithTheRoleTheRuleComesFrom() {
    AccessModel model = model(SHOP);
    WhoCan.Answer collector = answerFor(model.whoCan(WhoCan.Query.of("watch", "secrets")),
        Subject.serviceAccount("analytics", "collector"));
    assertThat(paths(collector)).containsExactly(
        "ClusterRoleBinding reporter-reporting -> ClusterRole reporting -> ClusterRole reporting-secrets");
    assertThat(model.clusterRole("reporting").aggregatedFrom()).extracting(AccessRole::name)
        .containsExactly("reporting-secrets");
    Grant grant = model.grantsOf(Subject.serviceAccount("analytics", "collector")).stream()
        .filter(g -> g.rule().allows("watch", "", "secrets", null, null)).findFirst().orElseThrow();
    assertThat(grant.describePath())
        .isEqualTo("ClusterRoleBinding reporter-reporting -> ClusterRole reporting (aggregated from reporting-secrets)");
  }

  @Test
  void matchingFollowsKubernetes() {
    AccessModel model = model(SHOP);
    Subject collector = Subject.serviceAccount("analytics", "collector");
    // */scale matches the scale subresource of any resource, not the resource itself.
    assertThat(answerFor(model.whoCan(new WhoCan.Query("update", "deployments", "scale", "apps", null, null)), collector))
        .isNotNull();
    assertThat(answerFor(model.whoCan(new WhoCan.Query("update", "deployments", null, "apps", null, null)), collector))
        .isNull();
    // resourceNames: only a request for that name.
    assertThat(answerFor(model.whoCan(WhoCan.Query.of("get", "configmaps").named("settings")), collector)).isNotNull();
    assertThat(answerFor(model.whoCan(WhoCan.Query.of("get", "configmaps")), collector)).isNull();
    assertThat(answerFor(model.whoCan(WhoCan.Query.of("get", "configmaps").named("other")), collector)).isNull();
    // the wrong API group
    assertThat(answerFor(model.whoCan(WhoCan.Query.of("watch", "secrets").inGroup("apps")), collector)).isNull();
    // a non-resource URL with a trailing star matches by prefix
    PolicyRule url = model.clusterRole("reporting-secrets").rules().get(3);
    assertThat(url.allowsUrl("get", "/metrics/slis")).isTrue();
    assertThat(url.allowsUrl("get", "/healthz")).isFalse();
    assertThat(url.allowsUrl("post", "/metrics")).isFalse();
  }

  @Test
  void builtInPolicyIsPartOfTheGraph() {
    AccessModel model = model(SHOP);
    List<WhoCan.Answer> answers = model.whoCan(WhoCan.Query.of("delete", "nodes"));
    WhoCan.Answer masters = answerFor(answers, Subject.group("system:masters"));
    assertThat(paths(masters)).containsExactly("ClusterRoleBinding cluster-admin -> ClusterRole cluster-admin");
    assertThat(masters.paths().get(0).get(0).builtIn()).isTrue();
    // every service account is authenticated: it holds system:basic-user through the built-in binding
    assertThat(model.grantsOf(Subject.serviceAccount("shop", "reporter")))
        .anySatisfy(g -> assertThat(g.binding().name()).isEqualTo("system:basic-user"));
    // edit aggregates through admin's chain: admin holds edit's rules and its own
    assertThat(model.clusterRole("admin").aggregatedFrom()).extracting(AccessRole::name)
        .contains("system:aggregate-to-admin", "system:aggregate-to-edit", "system:aggregate-to-view");
  }

  @Test
  void autoupdateFalseReplacesTheBuiltInRole() {
    String edit = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: edit
          annotations: {rbac.authorization.kubernetes.io/autoupdate: "false"}
        rules:
          - {apiGroups: [""], resources: [pods], verbs: [get]}
        """;
    AccessRole replaced = model(edit).clusterRole("edit");
    assertThat(replaced.builtIn()).isFalse();
    assertThat(replaced.aggregated()).isFalse();
    assertThat(replaced.rules()).hasSize(1);
    AccessRole merged = model(edit.replace("\"false\"", "\"true\"")).clusterRole("edit");
    assertThat(merged.builtIn()).isTrue();
    assertThat(merged.aggregated()).isTrue();
    assertThat(merged.rules()).anySatisfy(r -> assertThat(r.allows("get", "", "secrets", null, null)).isTrue());
  }

  @Test
  void identityMappingsFeedTheGraph() {
    AccessModel model = model("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: aws-auth, namespace: kube-system}
        data:
          mapUsers: |
            - userarn: arn:aws:iam::1:user/oncall
              username: oncall
              groups: [ops]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: ops-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: ops}]
        """);
    WhoCan.Answer oncall = answerFor(model.whoCan(WhoCan.Query.of("get", "secrets")), Subject.user("oncall"));
    assertThat(paths(oncall)).containsExactly(
        "ConfigMap kube-system/aws-auth -> ClusterRoleBinding ops-admin -> ClusterRole cluster-admin");
    assertThat(model.grantsOf(Subject.user("oncall")))
        .anySatisfy(g -> assertThat(g.mapping()).isNotNull());
  }

  @Test
  void serviceAccountUserNameAndGroupsCount() {
    AccessModel model = model("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: by-user-name}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: User, name: "system:serviceaccount:shop:web"}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: all-accounts}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: Group, name: "system:serviceaccounts"}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: no-namespace}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects: [{kind: ServiceAccount, name: web}]
        """);
    List<String> bindings = model.grantsOf(Subject.serviceAccount("shop", "web")).stream()
        .map(g -> g.binding().name()).distinct().collect(Collectors.toList());
    assertThat(bindings).contains("by-user-name", "all-accounts").doesNotContain("no-namespace");
    assertThat(model.grantsOf(Subject.user("system:serviceaccount:shop:web")).stream().map(g -> g.binding().name()))
        .contains("by-user-name", "all-accounts");
    assertThat(model.grantsOf(Subject.user("alice")).stream().map(g -> g.binding().name()))
        .doesNotContain("all-accounts");
  }

  @Test
  void subjectsParseFromTheCommandLineForms() {
    assertThat(Subject.parse("serviceaccount:shop:web")).isEqualTo(Subject.serviceAccount("shop", "web"));
    assertThat(Subject.parse("user:system:anonymous")).isEqualTo(Subject.user("system:anonymous"));
    assertThat(Subject.parse("group:system:masters")).isEqualTo(Subject.group("system:masters"));
    assertThatThrownBy(() -> Subject.parse("serviceaccount:web")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Subject.parse("team:web")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Subject.parse("user:")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WhoCan.Query("", "pods", null, "", null, null))
        .hasMessage("the verb must not be empty");
  }

  @Test
  void theModelIsSharedPerScan() {
    Inventory inventory = Inventory.of(Loader.defaults().loadString("t.yaml", SHOP).resources());
    assertThat(AccessModel.of(inventory)).isSameAs(AccessModel.of(inventory));
  }
}
