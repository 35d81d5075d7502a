/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Configuration;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.rule.Severity;
import dev.kubeward.rules.rbac.RbacRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the fixtures cannot pin: messages with their paths, related locations, configured severity. */
class WorkloadPermissionTest {

  private static final String STORY = """
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
        - {apiGroups: [""], resources: [secrets], verbs: [list]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: reporter-reporting}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reporting}
      subjects: [{kind: ServiceAccount, name: reporter, namespace: analytics}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: reporter, namespace: analytics}
      spec:
        template:
          spec:
            serviceAccountName: reporter
            automountServiceAccountToken: false
            containers: [{name: app, image: app:1}]
      """;

  private static List<Finding> scan(Configuration configuration) {
    Kubeward scanner = Kubeward.builder().rules(new RbacRules().rules()).configuration(configuration).build();
    ScanReport report = scanner.scan(scanner.loader().loadString("story.yaml", STORY));
    return report.findings().stream().filter(f -> f.rule().equals("workload-rbac-secrets")).toList();
  }

  @Test
  void theMessageNamesTheWholePathAndTheRelatedLocationsPointAtIt() {
    List<Finding> findings = scan(Configuration.empty());
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.message()).isEqualTo("Deployment analytics/reporter can read Secrets in all namespaces via"
        + " ClusterRoleBinding reporter-reporting -> ClusterRole reporting (aggregated from reporting-secrets)"
        + " as service account \"reporter\", though its pods do not mount the token");
    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(f.related()).extracting(r -> r.message() + " @" + r.line()).containsExactly(
        "ClusterRoleBinding reporter-reporting binds ServiceAccount analytics/reporter to ClusterRole reporting @17",
        "ClusterRole reporting aggregates the rules of ClusterRole reporting-secrets @5",
        "ClusterRole reporting-secrets grants list on secrets @11");
  }

  @Test
  void aSeverityConfiguredForTheRuleWinsOverTheLoweredOne() {
    List<Finding> findings = scan(Configuration.builder().severity("workload-rbac-secrets", Severity.CRITICAL).build());
    assertThat(findings).extracting(Finding::severity).containsExactly(Severity.CRITICAL);
  }

  private static final String SHARED_ACCOUNT = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: secret-reader, namespace: shop}
      rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: reader, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
      subjects: [{kind: ServiceAccount, name: reader, namespace: shop}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: mounts, namespace: shop}
      spec:
        serviceAccountName: reader
        containers: [{name: app, image: app:1}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: does-not-mount, namespace: shop}
      spec:
        serviceAccountName: reader
        automountServiceAccountToken: false
        containers: [{name: app, image: app:1}]
      """;

  @Test
  void workloadsOfOneAccountShareThePathButKeepTheirOwnNamesAndTokenMounts() {
    Kubeward scanner = Kubeward.builder().rules(new RbacRules().rules()).build();
    List<Finding> findings = scanner.scan(scanner.loader().loadString("shared.yaml", SHARED_ACCOUNT)).findings()
        .stream().filter(f -> f.rule().equals("workload-rbac-secrets")).toList();
    assertThat(findings).extracting(f -> f.severity() + " " + f.message()).containsExactly(
        "HIGH Pod shop/mounts can read Secrets in namespace shop via RoleBinding shop/reader -> Role"
            + " shop/secret-reader as service account \"reader\"",
        "MEDIUM Pod shop/does-not-mount can read Secrets in namespace shop via RoleBinding shop/reader -> Role"
            + " shop/secret-reader as service account \"reader\", though its pods do not mount the token");
    for (Finding f : findings) {
      assertThat(f.related()).extracting(r -> r.message() + " @" + r.line()).containsExactly(
          "RoleBinding shop/reader binds ServiceAccount shop/reader to Role shop/secret-reader @11",
          "Role shop/secret-reader grants get on secrets @5");
    }
  }
}
