/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static dev.kubeward.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward rbac who-can} and {@code kubeward rbac permissions}. */
class RbacCommandTest {

  private static final String SHOP = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: r}
      rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: b}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r}
      subjects: [{kind: ServiceAccount, name: reporter}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: reporter, namespace: shop}
      spec:
        template:
          spec:
            serviceAccountName: reporter
            containers: [{name: app, image: app:1}]
      """;

  @TempDir
  Path dir;

  private String manifests() throws IOException {
    Path file = dir.resolve("shop.yaml");
    Files.writeString(file, SHOP);
    return file.toString();
  }

  @Test
  void whoCanAsJsonInANamespace() throws IOException {
    Result r = cli().run("rbac", "who-can", "get", "secrets", "--namespace", "shop", "--default-namespace", "shop",
        "--format", "json", manifests());
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("{\"schemaVersion\":1,\"query\":{\"verb\":\"get\",\"resource\":\"secrets\","
        + "\"subresource\":null,\"apiGroup\":\"\",\"namespace\":\"shop\",\"resourceName\":null},\"subjects\":["
        + "{\"kind\":\"Group\",\"name\":\"system:masters\",\"paths\":[[{\"kind\":\"ClusterRoleBinding\","
        + "\"name\":\"cluster-admin\"},{\"kind\":\"ClusterRole\",\"name\":\"cluster-admin\"}]],\"workloads\":[]},"
        + "{\"kind\":\"ServiceAccount\",\"namespace\":\"shop\",\"name\":\"reporter\",\"paths\":[[{\"kind\":"
        + "\"RoleBinding\",\"namespace\":\"shop\",\"name\":\"b\"},{\"kind\":\"ClusterRole\",\"name\":\"r\"}]],"
        + "\"workloads\":[{\"kind\":\"Deployment\",\"namespace\":\"shop\",\"name\":\"reporter\"}]},"
        + "{\"kind\":\"User\",\"name\":\"system:kube-controller-manager\",\"paths\":[[{\"kind\":"
        + "\"ClusterRoleBinding\",\"name\":\"system:kube-controller-manager\"},{\"kind\":\"ClusterRole\","
        + "\"name\":\"system:kube-controller-manager\"}]],\"workloads\":[]}]}\n");
  }

  @Test
  void whoCanAsTextClusterWideLeavesRoleBindingsOut() throws IOException {
    Result r = cli().run("rbac", "who-can", "get", "secrets", manifests());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("""
        Who can get secrets cluster-wide:
          Group system:masters
            via ClusterRoleBinding cluster-admin (built-in) -> ClusterRole cluster-admin (built-in)
          User system:kube-controller-manager
            via ClusterRoleBinding system:kube-controller-manager (built-in) -> ClusterRole system:kube-controller-manager (built-in)
        """);
  }

  @Test
  void whoCanWithASubresourceAndNoAnswer() throws IOException {
    Result r = cli().run("rbac", "who-can", "create", "pods/exec", "--namespace", "shop", manifests());
    assertThat(r.out()).startsWith("Who can create pods/exec in namespace shop:\n  Group system:masters\n");
    assertThat(r.out()).doesNotContain("reporter");
  }

  @Test
  void permissionsAsJsonAndText() throws IOException {
    String file = manifests();
    Result json = cli().run("rbac", "permissions", "serviceaccount:default:reporter", "--format", "json", file);
    assertThat(json.exitCode()).isZero();
    assertThat(json.out()).startsWith("{\"schemaVersion\":1,\"subject\":{\"kind\":\"ServiceAccount\","
        + "\"namespace\":\"default\",\"name\":\"reporter\"},\"rules\":[{\"apiGroups\":[\"\"],\"resources\":"
        + "[\"secrets\"],\"resourceNames\":[],\"nonResourceURLs\":[],\"verbs\":[\"get\"],\"namespace\":"
        + "\"default\",\"paths\":[[{\"kind\":\"RoleBinding\",\"namespace\":\"default\",\"name\":\"b\"},"
        + "{\"kind\":\"ClusterRole\",\"name\":\"r\"}]]},");
    Result text = cli().run("rbac", "permissions", "group:system:masters", file);
    assertThat(text.out()).isEqualTo("""
        Group system:masters may:
          * on * (apiGroups *) cluster-wide
            via ClusterRoleBinding cluster-admin (built-in) -> ClusterRole cluster-admin (built-in)
          * on * cluster-wide
            via ClusterRoleBinding cluster-admin (built-in) -> ClusterRole cluster-admin (built-in)
        """);
  }

  @Test
  void malformedQuestionsAreUsageErrors() throws IOException {
    String file = manifests();
    Result emptyVerb = cli().run("rbac", "who-can", "", "pods", file);
    assertThat(emptyVerb.exitCode()).isEqualTo(2);
    assertThat(emptyVerb.err()).isEqualTo("kubeward: the verb must not be empty\n");
    Result badResource = cli().run("rbac", "who-can", "get", "pods/", file);
    assertThat(badResource.exitCode()).isEqualTo(2);
    assertThat(badResource.err()).isEqualTo("kubeward: a resource is RESOURCE or RESOURCE/SUBRESOURCE, not 'pods/'\n");
    Result badSubject = cli().run("rbac", "permissions", "team:web", file);
    assertThat(badSubject.exitCode()).isEqualTo(2);
    assertThat(badSubject.err())
        .isEqualTo("kubeward: a subject is serviceaccount:NAMESPACE:NAME, user:NAME or group:NAME, not 'team:web'\n");
    Result badFormat = cli().run("rbac", "permissions", "user:alice", "--format", "xml", file);
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(cli().run("rbac").exitCode()).isEqualTo(2);
  }

  @Test
  void anUnknownVerbIsAQuestionLikeAnyOther() throws IOException {
    Result r = cli().run("rbac", "who-can", "frobnicate", "widgets", "--api-group", "example.com", manifests());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Who can frobnicate widgets (example.com) cluster-wide:\n  Group system:masters\n");
  }

  @Test
  void theConfigurationGivesTheDefaultNamespace() throws IOException {
    Path config = dir.resolve("kubeward.yaml");
    Files.writeString(config, "defaultNamespace: shop\n");
    Result r = cli().run("rbac", "who-can", "get", "secrets", "-n", "shop", "--config", config.toString(), manifests());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("  ServiceAccount shop/reporter\n    via RoleBinding shop/b -> ClusterRole r\n"
        + "    runs Deployment shop/reporter\n");
    Result missing = cli().run("rbac", "who-can", "get", "secrets", "--config", dir.resolve("nope.yaml").toString(),
        manifests());
    assertThat(missing.exitCode()).isEqualTo(2);
  }

  @Test
  void unreadableInputAnswersAndExitsTwo() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "a: [\n");
    Result r = cli().run("rbac", "who-can", "get", "secrets", manifests(), bad.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).startsWith("Who can get secrets cluster-wide:");
    assertThat(r.err()).startsWith("kubeward: ");
  }
}
