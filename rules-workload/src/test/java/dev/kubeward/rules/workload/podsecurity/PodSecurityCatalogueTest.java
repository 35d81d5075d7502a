/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.assertj.RuleFixtures;
import dev.kubeward.engine.Profile;
import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.workload.WorkloadRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Meta tests over the Pod Security Standards rules: the pss-* profiles hold exactly the checks,
 * each check has exactly one rule with its control, and the fixtures cover every version where a
 * check changes, at the levels where overrides matter.
 */
class PodSecurityCatalogueTest {

  private static final Set<String> BASELINE = Set.of("windows-host-process", "host-namespaces",
      "privileged-container", "capabilities-baseline", "host-path-volumes", "host-ports",
      "host-probes-and-host-lifecycle", "app-armor-profile", "se-linux-options", "proc-mount",
      "seccomp-profile-baseline", "sysctls");

  private static final Set<String> RESTRICTED_ONLY = Set.of("restricted-volumes", "allow-privilege-escalation",
      "run-as-non-root", "run-as-user", "seccomp-profile-restricted", "capabilities-restricted",
      "proc-mount-restricted");

  private static final List<Rule> CATALOGUE = new WorkloadRules().rules();

  private static Set<String> idsIn(Profile profile) {
    return CATALOGUE.stream().filter(r -> profile.includes(r.metadata())).map(r -> r.metadata().id())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<PssRule> pssRules() {
    List<PssRule> out = new ArrayList<>();
    for (Rule r : CATALOGUE) {
      if (r instanceof PssRule p) {
        out.add(p);
      }
    }
    return out;
  }

  @Test
  void pssBaselineProfileIsExactlyTheBaselineChecks() {
    assertThat(idsIn(Profile.PSS_BASELINE)).containsExactlyInAnyOrderElementsOf(BASELINE);
  }

  @Test
  void pssRestrictedProfileIsExactlyTheBaselineAndRestrictedChecks() {
    Set<String> expected = new HashSet<>(BASELINE);
    expected.addAll(RESTRICTED_ONLY);
    assertThat(idsIn(Profile.PSS_RESTRICTED)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyUpstreamCheckHasExactlyOneRuleWithItsControl() {
    Map<PssCheck, String> byCheck = new LinkedHashMap<>();
    for (PssRule rule : pssRules()) {
      assertThat(byCheck.put(rule.pssCheck(), rule.metadata().id())).as("second rule for %s", rule.pssCheck()).isNull();
      assertThat(rule.metadata().controls()).containsExactly(rule.pssCheck().control());
      assertThat(rule.metadata().topic()).isEqualTo(Topic.POD_SECURITY);
      assertThat(rule.pssCheck().control()).isEqualTo("pss-" + rule.pssCheck().level().id() + ":" + rule.pssCheck().id());
    }
    assertThat(byCheck.keySet()).containsExactly(PssCheck.values());
  }

  @Test
  void theAdmissionRuleEvaluatesEveryCheckAndBelongsToNoPssProfile() {
    assertThat(PodSecurityAdmission.checks()).containsExactly(PssCheck.values());
    Rule admission = CATALOGUE.stream().filter(r -> r instanceof PodSecurityAdmission).findFirst().orElseThrow();
    assertThat(admission.metadata().controls()).isEmpty();
    assertThat(Profile.PSS_BASELINE.includes(admission.metadata())).isFalse();
    assertThat(Profile.PSS_RESTRICTED.includes(admission.metadata())).isFalse();
    assertThat(Profile.RECOMMENDED.includes(admission.metadata())).isTrue();
  }

  @Test
  void everyPssFixtureDeclaresItsVersions() {
    List<String> missing = new ArrayList<>();
    for (Rule rule : pssAndAdmissionRules()) {
      RuleFixtures fixtures = RuleFixtures.of(rule);
      for (Path file : fixtures.files()) {
        if (fixtures.versionsOf(file).isEmpty()) {
          missing.add(rule.metadata().id() + "/" + file.getFileName());
        }
      }
    }
    assertThat(missing).as("fixtures without # pss-versions").isEmpty();
  }

  @Test
  void everyFiresFixtureHasAPassesTwin() {
    List<String> lonely = new ArrayList<>();
    for (Rule rule : pssAndAdmissionRules()) {
      Set<String> names = new HashSet<>();
      for (Path file : RuleFixtures.of(rule).files()) {
        names.add(file.getFileName().toString());
      }
      for (String name : names) {
        if (name.startsWith("fires") && !names.contains("passes" + name.substring("fires".length()))) {
          lonely.add(rule.metadata().id() + "/" + name);
        }
      }
    }
    assertThat(lonely).as("fires fixtures without a passes twin").isEmpty();
  }

  /**
   * At every version where a check exists, some fixture makes it fire; before it exists, some
   * fixture shows it silent; and at every later version where its behaviour changes, some fixture's
   * range starts or ends there.
   */
  @Test
  void fixturesCoverEveryVersionAndEveryChange() {
    List<String> problems = new ArrayList<>();
    List<PssVersion> all = RuleFixtures.parseVersions("all");
    for (PssRule rule : pssRules()) {
      PssCheck check = rule.pssCheck();
      RuleFixtures fixtures = RuleFixtures.of(rule);
      Set<PssVersion> fires = new HashSet<>();
      Set<PssVersion> passes = new HashSet<>();
      List<List<PssVersion>> ranges = new ArrayList<>();
      for (Path file : fixtures.files()) {
        List<PssVersion> versions = fixtures.versionsOf(file);
        ranges.add(versions);
        (file.getFileName().toString().startsWith("fires") ? fires : passes).addAll(versions);
      }
      for (PssVersion v : all) {
        if (v.minor() >= check.since() && !fires.contains(v)) {
          problems.add(rule.metadata().id() + " has no fires fixture at " + v);
        }
        if (v.minor() < check.since() && !passes.contains(v)) {
          problems.add(rule.metadata().id() + " has no passes fixture at " + v + ", before the check exists");
        }
      }
      int[] changes = check.versions();
      for (int i = 1; i < changes.length; i++) {
        PssVersion before = PssVersion.of(changes[i] - 1);
        PssVersion at = PssVersion.of(changes[i]);
        boolean boundary = ranges.stream().anyMatch(r -> r.contains(before) != r.contains(at));
        if (!boundary) {
          problems.add(rule.metadata().id() + " has no fixture whose range starts or ends at " + at);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * A baseline check that a restricted check overrides is shown silent at restricted from the
   * override on; a restricted check is shown silent at baseline.
   */
  @Test
  void fixturesShowOverridesAndLevels() {
    List<String> problems = new ArrayList<>();
    for (PssRule rule : pssRules()) {
      PssCheck check = rule.pssCheck();
      RuleFixtures fixtures = RuleFixtures.of(rule);
      String silentProfile = check.level() == PssLevel.BASELINE ? "pss-restricted" : "pss-baseline";
      if (check.level() == PssLevel.BASELINE && check.overriddenBy() == null) {
        continue;
      }
      PssVersion from = check.level() == PssLevel.BASELINE ? PssVersion.of(check.overriddenFrom()) : PssVersion.of(0);
      boolean shown = fixtures.files().stream().anyMatch(file ->
          file.getFileName().toString().startsWith("passes")
              && silentProfile.equals(fixtures.headerOf(file).get("profile"))
              && fixtures.versionsOf(file).contains(from)
              && fixtures.versionsOf(file).contains(PssVersion.LATEST));
      if (!shown) {
        problems.add(rule.metadata().id() + " has no passes fixture at " + silentProfile + " from " + from);
      }
    }
    assertThat(problems).isEmpty();
  }

  private static List<Rule> pssAndAdmissionRules() {
    List<Rule> out = new ArrayList<>(pssRules());
    out.add(new PodSecurityAdmission());
    return out;
  }
}
