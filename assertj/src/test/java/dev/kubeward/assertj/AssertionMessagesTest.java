/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import static dev.kubeward.assertj.KubewardAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.rule.Severity;
import org.junit.jupiter.api.Test;

/**
 * Every failure message, pinned: today's layout ({@code Expecting <what> / to <expectation> /
 * but <what was found>}), and for each finding that should not be there its rule's remediation
 * and the annotation that would suppress it.
 */
class AssertionMessagesTest {

  /** A Pod with a privileged container on the latest tag, and a Deployment on an untagged image. */
  static final String SHOP = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        namespace: shop
      spec:
        containers:
          - name: app
            image: nginx:latest
            securityContext:
              privileged: true
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
      spec:
        template:
          spec:
            containers:
              - name: api
                image: ghcr.io/acme/api
      """;

  static final String WEB_PRIVILEGED =
      "  shop.yaml:11:21: HIGH container \"app\" of Pod shop/web runs privileged [test-privileged]%n";
  static final String WEB_LATEST =
      "  shop.yaml:9:14: MEDIUM container \"app\" of Pod shop/web uses image \"nginx:latest\" [test-latest-image]%n";
  static final String API_LATEST = "  shop.yaml:23:18: MEDIUM container \"api\" of Deployment shop/api uses image"
      + " \"ghcr.io/acme/api\" [test-latest-image]%n";
  static final String FIX_PRIVILEGED = "    fix: Set securityContext.privileged to false.%n";
  static final String FIX_LATEST = "    fix: Pin the image to a version.%n";

  static Manifests shop() {
    return Manifests.of("shop.yaml", SHOP);
  }

  static ScanReport report() {
    return Kubeward.builder().build().scanString("shop.yaml", SHOP);
  }

  static String message(String format) {
    String text = String.format(format);
    return text.endsWith(String.format("%n")) ? text.substring(0, text.length() - String.format("%n").length()) : text;
  }

  @Test
  void isCompliantWith() {
    assertThatThrownBy(() -> assertThat(shop()).isCompliantWith(Profile.RECOMMENDED))
        .isInstanceOf(AssertionError.class)
        .hasMessage(message("%nExpecting manifests%n  <shop.yaml>%nto be compliant with profile recommended%n"
            + "but found 3 findings:%n"
            + WEB_LATEST + FIX_LATEST
            + "    suppress: annotate Pod shop/web with ignore.kubeward.dev/test-latest-image: \"<reason>\"%n"
            + WEB_PRIVILEGED + FIX_PRIVILEGED
            + "    suppress: annotate Pod shop/web with ignore.kubeward.dev/test-privileged: \"<reason>\"%n"
            + API_LATEST + FIX_LATEST
            + "    suppress: annotate Deployment shop/api with ignore.kubeward.dev/test-latest-image: \"<reason>\"%n"));
  }

  @Test
  void isCompliantWithIgnoringRules() {
    assertThatThrownBy(() -> assertThat(shop()).ignoringRules("test-latest-image").isCompliantWith(Profile.ALL))
        .hasMessage(message("%nExpecting manifests%n  <shop.yaml>%nto be compliant with profile all ignoring"
            + " test-latest-image%nbut found 1 finding:%n"
            + WEB_PRIVILEGED + FIX_PRIVILEGED
            + "    suppress: annotate Pod shop/web with ignore.kubeward.dev/test-privileged: \"<reason>\"%n"));
  }

  @Test
  void manifestsThatCannotBeRead() {
    Manifests broken = Manifests.of("broken.yaml", "apiVersion: v1\nkind: Pod\nkind: Pod\n");
    assertThatThrownBy(() -> assertThat(broken).isCompliantWith(Profile.RECOMMENDED))
        .hasMessage(message("%nExpecting manifests%n  <broken.yaml>%nto be compliant with profile recommended%n"
            + "but 1 could not be read:%n  broken.yaml:3:1: duplicate key 'kind' (first at 2:1)%n"));
    assertThatThrownBy(() -> assertThat(broken).loadsWithoutErrors())
        .hasMessage(message("%nExpecting manifests%n  <broken.yaml>%nto load without errors%n"
            + "but 1 could not be read:%n  broken.yaml:3:1: duplicate key 'kind' (first at 2:1)%n"));
    assertThatThrownBy(() -> assertThat(broken).doesNotHaveFinding("test-privileged"))
        .hasMessage(message("%nExpecting manifests%n  <broken.yaml>%nto have no finding of test-privileged%n"
            + "but 1 could not be read:%n  broken.yaml:3:1: duplicate key 'kind' (first at 2:1)%n"));
    assertThatThrownBy(() -> assertThat(broken).hasNoFindingsAtOrAbove(Severity.HIGH))
        .hasMessage(message("%nExpecting manifests%n  <broken.yaml>%nto have no findings at or above HIGH%n"
            + "but 1 could not be read:%n  broken.yaml:3:1: duplicate key 'kind' (first at 2:1)%n"));
  }

  @Test
  void hasErrors() {
    assertThatThrownBy(() -> assertThat(shop()).hasErrors())
        .hasMessage(message("%nExpecting manifests%n  <shop.yaml>%nto have errors%nbut every input was read%n"));
    assertThatThrownBy(() -> assertThat(report()).hasErrors())
        .hasMessage(message("%nExpecting scan report%nto have errors%nbut every input was read%n"));
  }

  @Test
  void hasNoFindingsAtOrAbove() {
    assertThatThrownBy(() -> assertThat(shop()).hasNoFindingsAtOrAbove(Severity.HIGH))
        .hasMessage(message("%nExpecting manifests%n  <shop.yaml>%nto have no findings at or above HIGH%n"
            + "but found 1:%n"
            + WEB_PRIVILEGED + FIX_PRIVILEGED
            + "    suppress: annotate Pod shop/web with ignore.kubeward.dev/test-privileged: \"<reason>\"%n"));
  }

  @Test
  void hasFinding() {
    assertThatThrownBy(() -> assertThat(report()).hasFinding("test-host-network"))
        .hasMessage(message("%nExpecting scan report%nto have a finding of test-host-network%nbut found:%n"
            + WEB_LATEST + WEB_PRIVILEGED + API_LATEST));
  }

  @Test
  void hasFindingOn() {
    assertThatThrownBy(() -> assertThat(shop()).hasFinding("test-privileged").on("Deployment", "shop", "api"))
        .hasMessage(message("%nExpecting manifests%n  <shop.yaml>%n"
            + "to have a finding of test-privileged on Deployment shop/api%nbut found:%n" + WEB_PRIVILEGED));
  }

  @Test
  void hasFindingAtLine() {
    assertThatThrownBy(() -> assertThat(report()).hasFinding("test-latest-image").on("Pod", "shop", "web").atLine(10))
        .hasMessage(message("%nExpecting scan report%n"
            + "to have a finding of test-latest-image on Pod shop/web at line 10%nbut found:%n" + WEB_LATEST));
    assertThatThrownBy(() -> assertThat(report()).hasFinding("test-latest-image").atLine(9, 7))
        .hasMessage(message("%nExpecting scan report%n"
            + "to have a finding of test-latest-image at line 9, column 7%nbut found:%n" + WEB_LATEST + API_LATEST));
  }

  @Test
  void doesNotHaveFinding() {
    assertThatThrownBy(() -> assertThat(report()).doesNotHaveFinding("test-latest-image"))
        .hasMessage(message("%nExpecting scan report%nto have no finding of test-latest-image%nbut found 2:%n"
            + WEB_LATEST + FIX_LATEST
            + "    suppress: annotate Pod shop/web with ignore.kubeward.dev/test-latest-image: \"<reason>\"%n"
            + API_LATEST + FIX_LATEST
            + "    suppress: annotate Deployment shop/api with ignore.kubeward.dev/test-latest-image: \"<reason>\"%n"));
  }

  @Test
  void hasNoFindings() {
    ScanReport onlyPrivileged = Kubeward.builder().onlyRules(java.util.Set.of("test-privileged")).build()
        .scanString("shop.yaml", SHOP);
    assertThatThrownBy(() -> assertThat(onlyPrivileged).hasNoFindings())
        .hasMessage(message("%nExpecting scan report%nto have no findings%nbut found 1:%n"
            + WEB_PRIVILEGED + FIX_PRIVILEGED
            + "    suppress: annotate Pod shop/web with ignore.kubeward.dev/test-privileged: \"<reason>\"%n"));
  }

  @Test
  void aDescriptionComesFirst() {
    assertThatThrownBy(() -> assertThat(shop()).as("generated for prod").hasFinding("test-host-network"))
        .hasMessageStartingWith(message("[generated for prod] %nExpecting manifests%n  <shop.yaml>%n"
            + "to have a finding of test-host-network%nbut found:%n"));
  }
}
