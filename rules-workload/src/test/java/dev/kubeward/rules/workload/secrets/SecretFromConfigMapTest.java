/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.RelatedLocation;
import dev.kubeward.rules.workload.WorkloadRules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A consumer of a ConfigMap holding credentials is reported at its reference, names the keys, points
 * at every flagged entry of every copy of the ConfigMap, and never quotes a value.
 */
class SecretFromConfigMapTest {

  private static final String STORY = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop}
      spec:
        containers:
          - name: app
            image: app:1.0
            env:
              - name: DB_PASSWORD
                valueFrom:
                  configMapKeyRef: {name: cfg, key: db.password}
            envFrom:
              - configMapRef: {name: cfg}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: cfg, namespace: shop}
      data:
        db.password: hunter2
        log-level: debug
        github: ghp_abcdefghijklmnopqrstuvwxyz0123456789
      """;

  private static List<Finding> scan(String text) {
    Kubeward scanner = Kubeward.builder().rules(new WorkloadRules().rules()).profile(Profile.ALL)
        .onlyRules(Set.of("secret-from-config-map")).build();
    return scanner.scanString("story.yaml", text).findings();
  }

  @Test
  void reportsAtTheReferenceWithTheEntriesAsRelatedLocations() {
    List<Finding> findings = scan(STORY);
    assertThat(findings).extracting(Finding::message).containsExactly(
        "container \"app\" of Pod shop/web reads key \"db.password\" of ConfigMap \"cfg\", which holds a literal"
            + " value whose key says it is a secret, into environment variable \"DB_PASSWORD\" (value not shown)",
        "container \"app\" of Pod shop/web imports every key of ConfigMap \"cfg\" as environment variables"
            + " (envFrom), including keys \"db.password\" and \"github\", which hold secrets (values not shown)");
    assertThat(findings.get(0).related()).extracting(RelatedLocation::line, RelatedLocation::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(19,
            "ConfigMap shop/cfg, key \"db.password\": a literal value whose key says it is a secret (value not shown)"));
    assertThat(findings.get(1).related()).extracting(RelatedLocation::line).containsExactly(19, 21);
    assertThat(findings.get(1).related().get(1).message())
        .isEqualTo("ConfigMap shop/cfg, key \"github\": a value that looks like a GitHub token (value not shown)");
    for (Finding f : findings) {
      assertThat(f.message()).doesNotContain("hunter2").doesNotContain("ghp_");
      assertThat(f.related()).allSatisfy(r -> assertThat(r.message()).doesNotContain("hunter2"));
    }
  }

  @Test
  void everyCopyOfTheConfigMapCounts() {
    String second = """
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg, namespace: shop}
        data:
          db.password: other
        """;
    assertThat(scan(STORY + second)).first().satisfies(f -> assertThat(f.related()).hasSize(2));
  }
}
