/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static dev.kubeward.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.cli.Cli.Result;
import dev.kubeward.rules.workload.WorkloadRules;
import org.junit.jupiter.api.Test;

/** {@code kubeward pss plan}: the level each namespace can enforce today and what the next one rejects. */
class PssPlanCommandTest {

  private static final String SHOP = "src/test/resources/manifests/pss-plan/shop.yaml";

  /** A run with the workload rules, which hold the Pod Security Standards checks. */
  private static Cli plan() {
    return cli().rules(() -> new WorkloadRules().rules());
  }

  @Test
  void textNamesTheLevelPerNamespaceAndTheFindingsOfTheNextLevel() {
    Result r = plan().run("pss", "plan", SHOP);
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        namespace monitoring: privileged at latest is the strictest level its workload passes; enforce label: none
          at baseline, 1 workload would be rejected (for a template, the Pods it creates):
            Pod monitoring/agent
              %1$s:34:16: Pod monitoring/agent must not set hostNetwork=true (it shares the host's network namespace) [host-namespaces]
        namespace secure: restricted at latest is the strictest level its workload passes; enforce label: none
        namespace shop: baseline at latest is the strictest level its 2 workloads pass; enforce label: baseline
          at restricted, 1 workload would be rejected (for a template, the Pods it creates):
            Deployment shop/api
              %1$s:27:11: container "api" of Deployment shop/api does not set securityContext.allowPrivilegeEscalation: set it to false [allow-privilege-escalation]
              %1$s:27:11: container "api" of Deployment shop/api drops no capabilities: set securityContext.capabilities.drop to ["ALL"] [capabilities-restricted]
              %1$s:27:11: container "api" of Deployment shop/api does not set securityContext.runAsNonRoot: set it to true in the pod's securityContext or in the container's [run-as-non-root]
              %1$s:27:11: pod or container "api" of Deployment shop/api must set securityContext.seccompProfile.type to RuntimeDefault or Localhost [seccomp-profile-restricted]
        """.formatted(SHOP));
  }

  @Test
  void jsonHasTheSameAnswerWithControlsAndPositions() throws Exception {
    Result r = plan().run("pss", "plan", "--format", "json", SHOP);
    assertThat(r.exitCode()).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    JsonNode namespaces = json.get("namespaces");
    assertThat(namespaces).hasSize(3);
    JsonNode shop = namespaces.get(2);
    assertThat(shop.get("namespace").asText()).isEqualTo("shop");
    assertThat(shop.get("enforce").asText()).isEqualTo("baseline");
    assertThat(shop.get("level").asText()).isEqualTo("baseline");
    assertThat(shop.get("version").asText()).isEqualTo("latest");
    assertThat(shop.get("nextLevel").asText()).isEqualTo("restricted");
    JsonNode api = shop.get("rejectedAtNextLevel").get(0);
    assertThat(api.get("name").asText()).isEqualTo("api");
    assertThat(api.get("findings")).hasSize(4);
    assertThat(api.get("findings").get(0).get("controls").get(0).asText())
        .isEqualTo("pss-restricted:allowPrivilegeEscalation");
    JsonNode secure = namespaces.get(1);
    assertThat(secure.get("level").asText()).isEqualTo("restricted");
    assertThat(secure.get("nextLevel").isNull()).isTrue();
    assertThat(secure.get("rejectedAtNextLevel")).isEmpty();
    assertThat(json.get("errors")).isEmpty();
  }

  @Test
  void anOlderVersionLeavesOutTheChecksItDidNotHave() {
    // runAsUser=0 is checked by restricted from v1.23 on.
    Result r = plan().stdin("""
        apiVersion: v1
        kind: Pod
        metadata: {name: root, namespace: legacy}
        spec:
          securityContext: {runAsNonRoot: true, runAsUser: 0, seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: app
              image: app:1.0
              securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        """).run("pss", "plan", "--pss-version", "v1.22", "-");
    assertThat(r.out()).startsWith("namespace legacy: restricted at v1.22 is the strictest level its workload passes");
    Result latest = plan().stdin("""
        apiVersion: v1
        kind: Pod
        metadata: {name: root, namespace: legacy}
        spec:
          securityContext: {runAsNonRoot: true, runAsUser: 0, seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: app
              image: app:1.0
              securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        """).run("pss", "plan", "-");
    assertThat(latest.out()).startsWith("namespace legacy: baseline at latest");
  }

  @Test
  void unreadableInputExitsWith2AndSaysWhy() {
    Result r = plan().stdin("a: [\n").run("pss", "plan", "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("kubeward: ");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Result r = plan().run("pss", "plan", "--format", "sarif", SHOP);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("kubeward: --format must be text or json\n");
  }
}
