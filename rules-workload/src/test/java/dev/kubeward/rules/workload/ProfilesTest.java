/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Profile;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules beyond the Pod Security Standards stay out of the {@code pss-*} profiles, are in
 * {@code recommended} unless opt-in, and are in {@code cis} exactly when they map to a CIS control.
 */
class ProfilesTest {

  private static List<RuleMetadata> beyondPss() {
    return new WorkloadRules().rules().stream()
        .filter(r -> !r.getClass().getPackageName().endsWith(".podsecurity"))
        .map(Rule::metadata)
        .collect(Collectors.toList());
  }

  @Test
  void neverInThePodSecurityStandardsProfiles() {
    assertThat(beyondPss()).isNotEmpty()
        .noneMatch(Profile.PSS_BASELINE::includes)
        .noneMatch(Profile.PSS_RESTRICTED::includes);
  }

  @Test
  void recommendedLeavesOutTheDigestRuleAndTheRequestsForExplicitSettings() {
    assertThat(beyondPss()).filteredOn(m -> !Profile.RECOMMENDED.includes(m))
        .extracting(RuleMetadata::id)
        .containsExactlyInAnyOrder("image-without-digest", "app-armor-profile-missing", "privileged-not-false",
            "security-context-missing", "autoscaler-target-missing", "replicas-with-autoscaler",
            "pod-disruption-budget-no-policy", "pod-disruption-budget-blocks-eviction", "identical-probes",
            "selector-mismatch", "cron-job-starting-deadline-missing", "cron-job-concurrency-allowed",
            "duplicate-env-var", "container-port-conflict", "replicas-not-spread", "priority-class-unset",
            "requests-not-equal-limits", "ephemeral-storage-requirements-unset", "container-port-unnamed",
            "deployment-rollout-unbounded", "stateful-set-headless-service-missing");
  }

  @Test
  void cisHoldsTheRulesMappedToTheBenchmark() {
    assertThat(beyondPss()).filteredOn(Profile.CIS::includes)
        .extracting(RuleMetadata::id)
        .containsExactlyInAnyOrder("secret-as-env-var", "secret-in-manifest", "automount-service-account-token",
            "default-service-account", "dangerous-capability", "sensitive-host-path", "default-namespace",
            "writable-host-path", "security-context-missing");
  }

  @Test
  void hygieneRulesAreLowOrInfo() {
    assertThat(beyondPss()).filteredOn(m -> m.topic().id().equals("hygiene"))
        .hasSize(22)
        .allMatch(m -> !m.severity().isAtLeast(dev.kubeward.rule.Severity.MEDIUM));
  }
}
