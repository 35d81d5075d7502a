/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import static dev.kubeward.assertj.AssertionMessagesTest.SHOP;
import static dev.kubeward.assertj.AssertionMessagesTest.report;
import static dev.kubeward.assertj.AssertionMessagesTest.shop;
import static dev.kubeward.assertj.KubewardAssertions.assertThat;
import static dev.kubeward.assertj.KubewardAssertions.then;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.io.TempDir;

/** What the assertions accept and reject, in plain, given-when-then, soft and subclassed use. */
@ExtendWith(SoftAssertionsExtension.class)
class AssertionsTest {

  /** The shop of {@link AssertionMessagesTest} with its findings fixed. */
  static final String FIXED = SHOP.replace("nginx:latest", "nginx:1.27").replace("privileged: true", "privileged: false")
      .replace("ghcr.io/acme/api", "ghcr.io/acme/api:2.1");

  @InjectSoftAssertions
  KubewardSoftAssertions injected;

  @Test
  void aSelectionNarrowsByObjectAndPosition() {
    assertThat(shop())
        .hasFinding("test-latest-image").on("Deployment", "shop", "api").atLine(23).atLine(23, 18)
        .hasFinding("test-privileged").on("Pod", "shop", "web").atLine(11, 21)
        .loadsWithoutErrors();
    assertThatThrownBy(() -> assertThat(shop()).doesNotHaveFinding("test-host-network"))
        .hasMessageContaining("but that rule did not run");
    assertThat(report()).hasFinding("test-latest-image").atLine(9).on("Pod", "shop", "web");
  }

  @Test
  void narrowingNeedsASelection() {
    assertThatThrownBy(() -> assertThat(report()).atLine(9))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("hasFinding(rule-id) selects the findings to narrow; call it first");
  }

  @Test
  void fixedManifestsPassWhatTheShopFails() {
    Manifests fixed = Manifests.of("shop.yaml", FIXED);
    assertThat(fixed).isCompliantWith(Profile.ALL).hasNoFindingsAtOrAbove(Severity.INFO)
        .doesNotHaveFinding("test-privileged").doesNotHaveFinding("test-latest-image");
    assertThatThrownBy(() -> assertThat(fixed).hasFinding("test-privileged")).isInstanceOf(AssertionError.class);
    assertThat(shop()).hasNoFindingsAtOrAbove(Severity.CRITICAL);
  }

  @Test
  void ignoredRulesAreLeftOutAndMustExist() {
    Manifests onlyPrivileged = Manifests.of("shop.yaml", SHOP.replace("nginx:latest", "nginx:1.27")
        .replace("ghcr.io/acme/api", "ghcr.io/acme/api:2.1"));
    assertThat(onlyPrivileged).ignoringRules("test-privileged").isCompliantWith(Profile.ALL)
        .isCompliantWith(Kubeward.builder().build());
    assertThatThrownBy(() -> assertThat(onlyPrivileged).isCompliantWith(Profile.ALL)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(shop()).ignoringRules("test-latest").isCompliantWith(Profile.ALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown rule 'test-latest'");
  }

  @Test
  void nothingLoadedIsNeverCompliant() {
    Manifests empty = Manifests.of("empty.yaml", "# helm template failed\n");
    assertThatThrownBy(() -> assertThat(empty).isCompliantWith(Profile.PSS_RESTRICTED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be compliant with profile pss-restricted")
        .hasMessageContaining("but no Kubernetes object was loaded, so nothing was checked");
    assertThatThrownBy(() -> assertThat(empty).hasNoFindingsAtOrAbove(Severity.LOW))
        .hasMessageContaining("but no Kubernetes object was loaded");
    assertThatThrownBy(() -> assertThat(empty).doesNotHaveFinding("test-privileged"))
        .hasMessageContaining("but no Kubernetes object was loaded");
  }

  @Test
  void noRuleRunningIsNeverCompliant() {
    assertThatThrownBy(() -> assertThat(shop()).ignoringRules("test-latest-image", "test-privileged")
        .isCompliantWith(Profile.ALL))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but no rule ran, so nothing was checked: add the rules jars")
        .hasMessageContaining("dev.kubeward:kubeward-rules-workload");
    Kubeward none = Kubeward.builder().rules(List.of()).build();
    assertThatThrownBy(() -> assertThat(Manifests.of("shop.yaml", FIXED)).isCompliantWith(none))
        .hasMessageContaining("but no rule ran");
    assertThatThrownBy(() -> assertThat(Manifests.of("shop.yaml", FIXED)).doesNotHaveFinding("privileged-container"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have no finding of privileged-container")
        .hasMessageContaining("but that rule did not run");
  }

  @Test
  void aConfigurationIsAppliedOnlyWhenGiven(@TempDir Path dir) throws IOException {
    Path config = Files.writeString(dir.resolve("kubeward.yaml"), """
        rules:
          test-latest-image: off
          test-privileged: {severity: low}
        """);
    assertThat(shop()).withConfig(config)
        .hasNoFindingsAtOrAbove(Severity.MEDIUM)
        .hasFinding("test-privileged");
    assertThatThrownBy(() -> assertThat(shop()).withConfig(config).doesNotHaveFinding("test-latest-image"))
        .hasMessageContaining("but that rule did not run, so nothing was checked (its rules jar is not on the test"
            + " class path, or the profile or the configuration leaves it out)");
    assertThatThrownBy(() -> assertThat(shop()).hasNoFindingsAtOrAbove(Severity.MEDIUM))
        .isInstanceOf(AssertionError.class);
    Files.writeString(dir.resolve("kubeward.yaml"), "profile: strict\n");
    assertThatThrownBy(() -> assertThat(shop()).withConfig(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(config + ":1:10: unknown profile 'strict' (expected recommended, pss-baseline, pss-restricted, cis"
            + " or all)");
  }

  @Test
  void errorsAreAssertedBothWays() {
    Manifests broken = Manifests.of("broken.yaml", "apiVersion: v1\nkind: Pod\nkind: Pod\n");
    assertThat(broken).hasErrors();
    assertThat(Kubeward.builder().build().scanString("broken.yaml", "a: [\n")).hasErrors();
    assertThat(shop()).loadsWithoutErrors();
    assertThat(report()).hasNoErrors();
  }

  @Test
  void findingsNavigateToAListAssert() {
    assertThat(shop()).findings()
        .extracting(Finding::rule, Finding::line)
        .containsExactly(tuple("test-latest-image", 9), tuple("test-privileged", 11), tuple("test-latest-image", 23));
    assertThat(report()).findings().hasSize(3).allMatch(f -> f.file().equals("shop.yaml"));
    assertThatThrownBy(() -> assertThat(report()).findings().isEmpty()).isInstanceOf(AssertionError.class);
  }

  @Test
  void thenReadsAsGivenWhenThen() {
    then(shop()).hasFinding("test-privileged");
    then(report()).hasFinding("test-privileged").atLine(11);
  }

  @Test
  void softAssertionsCollectEveryFailure() {
    KubewardSoftAssertions softly = new KubewardSoftAssertions();
    softly.assertThat(shop()).hasFinding("test-host-network").on("Pod", "shop", "web").atLine(3);
    softly.assertThat(shop()).doesNotHaveFinding("test-privileged").loadsWithoutErrors();
    softly.then(report()).hasFinding("test-privileged").on("Pod", "shop", "nope");
    softly.assertThat(report()).findings().hasSize(2);
    softly.assertThat(shop()).findings().isEmpty();
    softly.assertThat(List.of(1)).isEmpty();
    List<Throwable> errors = softly.errorsCollected();
    Assertions.assertThat(errors).hasSize(6);
    Assertions.assertThat(errors.get(0)).hasMessageContaining("to have a finding of test-host-network\n");
    Assertions.assertThat(errors.get(1)).hasMessageContaining("to have no finding of test-privileged\n");
    Assertions.assertThat(errors.get(2)).hasMessageContaining("to have a finding of test-privileged on Pod shop/nope\n");
    Assertions.assertThat(errors.get(3)).hasMessageContaining("Expected size: 2 but was: 3");
    assertThatThrownBy(softly::assertAll).isInstanceOf(AssertJMultipleFailuresError.class);
  }

  @Test
  void softAssertionsPassWhenEverythingHolds() {
    assertThatCode(() -> KubewardSoftAssertions.assertSoftly(softly -> {
      softly.assertThat(shop()).hasFinding("test-privileged").atLine(11);
      softly.assertThat(report()).findings().hasSize(3);
    })).doesNotThrowAnyException();
  }

  @Test
  void theJunitExtensionInjectsKubewardSoftAssertions() {
    injected.assertThat(shop()).hasFinding("test-latest-image").on("Deployment", "shop", "api");
    injected.assertThat("text").startsWith("te");
  }

  @Test
  void anyAssertjSoftAssertionsCanProxyTheAssertions() {
    SoftAssertions softly = new SoftAssertions();
    softly.proxy(ManifestsAssert.class, Manifests.class, shop()).doesNotHaveFinding("test-privileged");
    softly.proxy(ScanReportAssert.class, dev.kubeward.engine.ScanReport.class, report()).hasNoErrors();
    Assertions.assertThat(softly.errorsCollected()).hasSize(1);
  }

  /** A team's own assertion, built on the abstract one: inherited assertions keep its type. */
  static final class ShopAssert extends AbstractManifestsAssert<ShopAssert> {
    ShopAssert(Manifests actual) {
      super(actual, ShopAssert.class);
    }

    ShopAssert runsNothingPrivileged() {
      return doesNotHaveFinding("test-privileged");
    }
  }

  @Test
  void subclassesKeepTheirOwnType() {
    ShopAssert fixed = new ShopAssert(Manifests.of("shop.yaml", FIXED));
    fixed.loadsWithoutErrors().runsNothingPrivileged().hasNoFindingsAtOrAbove(Severity.LOW).runsNothingPrivileged();
    assertThatThrownBy(() -> new ShopAssert(shop()).hasFinding("test-latest-image").runsNothingPrivileged())
        .hasMessageContaining("to have no finding of test-privileged");
  }
}
