/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.examples;

import static dev.kubeward.assertj.KubewardAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.assertj.KubewardSoftAssertions;
import dev.kubeward.assertj.Manifests;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Profile;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a team writes to keep generated manifests compliant: one assertion per policy, with a
 * failure message that points at file:line:col.
 */
class ManifestAssertionsTest {

  static final Path HARDENED = Path.of("manifests/hardened-shop");
  static final Path INSECURE = Path.of("manifests/insecure-shop");

  static final String GENERATED = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        namespace: shop
      spec:
        hostPID: true
        containers:
          - name: app
            image: nginx:1.25
            securityContext:
              privileged: true
      """;

  @Test
  void theHardenedShopPassesEveryProfile() {
    assertThat(Manifests.at(HARDENED)).isCompliantWith(Profile.RECOMMENDED);
    assertThat(Manifests.at(HARDENED)).isCompliantWith(Profile.PSS_RESTRICTED, PssVersion.parse("v1.25"));
    assertThat(Manifests.at(HARDENED)).isCompliantWith(Profile.ALL);
  }

  @Test
  void aFailurePointsAtTheOffendingLines() {
    Manifests generated = Manifests.of("generated/web.yaml", GENERATED);
    assertThatThrownBy(() -> assertThat(generated).isCompliantWith(Profile.PSS_BASELINE))
        .isInstanceOf(AssertionError.class)
        .hasMessage(String.format("%n"
            + "Expecting manifests%n"
            + "  <generated/web.yaml>%n"
            + "to be compliant with profile pss-baseline%n"
            + "but found 2 findings:%n"
            + "  generated/web.yaml:7:12: HIGH Pod shop/web must not set hostPID=true (it shares the host's process namespace) [host-namespaces]%n"
            + "    fix: Remove spec.hostNetwork, spec.hostPID and spec.hostIPC or set them to false.%n"
            + "    suppress: annotate Pod shop/web with ignore.kubeward.dev/host-namespaces: \"<reason>\"%n"
            + "  generated/web.yaml:12:21: HIGH container \"app\" of Pod shop/web must not set"
            + " securityContext.privileged=true [privileged-container]%n"
            + "    fix: Remove securityContext.privileged or set it to false.%n"
            + "    suppress: annotate Pod shop/web with ignore.kubeward.dev/privileged-container: \"<reason>\""));
  }

  @Test
  void aFindingIsPinnedToItsObjectAndPosition() {
    assertThat(Manifests.at(INSECURE))
        .hasFinding("privileged-container").on("Deployment", "insecure-shop", "frontend").atLine(32, 25)
        .hasFinding("host-namespaces").on("Deployment", "insecure-shop", "payments").atLine(22)
        .findings().extracting(Finding::rule).contains("image-not-pinned");
    assertThat(Manifests.at(HARDENED)).doesNotHaveFinding("privileged-container").doesNotHaveFinding("host-namespaces");
  }

  @Test
  void acceptedRulesAreNamedInTheTest() {
    assertThat(Manifests.of("generated/web.yaml", GENERATED))
        .ignoringRules("host-namespaces", "privileged-container")
        .isCompliantWith(Profile.PSS_BASELINE);
  }

  @Test
  void theTeamsConfigurationIsGivenExplicitly(@TempDir Path dir) throws IOException {
    Path config = Files.writeString(dir.resolve(".kubeward.yaml"), "rules:\n  image-not-pinned: {severity: info}\n");
    assertThat(Manifests.at(INSECURE)).withConfig(config).findings()
        .filteredOn(f -> f.rule().equals("image-not-pinned")).isNotEmpty()
        .allMatch(f -> f.severity() == Severity.INFO);
    assertThat(Manifests.at(INSECURE)).hasFinding("image-not-pinned");
  }

  @Test
  void softAssertionsCheckEveryPolicyAndReportEveryFailure() {
    KubewardSoftAssertions.assertSoftly(softly -> {
      softly.assertThat(Manifests.at(HARDENED)).hasNoFindingsAtOrAbove(Severity.LOW);
      softly.assertThat(Manifests.at(HARDENED)).isCompliantWith(Profile.PSS_RESTRICTED);
    });
    KubewardSoftAssertions softly = new KubewardSoftAssertions();
    softly.assertThat(Manifests.at(INSECURE)).hasNoFindingsAtOrAbove(Severity.HIGH);
    softly.assertThat(Manifests.at(INSECURE)).isCompliantWith(Profile.PSS_BASELINE);
    assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (2 failures)");
  }
}
