/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.GroupKind;
import static dev.kubeward.engine.TestRules.metadata;
import static dev.kubeward.engine.TestRules.reportingEach;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which rules run: profiles, configuration, --rule and --skip-rule, and how they are configured. */
class SelectionTest {

  private static final String BUILT_IN = Kubeward.SUPPRESSION_WITHOUT_REASON;
  private static final String DUPLICATES = Kubeward.DUPLICATE_OBJECT;

  private static final List<Rule> CATALOGUE = List.of(
      reportingEach(metadata("plain", GroupKind.CONFIG_MAP).build()),
      reportingEach(metadata("opt-in", GroupKind.CONFIG_MAP).optIn().build()),
      reportingEach(metadata("baseline", GroupKind.CONFIG_MAP).controls("pss-baseline:privileged").build()),
      reportingEach(metadata("restricted", GroupKind.CONFIG_MAP).controls("pss-restricted:runAsNonRoot").build()),
      reportingEach(metadata("benchmark", GroupKind.CONFIG_MAP).controls("cis-k8s:5.2.1").optIn().build()),
      new TestRules.Limited());

  private static Kubeward.Builder builder() {
    return Kubeward.builder().rules(CATALOGUE);
  }

  private static List<String> ids(Kubeward scanner) {
    return scanner.rules().stream().map(r -> r.metadata().id()).toList();
  }

  private static Configuration config(Profile profile, PssVersion version, Set<String> enabled, Set<String> disabled,
      Map<String, Severity> severities, Map<String, Map<String, Object>> parameters) {
    Configuration.Builder b = Configuration.builder().profile(profile).pssVersion(version)
        .enableRules(enabled).disableRules(disabled);
    severities.forEach(b::severity);
    parameters.forEach(b::parameters);
    return b.build();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "recommended    | baseline," + DUPLICATES + ",plain,restricted," + BUILT_IN + ",too-many-keys",
      "pss-baseline   | baseline",
      "pss-restricted | baseline,restricted",
      "cis            | benchmark",
      "all            | baseline,benchmark," + DUPLICATES + ",opt-in,plain,restricted," + BUILT_IN + ",too-many-keys"
  })
  void profilesSelectRules(String profile, String expected) {
    Kubeward scanner = builder().profile(Profile.of(profile)).build();

    assertThat(ids(scanner)).containsExactly(expected.split(","));
  }

  @Test
  void recommendedIsTheDefaultProfile() {
    assertThat(ids(builder().build())).isEqualTo(ids(builder().profile(Profile.RECOMMENDED).build()));
  }

  @Test
  void profilesSetThePodSecurityLevel() {
    assertThat(builder().profile(Profile.PSS_BASELINE).build().settings().pssLevel()).isEqualTo(PssLevel.BASELINE);
    assertThat(builder().profile(Profile.PSS_RESTRICTED).build().settings().pssLevel()).isEqualTo(PssLevel.RESTRICTED);
    assertThat(builder().build().settings().pssLevel()).isEqualTo(PssLevel.RESTRICTED);
    assertThat(builder().build().settings().pssVersion()).isEqualTo(PssVersion.LATEST);
  }

  @Test
  void theBuilderWinsOverTheConfiguration() {
    Configuration config = config(Profile.CIS, PssVersion.of(25), Set.of(), Set.of(), Map.of(), Map.of());

    Kubeward fromConfig = builder().configuration(config).build();
    Kubeward overridden = builder().configuration(config).profile(Profile.PSS_BASELINE).pssVersion(PssVersion.of(30)).build();

    assertThat(ids(fromConfig)).containsExactly("benchmark");
    assertThat(fromConfig.settings().pssVersion()).isEqualTo(PssVersion.parse("v1.25"));
    assertThat(ids(overridden)).containsExactly("baseline");
    assertThat(overridden.settings().pssVersion()).isEqualTo(PssVersion.parse("v1.30"));
  }

  @Test
  void unknownProfileNamesAreRejected() {
    assertThatThrownBy(() -> Profile.of("strict"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown profile 'strict' (expected recommended, pss-baseline, pss-restricted, cis or all)");
  }

  @Test
  void configurationEnablesAndDisablesRules() {
    Configuration config = config(null, null, Set.of("opt-in"), Set.of("plain", BUILT_IN), Map.of(), Map.of());

    assertThat(ids(builder().configuration(config).build()))
        .containsExactly("baseline", DUPLICATES, "opt-in", "restricted", "too-many-keys");
  }

  @Test
  void severityOverridesApplyToFindingsAndReports() {
    Configuration config = config(null, null, Set.of(), Set.of(), Map.of("plain", Severity.CRITICAL), Map.of());
    Kubeward scanner = builder().configuration(config).onlyRules(Set.of("plain", "baseline")).build();

    ScanReport report = scanner.scanString("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");

    assertThat(scanner.severities()).containsEntry("plain", Severity.CRITICAL).containsEntry("baseline", Severity.MEDIUM);
    assertThat(report.severityOf("plain")).isEqualTo(Severity.CRITICAL);
    assertThat(report.findings()).extracting(Finding::rule, Finding::severity).containsExactly(
        org.assertj.core.groups.Tuple.tuple("baseline", Severity.MEDIUM),
        org.assertj.core.groups.Tuple.tuple("plain", Severity.CRITICAL));
    assertThat(report.countBySeverity()).containsEntry(Severity.CRITICAL, 1).containsEntry(Severity.MEDIUM, 1)
        .containsEntry(Severity.INFO, 0);
    assertThat(report.exitCode(Severity.CRITICAL)).isEqualTo(1);
    assertThat(report.exitCode(Severity.LOW)).isEqualTo(1);
    assertThat(builder().onlyRules(Set.of("plain")).build().scanString("a.yaml", "apiVersion: v1\nkind: Service\n")
        .exitCode(Severity.INFO)).isZero();
  }

  private static final String FOUR_KEYS = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {a: 1, b: 2, c: 3, d: 4}\n";

  @Test
  void parametersHaveDefaults() {
    ScanReport report = builder().onlyRules(Set.of("too-many-keys")).build().scanString("a.yaml", FOUR_KEYS);

    assertThat(report.findings()).extracting(Finding::message)
        .containsExactly("ConfigMap big has 4 keys (strict false, allowed [a, b])");
  }

  @Test
  void parametersAreBoundTyped() {
    Map<String, Object> values = Map.of("maxKeys", "3", "strict", "true", "label", "entries", "allowed", List.of("ghcr.io/acme", "quay.io"));
    Configuration config = config(null, null, Set.of(), Set.of(), Map.of(), Map.of("too-many-keys", values));

    Kubeward scanner = builder().configuration(config).onlyRules(Set.of("too-many-keys")).build();
    ScanReport report = scanner.scanString("a.yaml", FOUR_KEYS);

    assertThat(((TestRules.Limited) scanner.rules().get(0)).params)
        .isEqualTo(new TestRules.Limited.Params(3, true, "entries", List.of("ghcr.io/acme", "quay.io")));
    assertThat(report.findings()).extracting(Finding::message)
        .containsExactly("ConfigMap big has 4 entries (strict true, allowed [ghcr.io/acme, quay.io])");
    assertThat(report.findings().get(0).location()).isEqualTo("a.yaml:4:7");
  }

  @Test
  void aCommaSeparatedTextIsAList() {
    Configuration config = config(null, null, Set.of(), Set.of(), Map.of(), Map.of("too-many-keys", Map.of("allowed", "x, y")));

    Kubeward scanner = builder().configuration(config).onlyRules(Set.of("too-many-keys")).build();

    assertThat(((TestRules.Limited) scanner.rules().get(0)).params.allowed()).containsExactly("x", "y");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "maxKeys | many  | parameter maxKeys of rule too-many-keys must be an integer",
      "strict  | yes   | parameter strict of rule too-many-keys must be true or false",
      "colour  | blue  | rule too-many-keys has no parameter 'colour' (it has [maxKeys, strict, label, allowed])"
  })
  void wrongParameterValuesAreClearErrors(String name, String value, String message) {
    Configuration config = config(null, null, Set.of(), Set.of(), Map.of(), Map.of("too-many-keys", Map.of(name, value)));

    assertThatThrownBy(() -> builder().configuration(config).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void aListWhereOneValueIsExpectedIsAnError() {
    Configuration config = config(null, null, Set.of(), Set.of(), Map.of(),
        Map.of("too-many-keys", Map.of("label", List.of("a", "b"))));

    assertThatThrownBy(() -> builder().configuration(config).build())
        .hasMessage("parameter label of rule too-many-keys must be a single value, not a list");
  }

  @Test
  void onlyAndSkipRules() {
    assertThat(ids(builder().onlyRules(Set.of("opt-in", "plain")).build())).containsExactly("opt-in", "plain");
    assertThat(ids(builder().onlyRules(Set.of("opt-in", "plain")).skipRules(Set.of("plain")).build())).containsExactly("opt-in");
    assertThat(ids(builder().skipRules(Set.of("plain", "baseline")).build()))
        .containsExactly(DUPLICATES, "restricted", BUILT_IN, "too-many-keys");
  }

  @Test
  void unknownRuleIdsAreErrors() {
    Configuration severity = config(null, null, Set.of(), Set.of(), Map.of("nope", Severity.LOW), Map.of());
    Configuration enabled = config(null, null, Set.of("typo-rule"), Set.of(), Map.of(), Map.of());
    Configuration exempt = Configuration.builder()
        .exemptions(List.of(new Exemption("missing-rule", null, null, null, "because"))).build();

    assertThatThrownBy(() -> builder().onlyRules(Set.of("nope")).build()).hasMessage("unknown rule 'nope'");
    assertThatThrownBy(() -> builder().skipRules(Set.of("nope")).build()).hasMessage("unknown rule 'nope'");
    assertThatThrownBy(() -> builder().configuration(severity).build()).hasMessage("unknown rule 'nope'");
    assertThatThrownBy(() -> builder().configuration(enabled).build()).hasMessage("unknown rule 'typo-rule'");
    assertThatThrownBy(() -> builder().configuration(exempt).build()).hasMessage("unknown rule 'missing-rule'");
  }

  @Test
  void duplicateRuleIdsAreErrors() {
    RuleMetadata twice = metadata("plain", GroupKind.POD).build();

    assertThatThrownBy(() -> Kubeward.builder().rules(List.of(reportingEach(twice), reportingEach(twice))).build())
        .hasMessage("two rules have the id plain");
    assertThatThrownBy(() -> Kubeward.builder().rules(List.of(reportingEach(metadata(BUILT_IN, GroupKind.POD).build()))).build())
        .hasMessage("two rules have the id " + BUILT_IN);
  }

  @Test
  void builtInRulesComeWithEveryScanner() {
    assertThat(Kubeward.builtInRules()).extracting(r -> r.metadata().id()).containsExactly(BUILT_IN, DUPLICATES);
    RuleMetadata m = Kubeward.builtInRules().get(0).metadata();
    assertThat(m.severity()).isEqualTo(Severity.LOW);
    assertThat(m.topic()).isEqualTo(dev.kubeward.rule.Topic.HYGIENE);
    RuleMetadata d = Kubeward.builtInRules().get(1).metadata();
    assertThat(d.severity()).isEqualTo(Severity.INFO);
    assertThat(d.topic()).isEqualTo(dev.kubeward.rule.Topic.HYGIENE);
    assertThat(ids(Kubeward.builder().rules(List.of()).build())).containsExactly(DUPLICATES, BUILT_IN);
    assertThat(Kubeward.builder().rules(List.of()).build().scanString("a.yaml", FOUR_KEYS).rules())
        .extracting(RuleMetadata::id).containsExactly(DUPLICATES, BUILT_IN);
  }

  @Test
  void threadsMustBePositive() {
    assertThatThrownBy(() -> Kubeward.builder().threads(0)).hasMessage("threads must be positive");
  }
}
