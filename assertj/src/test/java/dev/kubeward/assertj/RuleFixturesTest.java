/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.model.GroupKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.engine.Kubeward;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.nio.file.Path;
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

  /** Reports the name of a Pod named {@code fire-*}. */
  private static final class FireNamedRule implements ResourceRule {
    private final RuleMetadata metadata;

    FireNamedRule(String id) {
      metadata = RuleMetadata.builder(id).title("Fire named").severity(Severity.MEDIUM).topic(Topic.HYGIENE)
          .kinds(GroupKind.POD).rationale("For tests.").remediation("None.").build();
    }

    @Override
    public RuleMetadata metadata() {
      return metadata;
    }

    @Override
    public void check(Resource resource, Context context) {
      if (resource.name() != null && resource.name().startsWith("fire-")) {
        context.report(resource, resource.root().get("metadata").get("name"), "named");
      }
    }
  }

  /** Reports a Pod's name when the Kubernetes version that applies to it is before v1.25. */
  private static final class KubeVersionRule implements ResourceRule {
    private final RuleMetadata metadata;

    KubeVersionRule(String id) {
      metadata = RuleMetadata.builder(id).title("Old cluster").severity(Severity.MEDIUM).topic(Topic.HYGIENE)
          .kinds(GroupKind.POD).rationale("For tests.").remediation("None.").build();
    }

    @Override
    public RuleMetadata metadata() {
      return metadata;
    }

    @Override
    public void check(Resource resource, Context context) {
      if (context.kubeVersion(resource).version().isBefore(25)) {
        context.report(resource, resource.root().get("metadata").get("name"), "old");
      }
    }
  }

  /** Reports a Pod's name when it lands in {@code default}. */
  private static final class NamespaceRule implements ResourceRule {
    private final RuleMetadata metadata;

    NamespaceRule(String id) {
      metadata = RuleMetadata.builder(id).title("In default").severity(Severity.LOW).topic(Topic.TENANCY)
          .kinds(GroupKind.POD).rationale("For tests.").remediation("None.").build();
    }

    @Override
    public RuleMetadata metadata() {
      return metadata;
    }

    @Override
    public void check(Resource resource, Context context) {
      String namespace = resource.namespace() != null ? resource.namespace() : context.settings().defaultNamespace();
      if (namespace.equals("default")) {
        context.report(resource, resource.root().get("metadata").get("name"), "in default");
      }
    }
  }

  /** Reports a Pod whose {@code spec.serviceAccountName} names no ServiceAccount of its namespace in the scan. */
  private static final class CrossRule implements InventoryRule {
    private static final RuleMetadata METADATA = RuleMetadata.builder("cross-rule").title("Cross")
        .severity(Severity.LOW).topic(Topic.HYGIENE).kinds(GroupKind.POD, GroupKind.SERVICE_ACCOUNT)
        .rationale("For tests.").remediation("None.").build();

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Inventory inventory, Context context) {
      for (Resource pod : inventory.ofKind(GroupKind.POD)) {
        Node account = pod.root().get("spec").get("serviceAccountName");
        boolean found = inventory.ofKind(GroupKind.SERVICE_ACCOUNT).stream()
            .anyMatch(a -> a.name().equals(account.text()) && a.namespace().equals(pod.namespace()));
        if (!found) {
          context.report(pod, account, "no such account");
        }
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

  @Test
  void runsJsonFixturesWithTheirExpectFiles() {
    RuleFixtures fixtures = RuleFixtures.of(new FireNamedRule("json-rule"));
    assertThat(fixtures.files()).extracting(p -> p.getFileName().toString())
        .containsExactly("fires-list.json", "fires.json", "passes-versions.json", "passes.json");
    assertThat(fixtures.tests().map(DynamicTest::getDisplayName)).containsExactly(
        "json-rule/fires-list.json", "json-rule/fires.json", "json-rule/passes-versions.json @ v1.0",
        "json-rule/passes-versions.json @ v1.1", "json-rule/passes.json");
    fixtures.verifyAll();
  }

  @Test
  void failsOnAJsonExpectationAtTheWrongLine() {
    RuleFixtures fixtures = RuleFixtures.of(new FireNamedRule("misplaced-json-rule"));
    Path fires = fixtures.files().get(0);
    assertThatThrownBy(() -> fixtures.verify(fires))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Fixture " + fires + " of rule misplaced-json-rule does not hold:\n"
            + "  line 5: expected 0 finding(s) of misplaced-json-rule but got 1 [5:13 named]  | \"name\": \"fire-pod\",\n"
            + "  line 6: expected 1 finding(s) of misplaced-json-rule but got 0  | \"namespace\": \"shop\"\n"
            + "Actual findings:\n"
            + "  fires.json:5:13 MEDIUM named [misplaced-json-rule]\n");
  }

  @Test
  void loadsAStoryAsOneScanWithExpectationsInEachFile() {
    RuleFixtures fixtures = RuleFixtures.of(new FireNamedRule("story-rule"));
    assertThat(fixtures.tests().map(DynamicTest::getDisplayName))
        .containsExactly("story-rule/fires-two-files/", "story-rule/passes-two-files/");
    fixtures.verifyAll();
  }

  @Test
  void namesTheFileOfAStoryThatDoesNotHold() {
    // The same story, checked against another rule id: the markers are not this rule's.
    RuleFixtures fixtures = RuleFixtures.of(new FireNamedRule("story-rule"));
    Path story = fixtures.files().get(0);
    Kubeward scanner = Kubeward.builder().rules(List.of(new FireNamedRule("other-rule"))).build();
    assertThatThrownBy(() -> RuleFixtures.verifyScan(scanner, story))
        .hasMessageContaining("  web.yaml line 5: expected 1 finding(s) of story-rule but got 0")
        .hasMessageContaining("  web.yaml line 5: expected 0 finding(s) of other-rule but got 1")
        .hasMessageContaining("  worker.json line 4: expected 0 finding(s) of other-rule but got 1")
        .hasMessageContaining("Actual findings:\n  web.yaml:5:9 MEDIUM named [other-rule]\n"
            + "  worker.json:4:45 MEDIUM named [other-rule]\n");
  }

  @Test
  void aCrossResourceRuleSeesEveryFileOfAStory() {
    RuleFixtures fixtures = RuleFixtures.of(new CrossRule());
    assertThat(fixtures.tests().map(DynamicTest::getDisplayName))
        .containsExactly("cross-rule/fires-account-missing/", "cross-rule/passes-account-elsewhere/");
    fixtures.verifyAll();
    // Alone, the Pod of the passing story lacks its ServiceAccount: the story holds only as one scan.
    Kubeward scanner = Kubeward.builder().rules(List.of(new CrossRule())).build();
    assertThatThrownBy(() -> RuleFixtures.verifyScan(scanner, "rules/cross-rule/passes-account-elsewhere/pod.yaml"))
        .hasMessageContaining("line 8: expected 0 finding(s) of cross-rule but got 1");
  }

  @Test
  void failsOnAStoryWithAFileThatDoesNotLoad() {
    RuleFixtures fixtures = RuleFixtures.of(new FireNamedRule("broken-story-rule"));
    assertThatThrownBy(fixtures::verifyAll)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("fires-broken/ does not load cleanly: [")
        .hasMessageContaining("bad.yaml:6:3: duplicate key");
  }

  @Test
  void failsOnAnExpectFileWithoutItsJsonFile() {
    RuleFixtures fixtures = RuleFixtures.of(new FireNamedRule("stray-rule"));
    assertThatThrownBy(fixtures::files)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("passes-orphan.json.expect in ")
        .hasMessageEndingWith(" is neither a fixture (a .yaml, .yml or .json file, or a story folder)"
            + " nor the .expect file of a JSON fixture next to it");
  }

  @Test
  void kubeVersionSetsTheScansVersionInYamlJsonAndStories() {
    RuleFixtures fixtures = RuleFixtures.of(new KubeVersionRule("kube-version-rule"));

    assertThat(fixtures.tests().map(DynamicTest::getDisplayName)).containsExactly(
        "kube-version-rule/fires-image.yaml", "kube-version-rule/fires-story/", "kube-version-rule/fires.json",
        "kube-version-rule/fires.yaml", "kube-version-rule/passes-explicit-wins.yaml",
        "kube-version-rule/passes-story/", "kube-version-rule/passes.yaml");
    fixtures.verifyAll();
    assertThat(fixtures.headerOf(fixtures.files().get(3))).containsEntry("kube-version", "v1.24");
  }

  @Test
  void defaultNamespaceSetsWhereObjectsWithoutOneLand() {
    RuleFixtures fixtures = RuleFixtures.of(new NamespaceRule("namespace-rule"));

    fixtures.verifyAll();
    assertThat(fixtures.headerOf(fixtures.files().get(2))).isEqualTo(java.util.Map.of("default-namespace", "shop"));
    assertThat(fixtures.headerOf(fixtures.files().get(1))).isEqualTo(java.util.Map.of("default-namespace", "tools"));
  }

  @Test
  void aDirectiveTheScanWouldRejectFailsTheFixture() {
    RuleFixtures version = RuleFixtures.of(new KubeVersionRule("bad-kube-version-rule"));
    RuleFixtures namespace = RuleFixtures.of(new NamespaceRule("bad-namespace-rule"));

    assertThatThrownBy(version::verifyAll)
        .isInstanceOf(AssertionError.class)
        .hasMessage("fires.yaml: invalid Kubernetes version '1.24' (expected v1.N, such as v1.30)");
    assertThatThrownBy(namespace::verifyAll)
        .isInstanceOf(AssertionError.class)
        .hasMessage("fires.yaml: default namespace 'Shop' is not a valid namespace name (lower-case letters,"
            + " digits and '-', at most 63)");
  }
}
