/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The audit, encryption, API lifecycle and kubeconfig rules together: silent on a well-run
 * cluster's files, exact in their wording, and never quoting a credential.
 */
class ClusterFilesTest {

  private static final Set<String> IDS = Set.of(
      "audit-policy-logs-nothing", "audit-policy-no-catch-all", "audit-policy-logs-secret-bodies",
      "audit-policy-omits-stages", "audit-policy-shadowed-rule",
      "encryption-secrets-not-covered", "encryption-identity-first", "encryption-weak-provider",
      "encryption-kms-v1", "encryption-config-invalid", "encryption-key-in-file",
      "removed-api-version", "deprecated-api-version", "deprecated-security-annotation",
      "kubeconfig-embedded-credentials", "kubeconfig-insecure-skip-tls-verify", "kubeconfig-exec-plugin",
      "kubeconfig-system-masters");

  private static Kubeward scanner() {
    return Kubeward.builder().rules(new ClusterRules().rules()).profile(Profile.ALL).onlyRules(IDS).build();
  }

  @Test
  void everyRuleIsRegistered() {
    assertThat(new ClusterRules().rules()).extracting(r -> r.metadata().id()).containsAll(IDS);
  }

  @Test
  void aWellRunClustersFilesProduceNoFinding() throws URISyntaxException {
    Path dir = Path.of(Objects.requireNonNull(getClass().getResource("/well-run-cluster")).toURI());
    ScanReport report = scanner().scan(List.of(dir.toString()));
    assertThat(report.errors()).isEmpty();
    assertThat(report.findings()).isEmpty();
    assertThat(report.resources()).isEqualTo(8);
  }

  @Test
  void credentialsAreNeverQuoted() {
    String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJlLXZhbHVl";
    String key = "q7jXxWb4M0Z2n7m0a5bTt3yJY4q6v9P1kQeHnR2sLfU=";
    ScanReport report = scanner().scanString("files.yaml", """
        apiVersion: v1
        kind: Config
        users:
          - name: ci
            user:
              token: %s
        ---
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
          - resources: [secrets]
            providers:
              - secretbox:
                  keys:
                    - name: key1
                      secret: %s
        """.formatted(token, key));
    assertThat(report.findings()).extracting(Finding::message).containsExactly(
        "Config in files.yaml embeds the token of user \"ci\" (value not shown)",
        "EncryptionConfiguration in files.yaml holds the secretbox key \"key1\" in clear (value not shown)");
    String all = report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n"));
    assertThat(all).doesNotContain(token).doesNotContain(key).doesNotContain(key.substring(0, 12));
  }

  @Test
  void removedAndDeprecatedApisNameTheReleaseAndTheReplacement() {
    ScanReport report = Kubeward.builder().rules(new ClusterRules().rules()).profile(Profile.ALL).onlyRules(IDS)
        .kubeVersion(dev.kubeward.rule.KubeVersion.parse("v1.24")).build().scanString("old.yaml", """
            apiVersion: extensions/v1beta1
            kind: PodSecurityPolicy
            metadata: {name: restricted}
            ---
            apiVersion: batch/v1beta1
            kind: CronJob
            metadata: {name: nightly, namespace: shop}
            """);
    assertThat(report.findings()).extracting(f -> f.rule() + ": " + f.message()).containsExactly(
        "removed-api-version: PodSecurityPolicy restricted uses extensions/v1beta1, removed in Kubernetes v1.16:"
            + " PodSecurityPolicy no longer exists, use Pod Security Admission or a third-party admission webhook"
            + " (Kubernetes v1.24, as set for the scan)",
        "deprecated-api-version: CronJob shop/nightly uses batch/v1beta1, deprecated since Kubernetes v1.21, removed"
            + " in v1.25: use batch/v1 (Kubernetes v1.24, as set for the scan)");
  }
}
