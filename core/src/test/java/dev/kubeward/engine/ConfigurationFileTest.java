/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.GroupKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.model.WorkloadKinds;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigurationFileTest {

  private static final String EXAMPLE = """
      # Kubeward settings for the shop repository
      profile: recommended
      kubernetesVersion: v1.31
      pssVersion: v1.30
      rules:
        image-not-pinned: off            # on/off
        host-namespaces: yes
        run-as-root: {severity: critical}
        image-registry-allowlist: {enabled: true, params: {registries: [ghcr.io/acme, quay.io/acme], strict: on, max: 3}}
      exemptions:
        - rule: privileged-container
          kind: DaemonSet
          namespace: kube-system
          name: "cilium*"
          reason: CNI needs privileges
        - rule: "*"
          name: legacy-*
          reason: being retired in Q3
      workloadKinds:
        - {apiGroup: example.com, kind: Thing, templatePath: spec.template}
        - {kind: Job, templatePath: spec.template}
      plugins:
        - tools/kubeward-plugins
        - /opt/kubeward/certificates.jar
      """;

  @Test
  void parsesEveryField() {
    Configuration c = ConfigurationFile.parse(".kubeward.yaml", EXAMPLE);

    assertThat(c.profile()).isEqualTo(Profile.RECOMMENDED);
    assertThat(c.pssVersion()).isEqualTo(PssVersion.of(30));
    assertThat(c.kubeVersion()).isEqualTo(dev.kubeward.rule.KubeVersion.of(31));
    assertThat(c.disabledRules()).containsExactly("image-not-pinned");
    assertThat(c.enabledRules()).containsExactlyInAnyOrder("host-namespaces", "image-registry-allowlist");
    assertThat(c.severities()).isEqualTo(Map.of("run-as-root", Severity.CRITICAL));
    assertThat(c.parameters()).isEqualTo(Map.of("image-registry-allowlist",
        Map.of("registries", List.of("ghcr.io/acme", "quay.io/acme"), "strict", "true", "max", "3")));
    assertThat(c.exemptions()).containsExactly(
        new Exemption("privileged-container", "DaemonSet", "kube-system", "cilium*", "CNI needs privileges"),
        new Exemption("*", "*", "*", "legacy-*", "being retired in Q3"));
    assertThat(c.workloadKinds()).containsExactly(
        WorkloadKinds.Carrier.of("example.com", "Thing", "spec.template"),
        new WorkloadKinds.Carrier(null, "Job", List.of("spec", "template")));
  }

  @Test
  void pluginsAreReadAsWrittenAndLeftOutOfTheConfiguration() {
    assertThat(ConfigurationFile.plugins(".kubeward.yaml", EXAMPLE))
        .containsExactly("tools/kubeward-plugins", "/opt/kubeward/certificates.jar");
    assertThat(ConfigurationFile.parse(".kubeward.yaml", EXAMPLE))
        .isEqualTo(ConfigurationFile.parse(".kubeward.yaml", EXAMPLE.substring(0, EXAMPLE.indexOf("plugins:"))));
    assertThat(ConfigurationFile.plugins("c.yaml", "profile: all\n")).isEmpty();
    assertThat(ConfigurationFile.plugins("c.yaml", "")).isEmpty();
  }

  @Test
  void pluginsAreCheckedWithTheRestOfTheFile() {
    assertThatThrownBy(() -> ConfigurationFile.plugins("c.yaml", "plugins: [a.jar]\nprofile: strict\n"))
        .hasMessage("c.yaml:2:10: unknown profile 'strict' (expected recommended, pss-baseline, pss-restricted, cis or all)");
  }

  @Test
  void emptyFilesChangeNothing() {
    assertThat(ConfigurationFile.parse("c.yaml", "")).isEqualTo(Configuration.empty());
    assertThat(ConfigurationFile.parse("c.yaml", "# nothing yet\n")).isEqualTo(Configuration.empty());
    assertThat(ConfigurationFile.parse("c.yaml", "rules:\nexemptions:\nprofile:\n")).isEqualTo(Configuration.empty());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "profil: all"
          + "| c.yaml:1:1: unknown key 'profil' in the configuration (expected profile, kubernetesVersion, pssVersion, rules, exemptions, workloadKinds, defaultNamespace, joinScope, exclude, baseline, podCidr, plugins)",
      "profile: strict"
          + "| c.yaml:1:10: unknown profile 'strict' (expected recommended, pss-baseline, pss-restricted, cis or all)",
      "profile: [all]| c.yaml:1:10: profile must be a string",
      "pssVersion: v2.0| c.yaml:1:13: invalid Pod Security Standards version 'v2.0' (expected latest or v1.N)",
      "pssVersion: 1.30| c.yaml:1:13: invalid Pod Security Standards version '1.30' (expected latest or v1.N)",
      "rules: [a]| c.yaml:1:8: rules must be a mapping",
      "rules: {a: maybe}| c.yaml:1:12: the setting of rule a must be on, off or a mapping with enabled, severity or params",
      "rules: {a: {severity: urgent}}| c.yaml:1:23: unknown severity 'urgent' (expected critical, high, medium, low or info)",
      "rules: {a: {severity: [high]}}| c.yaml:1:23: severity of rule a must be a string",
      "rules: {a: {severity: 3}}| c.yaml:1:23: unknown severity '3' (expected critical, high, medium, low or info)",
      "rules: {a: {enabled: sometimes}}| c.yaml:1:22: enabled of rule a must be true or false",
      "rules: {a: {params: [x]}}| c.yaml:1:21: params of rule a must be a mapping",
      "rules: {a: {params: {p: {x: 1}}}}| c.yaml:1:25: parameter p of rule a must be a single value or a list of values",
      "rules: {a: {params: {p: [[x]]}}}| c.yaml:1:26: every item of parameter p of rule a must be a single value",
      "rules: {a: {level: 3}}| c.yaml:1:13: unknown key 'level' in the setting of rule a (expected enabled, severity, params)",
      "exemptions: {rule: a}| c.yaml:1:13: exemptions must be a list",
      "exemptions: [{rule: a}]| c.yaml:1:14: an exemption of rule a needs a reason",
      "exemptions: [{rule: a, reason: ''}]| c.yaml:1:32: an exemption of rule a needs a reason",
      "exemptions: [{rule: a, reason: ok, names: x}]| c.yaml:1:36: unknown key 'names' in an exemption (expected rule, kind, namespace, name, file, reason)",
      "exemptions: [{reason: ok}]| c.yaml:1:14: an exemption needs the rule it exempts from",
      "exemptions: [a]| c.yaml:1:14: an exemption must be a mapping",
      "exemptions: [{rule: a, reason: ok, kind: [x]}]| c.yaml:1:42: kind must be a string",
      "workloadKinds: [{kind: Thing}]| c.yaml:1:17: workload kind Thing needs a templatePath",
      "workloadKinds: [{templatePath: spec.template}]| c.yaml:1:17: a workload kind needs a kind",
      "workloadKinds: [{kind: Thing, templatePath: spec..template}]| c.yaml:1:45: templatePath of workload kind Thing must be dotted keys such as spec.template",
      "plugins: x.jar| c.yaml:1:10: plugins must be a list",
      "plugins: [[x.jar]]| c.yaml:1:11: every item of plugins must be a string",
      "plugins: ['']| c.yaml:1:11: every item of plugins must be a path to a jar file or a directory of jars",
      "[1, 2]| c.yaml:1:1: the configuration must be a mapping",
      "profile: all\\nprofile: cis| c.yaml:2:1: duplicate key 'profile' (first at 1:1)",
      "rules: {a: [|c.yaml:2:1: malformed YAML: expected a value, but found the end of the input"
  })
  void problemsNameTheFileLineAndColumn(String text, String message) {
    assertThatThrownBy(() -> ConfigurationFile.parse("c.yaml", text.translateEscapes() + "\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".kubeward.yaml");
    Files.writeString(file, EXAMPLE);

    assertThat(ConfigurationFile.read(file)).isEqualTo(ConfigurationFile.parse("x", EXAMPLE));
    Files.writeString(file, "profile: cis\nrules: {a: {severity: loud}}\n");
    assertThatThrownBy(() -> ConfigurationFile.read(file))
        .hasMessage(file + ":2:23: unknown severity 'loud' (expected critical, high, medium, low or info)");
  }

  @Test
  void unreadableFiles(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.yaml");
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "profile: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> ConfigurationFile.read(missing)).hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> ConfigurationFile.read(latin1)).hasMessage(latin1 + ": the configuration file is not UTF-8 text");
    assertThatThrownBy(() -> ConfigurationFile.read(dir))
        .hasMessage(dir + ": cannot read the configuration file (IOException)");
  }

  @Test
  void aFileConfiguresAScan() {
    TestRules.Recording privileged = TestRules.reportingEach(TestRules.metadata("privileged-container", GroupKind.DAEMON_SET).build());
    TestRules.Recording optIn = TestRules.reportingEach(TestRules.metadata("opt-in-check", GroupKind.DAEMON_SET).optIn().build());
    TestRules.Recording noisy = TestRules.reportingEach(TestRules.metadata("noisy", GroupKind.DAEMON_SET).build());
    Configuration config = ConfigurationFile.parse(".kubeward.yaml", """
        rules:
          noisy: off
          opt-in-check: {enabled: yes, severity: info}
          too-many-keys: {params: {maxKeys: 0, allowed: [x]}}
        exemptions:
          - {rule: privileged-container, kind: DaemonSet, namespace: kube-system, name: "cilium*", reason: CNI needs privileges}
        workloadKinds:
          - {apiGroup: example.com, kind: Thing, templatePath: spec.template}
        """);
    Kubeward scanner = Kubeward.builder()
        .rules(List.of(privileged, optIn, noisy, new TestRules.Limited()))
        .configuration(config)
        .build();

    ScanReport report = scanner.scanString("ds.yaml", """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: cilium, namespace: kube-system}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cm}
        data: {a: b}
        """);

    assertThat(scanner.rules()).extracting(r -> r.metadata().id())
        .containsExactly(Kubeward.DUPLICATE_OBJECT, "opt-in-check", "privileged-container", Kubeward.SUPPRESSION_WITHOUT_REASON, "too-many-keys");
    assertThat(report.findings()).extracting(Finding::toString).containsExactly(
        "ds.yaml:1:1: INFO opt-in-check saw DaemonSet kube-system/cilium [opt-in-check]",
        "ds.yaml:1:1: MEDIUM privileged-container saw DaemonSet kube-system/cilium [privileged-container] (suppressed)",
        "ds.yaml:8:7: MEDIUM ConfigMap cm has 1 keys (strict false, allowed [x]) [too-many-keys]");
    assertThat(report.findings().get(1).suppression()).isEqualTo("CNI needs privileges");
    assertThat(scanner.loader().workloadKinds().isCarrierKind("Thing")).isTrue();
  }

  @Test
  void aConfiguredUnknownRuleIsReportedWhenTheScannerIsBuilt() {
    Configuration config = ConfigurationFile.parse("c.yaml", "rules: {imagenotpinned: off}\n");

    assertThatThrownBy(() -> Kubeward.builder().rules(List.<dev.kubeward.rule.Rule>of()).configuration(config).build())
        .hasMessage("unknown rule 'imagenotpinned'");
  }
}
