/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.rule.PssVersion;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A restricted check replaces its baseline twin only while it runs and only where its findings are
 * seen: skipping or suppressing the restricted rule never hides what the baseline check reports.
 */
class OverrideTest {

  private static final String HOST_PATH = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        namespace: shop
        %s
      spec:
        containers: [{name: app, image: "nginx:1.25"}]
        volumes:
          - {name: docker, hostPath: {path: /var/run/docker.sock}}
          - {name: share, nfs: {server: nfs.example, path: /export}}
      """;

  private static List<String> findings(Kubeward kubeward, String annotations) {
    return kubeward.scanString("pod.yaml", HOST_PATH.formatted(annotations)).findings().stream()
        .filter(f -> f.rule().equals("restricted-volumes") || f.rule().equals("host-path-volumes"))
        .map(f -> f.line() + " " + f.rule() + (f.suppressed() ? " suppressed" : ""))
        .toList();
  }

  @Test
  void whileTheRestrictedRuleRunsItAloneReportsTheVolumes() {
    Kubeward kubeward = Kubeward.builder().profile(Profile.PSS_RESTRICTED).build();

    assertThat(findings(kubeward, "")).containsExactly("10 restricted-volumes", "11 restricted-volumes");
  }

  @Test
  void skippingTheRestrictedRuleLetsTheBaselineCheckReportTheHostPath() {
    Kubeward kubeward = Kubeward.builder().profile(Profile.PSS_RESTRICTED)
        .skipRules(Set.of("restricted-volumes")).build();

    assertThat(findings(kubeward, "")).containsExactly("10 host-path-volumes");
  }

  @Test
  void suppressingTheRestrictedRuleOnAnObjectLetsTheBaselineCheckReportThere() {
    Kubeward kubeward = Kubeward.builder().profile(Profile.PSS_RESTRICTED).build();
    String allowNfs = "annotations: {ignore.kubeward.dev/restricted-volumes: \"NFS share reviewed\"}";

    assertThat(findings(kubeward, allowNfs)).containsExactly(
        "10 host-path-volumes", "10 restricted-volumes suppressed", "11 restricted-volumes suppressed");
  }

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({
      "capabilities-restricted, capabilities-baseline, v1.22",
      "seccomp-profile-restricted, seccomp-profile-baseline, v1.19",
      "proc-mount-restricted, proc-mount, v1.35",
      "restricted-volumes, host-path-volumes, v1.0"})
  void everyOverridingRuleNamesItsBaselineTwin(String restricted, String baseline, String from) {
    PssCheck overridden = null;
    for (PssCheck check : PssCheck.values()) {
      if (check.ruleId().equals(baseline)) {
        overridden = check;
      }
    }
    assertThat(overridden).isNotNull();
    assertThat(overridden.overriddenBy().ruleId()).isEqualTo(restricted);
    assertThat(overridden.overriddenFrom()).isEqualTo(PssVersion.parse(from).minor());
    List<String> ids = new dev.kubeward.rules.workload.WorkloadRules().rules().stream()
        .map(r -> r.metadata().id()).toList();
    assertThat(ids).contains(restricted, baseline);
  }

  @Test
  void theSkippedOverrideIsUnusedForFindingsOfOtherObjects() {
    Kubeward kubeward = Kubeward.builder().profile(Profile.PSS_RESTRICTED).build();
    String yaml = HOST_PATH.formatted("annotations: {ignore.kubeward.dev/restricted-volumes: \"reviewed\"}")
        + "---\n" + HOST_PATH.formatted("labels: {app: other}").replace("name: web", "name: other");

    List<Finding> findings = kubeward.scanString("pods.yaml", yaml).findings();

    assertThat(findings).filteredOn(f -> f.rule().equals("host-path-volumes"))
        .extracting(f -> f.resource().name()).containsExactly("web");
  }
}
