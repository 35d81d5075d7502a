/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.model.GroupKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The vocabulary of controls: known prefixes, each with the form of its ids. */
class ControlsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "pss-baseline:privileged",
      "pss-baseline:capabilities_baseline",
      "pss-restricted:runAsNonRoot",
      "pss-restricted:seccompProfile_restricted",
      "cis-k8s:1.1.1",
      "cis-k8s:1.2.30",
      "cis-k8s:2.7",
      "cis-k8s:3.2.2",
      "cis-k8s:4.2.14",
      "cis-k8s:5.2.11",
      "cis-k8s:5.6.4",
      "nsa-cisa:pod-security",
      "nsa-cisa:network_separation.2",
      "mitre-attack:T1611",
      "mitre-attack:T1552.007",
      "cve:CVE-2020-8554",
      "cve:CVE-2024-10220"})
  void acceptsEachKnownForm(String control) {
    assertThat(Controls.isValid(control)).isTrue();
    assertThat(Controls.requireValid(control)).isEqualTo(control);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pss-baseline:                | is not of the form pss-baseline:<check> with a Pod Security Admission check id",
      "pss-baseline:Privileged      | is not of the form pss-baseline:<check> with a Pod Security Admission check id",
      "pss-restricted:run as root   | is not of the form pss-restricted:<check> with a Pod Security Admission check id",
      "cis-k8s:5.7.4                | is not a recommendation of the CIS Kubernetes Benchmark 1.12",
      "cis-k8s:5.2.13               | is not a recommendation of the CIS Kubernetes Benchmark 1.12",
      "cis-k8s:4.2.15               | is not a recommendation of the CIS Kubernetes Benchmark 1.12",
      "cis-k8s:5.2                  | is not a recommendation of the CIS Kubernetes Benchmark 1.12",
      "cis-k8s:                     | is not a recommendation of the CIS Kubernetes Benchmark 1.12",
      "nsa-cisa:                    | is not of the form nsa-cisa:<id> with letters, digits, '.', '_' and '-'",
      "nsa-cisa:-pods               | is not of the form nsa-cisa:<id> with letters, digits, '.', '_' and '-'",
      "nsa-cisa:pod security        | is not of the form nsa-cisa:<id> with letters, digits, '.', '_' and '-'",
      "mitre-attack:1611            | is not of the form mitre-attack:T1234 or mitre-attack:T1234.001",
      "mitre-attack:T161            | is not of the form mitre-attack:T1234 or mitre-attack:T1234.001",
      "mitre-attack:T1552.7         | is not of the form mitre-attack:T1234 or mitre-attack:T1234.001",
      "mitre-attack:TA0004          | is not of the form mitre-attack:T1234 or mitre-attack:T1234.001",
      "cve:2020-8554                | is not of the form cve:CVE-2020-8554",
      "cve:CVE-2020-855             | is not of the form cve:CVE-2020-8554",
      "cve:cve-2020-8554            | is not of the form cve:CVE-2020-8554",
      "mitre:T1611                  | has no known prefix (expected pss-baseline:, pss-restricted:, cis-k8s:, nsa-cisa:, mitre-attack: or cve:)",
      "cis-k8s-eks:4.1.1            | has no known prefix (expected pss-baseline:, pss-restricted:, cis-k8s:, nsa-cisa:, mitre-attack: or cve:)",
      "cis-k8s-gke:4.1.1            | has no known prefix (expected pss-baseline:, pss-restricted:, cis-k8s:, nsa-cisa:, mitre-attack: or cve:)",
      "privileged                   | has no known prefix (expected pss-baseline:, pss-restricted:, cis-k8s:, nsa-cisa:, mitre-attack: or cve:)"})
  void rejectsWhatIsNotOfItsPrefixsForm(String control, String problem) {
    assertThat(Controls.isValid(control)).isFalse();
    assertThatThrownBy(() -> Controls.requireValid(control))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("control '" + control + "' " + problem);
  }

  @Test
  void ruleMetadataRejectsACisIdTheBenchmarkDoesNotHave() {
    RuleMetadata.Builder builder = RuleMetadata.builder("old-numbering").title("Old numbering")
        .severity(Severity.LOW).topic(Topic.TENANCY).kinds(GroupKind.POD).rationale("For tests.")
        .remediation("Renumber.").controls("cis-k8s:5.6.4", "cis-k8s:5.7.4");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("control 'cis-k8s:5.7.4' of rule old-numbering is not a recommendation of the CIS Kubernetes"
            + " Benchmark 1.12");
  }

  @Test
  void ruleMetadataRejectsAnUnknownPrefix() {
    RuleMetadata.Builder builder = RuleMetadata.builder("old-prefix").title("Old prefix")
        .severity(Severity.LOW).topic(Topic.TENANCY).kinds(GroupKind.POD).rationale("For tests.")
        .remediation("Use mitre-attack.").controls("mitre:T1611");

    assertThatThrownBy(builder::build)
        .hasMessage("control 'mitre:T1611' of rule old-prefix has no known prefix (expected pss-baseline:,"
            + " pss-restricted:, cis-k8s:, nsa-cisa:, mitre-attack: or cve:)");
  }

  @Test
  void theBenchmarkTableHoldsEveryRecommendationOfVersion112() {
    assertThat(Controls.CIS_K8S_VERSION).isEqualTo("1.12");
    // 1.1: 21, 1.2: 30, 1.3: 7, 1.4: 2, 2: 7, 3: 5, 4.1: 10, 4.2: 14, 4.3: 1, 5: 34.
    assertThat(Controls.cisK8s()).hasSize(131);
    assertThat(Controls.cisK8s().keySet()).startsWith("1.1.1", "1.1.2").endsWith("5.6.3", "5.6.4")
        .contains("1.2.30", "2.1", "2.7", "3.1.1", "3.2.2", "4.2.14", "4.3.1", "5.1.13", "5.2.12", "5.5.1")
        .doesNotContain("1.2.31", "4.2.15", "5.2.13", "5.7.1");
    assertThat(Controls.cisK8sTitle("5.2.11")).isEqualTo("HostPath volumes are minimized");
    assertThat(Controls.cisK8sTitle("5.6.4")).isEqualTo("the default namespace is not used");
    assertThat(Controls.cisK8sTitle("5.7.4")).isNull();
  }
}
