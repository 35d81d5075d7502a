/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.model.GroupKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.engine.Kubeward;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

class RuleFixturesTest {

  /** Reports a Pod's name from policy version v1.10 on. */
  private static class VersionedRule implements ResourceRule {
    private final RuleMetadata metadata;

    VersionedRule(String id) {
      metadata = RuleMetadata.builder(id).title("Versioned").severity(Severity.MEDIUM).topic(Topic.HYGIENE)
          .kinds(GroupKind.POD).rationale("For tests.").remediation("None.").build();
    }

    @Override
    public RuleMetadata metadata() {
      return metadata;
    }

    @Override
    public void check(Resource resource, Context context) {
      if (context.settings().pssVersion().isAtLeast(10)) {
        context.report(resource, resource.root().get("metadata").get("name"), "named");
      }
    }
  }

  @Test
  void parsesVersionRanges() {
    List<PssVersion> all = RuleFixtures.parseVersions("all");
    assertThat(all).hasSize(PssVersion.NEWEST_KNOWN_MINOR + 2);
    assertThat(all.get(0)).isEqualTo(PssVersion.of(0));
    assertThat(all.get(all.size() - 1)).isEqualTo(PssVersion.LATEST);
    assertThat(RuleFixtures.parseVersions("v1.19..v1.21"))
        .containsExactly(PssVersion.of(19), PssVersion.of(20), PssVersion.of(21));
    assertThat(RuleFixtures.parseVersions("v1.30, v1.0..v1.1, v1.30"))
        .containsExactly(PssVersion.of(0), PssVersion.of(1), PssVersion.of(30));
    assertThat(RuleFixtures.parseVersions("latest")).containsExactly(PssVersion.LATEST);
    assertThat(RuleFixtures.parseVersions("v1.36..latest"))
        .containsExactly(PssVersion.of(36), PssVersion.of(37), PssVersion.LATEST);
  }

  @Test
  void rejectsMalformedRanges() {
    assertThatThrownBy(() -> RuleFixtures.parseVersions("v1.5..v1.3"))
        .hasMessage("PSS version range 'v1.5..v1.3' ends before it starts");
    assertThatThrownBy(() -> RuleFixtures.parseVersions("1.25"))
        .hasMessage("cannot read PSS versions '1.25' (expected all, v1.N, v1.A..v1.B or v1.A..latest)");
  }

  @Test
  void runsAFixtureOncePerVersionOfItsRange() {
    RuleFixtures fixtures = RuleFixtures.of(new VersionedRule("versioned-rule"));
    List<DynamicTest> tests = fixtures.tests().toList();
    assertThat(tests).extracting(DynamicTest::getDisplayName)
        .contains("versioned-rule/fires.yaml @ v1.10", "versioned-rule/fires.yaml @ latest",
            "versioned-rule/passes.yaml @ v1.0", "versioned-rule/passes.yaml @ v1.9")
        .hasSize(10 + PssVersion.NEWEST_KNOWN_MINOR - 10 + 2);
    fixtures.verifyAll();
  }

  @Test
  void failsOnAWrongSeverityNamingTheVersion() {
    RuleFixtures fixtures = RuleFixtures.of(new VersionedRule("misjudged-rule"));
    assertThatThrownBy(fixtures::verifyAll)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("at PSS version v1.10 does not hold")
        .hasMessageContaining("line 4: expected severities [HIGH] of misjudged-rule but got [MEDIUM]");
  }

  @Test
  void verifiesAWholeScanAgainstEveryMarker() {
    Kubeward scanner = Kubeward.builder().rules(List.of(new VersionedRule("versioned-rule"))).build();
    RuleFixtures.verifyScan(scanner, "rules/versioned-rule/fires.yaml");
    assertThatThrownBy(() -> RuleFixtures.verifyScan(scanner, "rules/versioned-rule/passes.yaml"))
        .hasMessageContaining("line 6: expected 0 finding(s) of versioned-rule but got 1");
  }
}
