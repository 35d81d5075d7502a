/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Resource;
import dev.kubeward.report.CatalogueFormat;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FamilyRule;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/** A family of rules defined by one class from a table: each row a first-class rule. */
class RuleFamilyTest {

  private static final SettingFlag.Row UNFIXTURED =
      new SettingFlag.Row("setting-unfixtured", "unfixtured", "on", "cis-k8s:1.2.20");

  /** The family's rows, tested row by row against their own fixtures. */
  @TestFactory
  Stream<DynamicContainer> rowByRow() {
    return RuleFixtures.rowByRow(SettingFlag.rules());
  }

  @Test
  void everyRowIsARuleOfItsOwnSharingTheClass() {
    List<Rule> rules = SettingFlag.rules();

    assertThat(rules).extracting(r -> r.metadata().id())
        .containsExactly("setting-anonymous-auth", "setting-profiling", "setting-service-account-lookup");
    assertThat(rules).extracting(r -> r.metadata().controls())
        .containsExactly(List.of("cis-k8s:1.2.1"), List.of("cis-k8s:1.2.15"), List.of("cis-k8s:1.2.21"));
    assertThat(rules).extracting(r -> ((FamilyRule) r).family()).containsOnly("SettingFlag");
    assertThat(RuleFixtures.withoutFixtures(rules)).isEmpty();
    CatalogueChecks.verifyRules(rules);
  }

  @Test
  void theCatalogueListsEveryRow() throws IOException {
    StringWriter out = new StringWriter();
    CatalogueFormat.TEXT.write(SettingFlag.rules().stream().map(Rule::metadata).collect(Collectors.toList()), out);

    assertThat(out.toString()).contains(
        "setting-anonymous-auth          MEDIUM    api-server  cis-k8s:1.2.1   Setting anonymous-auth is not false",
        "setting-profiling               MEDIUM    api-server  cis-k8s:1.2.15  Setting profiling is not false",
        "3 rules");
  }

  @Test
  void aRowIsSuppressedAndSelectedByItsOwnId() {
    String yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          annotations:
            ignore.kubeward.dev/setting-profiling: "profiled on purpose in this test cluster"
        data:
          anonymous-auth: "true"
          profiling: "true"
          service-account-lookup: "false"
        """;
    Kubeward scanner = Kubeward.builder().rules(SettingFlag.rules())
        .skipRules(Set.of("setting-service-account-lookup")).build();

    ScanReport report = scanner.scanString("settings.yaml", yaml);

    assertThat(report.findings()).extracting(Finding::rule, Finding::line, Finding::suppressed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("setting-anonymous-auth", 8, false),
            org.assertj.core.groups.Tuple.tuple("setting-profiling", 9, true));
  }

  @Test
  void aRowWithoutFixturesIsNamedAndFailsOnItsOwn() {
    List<Rule> rows = SettingFlag.rules(List.of(SettingFlag.ROWS.get(0), UNFIXTURED));

    assertThat(RuleFixtures.withoutFixtures(rows)).containsExactly("setting-unfixtured");
    assertThatThrownBy(() -> CatalogueChecks.verifyRules(rows))
        .hasMessage("Rules have problems:\n  no fixture directory rules/setting-unfixtured on the test classpath");

    List<DynamicContainer> containers = RuleFixtures.rowByRow(rows).collect(Collectors.toList());
    assertThat(containers).extracting(DynamicContainer::getDisplayName)
        .containsExactly("setting-anonymous-auth", "setting-unfixtured");
    List<DynamicNode> good = containers.get(0).getChildren().collect(Collectors.toList());
    assertThat(good).extracting(DynamicNode::getDisplayName)
        .containsExactly("setting-anonymous-auth/fires.yaml", "setting-anonymous-auth/passes.yaml");
    for (DynamicNode test : good) {
      execute(((DynamicTest) test).getExecutable());
    }
    List<DynamicNode> bad = containers.get(1).getChildren().collect(Collectors.toList());
    assertThat(bad).extracting(DynamicNode::getDisplayName).containsExactly("setting-unfixtured fixtures");
    assertThatThrownBy(((DynamicTest) bad.get(0)).getExecutable()::execute)
        .isInstanceOf(AssertionError.class)
        .hasMessage("no fixture directory rules/setting-unfixtured on the test classpath");
  }

  @Test
  void aRowIsHeldToItsOwnFixtures() {
    // The profiling row's fixtures, run for a row that expects another value, do not hold.
    Rule misjudged = new SettingFlag(new SettingFlag.Row("setting-profiling", "profiling", "true", "cis-k8s:1.2.15"));

    assertThatThrownBy(() -> RuleFixtures.of(misjudged).verifyAll())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("line 7: expected 1 finding(s) of setting-profiling but got 0");
  }

  /** Not a family: one class, two rules. */
  static final class Twin implements ResourceRule {
    private final RuleMetadata metadata;

    Twin(String id) {
      metadata = RuleMetadata.builder(id).title("Twin").severity(Severity.LOW).topic(Topic.HYGIENE)
          .kinds(GroupKind.POD).rationale("For tests.").remediation("None.").build();
    }

    @Override
    public RuleMetadata metadata() {
      return metadata;
    }

    @Override
    public void check(Resource resource, Context context) {}
  }

  @Test
  void aClassWithSeveralRulesMustDeclareItselfAFamily() {
    List<Rule> rules = new ArrayList<>(SettingFlag.rules());
    rules.add(new Twin("setting-anonymous-auth-twin"));
    rules.add(new Twin("setting-profiling-twin"));

    assertThatThrownBy(() -> CatalogueChecks.verifyRules(rules))
        .hasMessageContaining("class Twin implements the rules setting-anonymous-auth-twin, setting-profiling-twin;"
            + " a class whose instances are several rules implements FamilyRule");
  }

  @Test
  void aClassWithOneRuleIsStillNamedAfterIt() {
    assertThatThrownBy(() -> CatalogueChecks.verifyRules(List.of(new Twin("setting-profiling-twin"))))
        .hasMessageContaining("rule setting-profiling-twin is implemented by Twin; name it SettingProfilingTwin");
  }

  private static void execute(Executable executable) {
    try {
      executable.execute();
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }
}
