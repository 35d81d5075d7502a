/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where a hardening or image rule and a Pod Security rule report the same problem at the same
 * place, each profile shows it once: the Pod Security rule where it runs (and always under the
 * {@code pss-*} profiles, as admission would), the other rule where the Pod Security rule is
 * skipped or suppressed on the object.
 */
class OneProblemOneFindingTest {

  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        annotations: {%s}
      spec:
        volumes:
          - name: sock
            hostPath: {path: /var/run/docker.sock}
        containers:
          - name: app
            image: nginx
            securityContext:
              runAsGroup: 10001
              allowPrivilegeEscalation: false
              seccompProfile: {type: RuntimeDefault}
              capabilities: {drop: [ALL], add: [SYS_ADMIN]}
      """;

  private static List<String> findings(String profile, String annotations) {
    Kubeward scanner = Kubeward.builder().rules(new WorkloadRules().rules()).profile(Profile.of(profile)).build();
    return scanner.scanString("pod.yaml", POD.formatted(annotations)).findings().stream()
        // Rules that report other problems of the same container are left out.
        .filter(f -> !f.suppressed() && !java.util.Set.of("writable-root-filesystem", "app-armor-profile-missing",
            "privileged-not-false", "security-context-missing").contains(f.rule()))
        .filter(f -> f.line() == 9 || f.line() == 12 || f.line() == 13 || f.line() == 17)
        .map(f -> String.format("%02d %s", f.line(), f.rule())).sorted().toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "recommended    | 09 restricted-volumes, 12 image-not-pinned, 13 run-as-non-root, 17 capabilities-restricted",
    "pss-restricted | 09 restricted-volumes, 13 run-as-non-root, 17 capabilities-restricted",
    "pss-baseline   | 09 host-path-volumes, 17 capabilities-baseline",
    "cis            | 09 sensitive-host-path, 17 dangerous-capability",
    "all            | 09 restricted-volumes, 12 image-not-pinned, 13 run-as-non-root, 17 capabilities-restricted",
  })
  void eachProblemIsReportedOncePerProfile(String profile, String expected) {
    assertThat(String.join(", ", findings(profile, ""))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "capabilities-restricted | 17 dangerous-capability",
    "restricted-volumes+host-path-volumes | 09 sensitive-host-path",
    "run-as-non-root         | 13 run-as-low-id",
    "image-not-pinned        | 12 image-without-digest",
  })
  /** {@code host-path-volumes} takes over where {@code restricted-volumes} is suppressed, so both are. */
  void theOtherRuleReportsWhereThePodSecurityRuleIsSuppressed(String suppressed, String expected) {
    StringBuilder annotations = new StringBuilder();
    for (String rule : suppressed.split("\\+")) {
      annotations.append(annotations.length() == 0 ? "" : ", ").append("ignore.kubeward.dev/").append(rule)
          .append(": \"accepted risk\"");
    }
    assertThat(findings("all", annotations.toString())).contains(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "17 dangerous-capability", "09 sensitive-host-path", "13 run-as-low-id", "12 image-without-digest"})
  void theOtherRuleStaysSilentWhileThePodSecurityRuleIsSeen(String silent) {
    assertThat(findings("all", "")).doesNotContain(silent);
  }
}
