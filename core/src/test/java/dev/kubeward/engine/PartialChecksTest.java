/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings on documents checked in part: unverified when they depend on a placeholder, named after
 * their chart template, dropped on kustomize patches when they are about a field the patch leaves
 * out; and the exit code.
 */
class PartialChecksTest {

  /** Reports the image of the first container, at the image. */
  private final TestRules.Recording image = new TestRules.Recording(
      TestRules.metadata("image", GroupKind.DEPLOYMENT).build(), (r, c) -> {
        Node at = container(r.root()).get("image");
        if (!at.isMissing()) {
          c.report(r, at, "image " + at.text());
        }
      });

  /** Reports a first container without resources.limits, at the container. */
  private final TestRules.Recording limits = new TestRules.Recording(
      TestRules.metadata("limits", GroupKind.DEPLOYMENT).build(), (r, c) -> {
        Node container = container(r.root());
        if (!container.isMissing() && container.get("resources").get("limits").isMissing()) {
          c.report(r, container, "no limits");
        }
      });

  /** Reports securityContext.privileged: true, at the value. */
  private final TestRules.Recording privileged = new TestRules.Recording(
      TestRules.metadata("privileged", GroupKind.DEPLOYMENT).build(), (r, c) -> {
        Node at = container(r.root()).get("securityContext").get("privileged");
        if (at.isTrue()) {
          c.report(r, at, "privileged");
        }
      });

  /** Reports a Deployment without a namespace, at the object. */
  private final TestRules.Recording namespace = new TestRules.Recording(
      TestRules.metadata("namespace", GroupKind.DEPLOYMENT).build(), (r, c) -> {
        if (r.namespace() == null) {
          c.report(r, null, "no namespace");
        }
      });

  /** Reports the name of a Deployment, related to its image. */
  private final TestRules.Recording related = new TestRules.Recording(
      TestRules.metadata("related", GroupKind.DEPLOYMENT).build(), (r, c) -> c.finding(r, r.root().get("metadata").get("name"))
          .message("named").related(r, container(r.root()).get("image"), "its image").report());

  private static Node container(Node root) {
    return root.get("spec").get("template").get("spec").get("containers").get(0);
  }

  private Kubeward scanner() {
    return Kubeward.builder().rules(List.of(image, limits, privileged, namespace, related)).build();
  }

  private static String deployment(String image) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n"
        + "      containers:\n        - name: app\n          image: " + image + "\n";
  }

  @Test
  void findingsThatDependOnAPlaceholderAreMarkedUnverifiedAndTheScanExitsTwo() {
    ScanReport report = scanner().scanString("web.yaml", deployment("registry/web:{{ .Values.tag }}"));

    assertThat(report.findings()).extracting(f -> f.rule() + "@" + f.line() + ":" + f.column() + (f.unverified() ? " unverified" : ""))
        .containsExactly("namespace@1:1", "related@3:18 unverified", "limits@8:11", "image@9:18 unverified");
    assertThat(report.unverifiedCount()).isEqualTo(2);
    assertThat(report.partial()).hasSize(1);
    assertThat(report.errors()).isEmpty();
    assertThat(report.exitCode(Severity.LOW)).isEqualTo(2);
    assertThat(report.exitCode(Severity.LOW, true)).isEqualTo(1);
    assertThat(report.exitCode(Severity.CRITICAL, true)).isZero();
  }

  @Test
  void aDocumentWithoutPlaceholdersIsFullyChecked() {
    ScanReport report = scanner().scanString("web.yaml", deployment("registry/web:$(TAG)"));
    assertThat(report.findings()).noneMatch(Finding::unverified);
    assertThat(report.partial()).isEmpty();
    assertThat(report.exitCode(Severity.CRITICAL)).isZero();
  }

  @Test
  void findingsOnHelmTemplateOutputNameTheirChartTemplate() {
    ScanReport report = scanner().scanString("-", "---\n# Source: shop/templates/web.yaml\n" + deployment("nginx:1.27"));
    assertThat(report.findings()).extracting(f -> f.location() + " " + f.template()).containsExactly(
        "-:3:1 shop/templates/web.yaml", "-:5:18 shop/templates/web.yaml", "-:10:11 shop/templates/web.yaml",
        "-:11:18 shop/templates/web.yaml");
  }

  @Test
  void onAKustomizePatchOnlyFindingsOnValuesItSetsStay(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: [web.yaml]\npatches:\n  - path: patch.yaml\n");
    Files.writeString(dir.resolve("web.yaml"), deployment("nginx:1.27"));
    Files.writeString(dir.resolve("patch.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"
        + "spec:\n  template:\n    spec:\n      containers:\n        - name: app\n"
        + "          securityContext: {privileged: true}\n");
    TestRules.Cross inventory = new TestRules.Cross(TestRules.metadata("inventory", GroupKind.DEPLOYMENT).build(), (i, c) -> { });
    Kubeward scanner = Kubeward.builder().rules(List.of(image, limits, privileged, namespace, related, inventory)).build();

    ScanReport report = scanner.scan(scanner.loader().load(dir));

    assertThat(report.findings()).extracting(f -> f.rule() + " " + f.file().substring(dir.toString().length() + 1)
        + ":" + f.line()).containsExactly(
        "related patch.yaml:3", "privileged patch.yaml:9",
        "namespace web.yaml:1", "related web.yaml:3", "limits web.yaml:8", "image web.yaml:9");
    assertThat(report.partial()).extracting(p -> p.line() + ":" + p.column()).containsExactly("1:1");
    assertThat(inventory.calls).as("the patch is no object of the inventory").containsExactly(1);
    assertThat(report.exitCode(Severity.LOW)).isEqualTo(2);
    assertThat(report.exitCode(Severity.LOW, true)).isEqualTo(1);
  }
}
