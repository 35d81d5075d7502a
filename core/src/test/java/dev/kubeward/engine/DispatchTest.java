/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.GroupKind;
import static dev.kubeward.engine.TestRules.metadata;
import static dev.kubeward.engine.TestRules.reportingEach;
import static dev.kubeward.engine.TestRules.silent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.Container;
import dev.kubeward.model.Resource;
import dev.kubeward.model.WorkloadKinds;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DispatchTest {

  static final String MANIFESTS = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data: {a: "1"}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          spec:
            containers:
              - name: app
                image: nginx
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                containers: [{name: job, image: busybox}]
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      ---
      apiVersion: example.com/v1
      kind: Thing
      metadata:
        name: custom
      spec:
        template:
          spec:
            containers: [{name: thing, image: thing:1}]
      """;

  private final TestRules.Recording configMaps = reportingEach(metadata("config-maps", GroupKind.CONFIG_MAP).build());
  private final TestRules.Recording images = new TestRules.Recording(
      metadata("images", RuleMetadata.WORKLOADS).severity(Severity.HIGH).topic(Topic.IMAGES)
          .controls("pss-baseline:privileged").build(),
      (r, c) -> {
        for (Container container : r.podSpec().containers()) {
          c.report(r, container.image(), container.describe() + " of " + r.displayName() + " uses image \""
              + container.image().text() + "\"");
        }
      });
  private final TestRules.Recording both = silent(metadata("both", GroupKind.DEPLOYMENT, RuleMetadata.WORKLOADS).build());
  private final TestRules.Recording everything = silent(metadata("everything", RuleMetadata.ANY).build());
  private final TestRules.Recording services = silent(metadata("services", GroupKind.SERVICE, GroupKind.INGRESS).build());

  private Kubeward scanner(Configuration configuration) {
    return Kubeward.builder()
        .rules(List.of(configMaps, images, both, everything, services))
        .configuration(configuration)
        .build();
  }

  @Test
  void rulesSeeOnlyTheKindsTheyDeclare() {
    ScanReport report = scanner(Configuration.empty()).scanString("all.yaml", MANIFESTS);

    assertThat(report.errors()).isEmpty();
    assertThat(configMaps.seen).containsExactly("ConfigMap settings");
    assertThat(images.seen).containsExactly("Deployment shop/web", "CronJob nightly");
    assertThat(both.seen).as("called once even when two declarations match").containsExactly("Deployment shop/web", "CronJob nightly");
    assertThat(services.seen).containsExactly("Service web");
    assertThat(everything.seen).containsExactly(
        "ConfigMap settings", "Deployment shop/web", "CronJob nightly", "Service web", "Thing custom");
  }

  @Test
  void declaredCarriersAreWorkloads() {
    Configuration config = Configuration.builder().workloadKinds(
        List.of(WorkloadKinds.Carrier.of("example.com", "Thing", "spec.template"))).build();

    ScanReport report = scanner(config).scanString("all.yaml", MANIFESTS);

    assertThat(images.seen).containsExactly("Deployment shop/web", "CronJob nightly", "Thing custom");
    assertThat(report.findings()).extracting(Finding::location).containsExactly(
        "all.yaml:1:1", "all.yaml:17:18", "all.yaml:28:43", "all.yaml:42:41");
  }

  @Test
  void findingsCarryEverythingAReportNeeds() {
    ScanReport report = scanner(Configuration.empty()).scanString("all.yaml", MANIFESTS);

    assertThat(report.findings()).hasSize(3);
    Finding web = report.findings().get(1);
    assertThat(web.rule()).isEqualTo("images");
    assertThat(web.severity()).isEqualTo(Severity.HIGH);
    assertThat(web.topic()).isEqualTo(Topic.IMAGES);
    assertThat(web.controls()).containsExactly("pss-baseline:privileged");
    assertThat(web.message()).isEqualTo("container \"app\" of Deployment shop/web uses image \"nginx\"");
    assertThat(web.resource()).isEqualTo(new ResourceRef("apps/v1", "Deployment", "shop", "web"));
    assertThat(web.file()).isEqualTo("all.yaml");
    assertThat(web.line()).isEqualTo(17);
    assertThat(web.column()).isEqualTo(18);
    assertThat(web.path()).isEqualTo("/spec/template/spec/containers/0/image");
    assertThat(web.suppressed()).isFalse();
    assertThat(web.suppression()).isNull();
    assertThat(web.toString()).isEqualTo(
        "all.yaml:17:18: HIGH container \"app\" of Deployment shop/web uses image \"nginx\" [images]");

    Finding config = report.findings().get(0);
    assertThat(config.location()).isEqualTo("all.yaml:1:1");
    assertThat(config.path()).as("a finding on the resource itself").isEmpty();
    assertThat(config.resource().namespace()).isNull();

    Finding cron = report.findings().get(2);
    assertThat(cron.path()).isEqualTo("/spec/jobTemplate/spec/template/spec/containers/0/image");
    assertThat(report.files()).isEqualTo(1);
    assertThat(report.documents()).isEqualTo(5);
    assertThat(report.resources()).isEqualTo(5);
    assertThat(report.toolVersion()).isEqualTo(Kubeward.VERSION);
  }

  @Test
  void controlsOfOneFindingCanReplaceTheRules() {
    TestRules.Recording rule = new TestRules.Recording(metadata("own-controls", GroupKind.CONFIG_MAP).controls("cis-k8s:5.1.1").build(),
        (r, c) -> c.finding(r, r.root().get("data")).message("data").controls(List.of("pss-restricted:seccomp")).report());

    ScanReport report = Kubeward.builder().rules(List.of(rule)).build().scanString("a.yaml", MANIFESTS);

    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.controls()).containsExactly("pss-restricted:seccomp");
      assertThat(f.location()).isEqualTo("a.yaml:5:7");
      assertThat(f.path()).isEqualTo("/data");
    });
  }

  @Test
  void inventoryRulesRunOncePerScanOverEverything() {
    TestRules.Cross cross = new TestRules.Cross(metadata("services-without-workloads", GroupKind.SERVICE).build(),
        (inventory, c) -> {
          for (Resource svc : inventory.ofKind(GroupKind.SERVICE)) {
            if (inventory.named(GroupKind.DEPLOYMENT, svc.namespace(), svc.name()).isEmpty()) {
              c.report(svc, svc.root().get("metadata").get("name"), "Service " + svc.name() + " has no Deployment");
            }
          }
        });
    Kubeward scanner = Kubeward.builder().rules(List.of(cross, configMaps)).build();

    ScanReport report = scanner.scanString("all.yaml", MANIFESTS);

    assertThat(cross.calls).containsExactly(5);
    assertThat(report.findings()).extracting(Finding::toString).containsExactly(
        "all.yaml:1:1: MEDIUM config-maps saw ConfigMap settings [config-maps]",
        "all.yaml:33:9: MEDIUM Service web has no Deployment [services-without-workloads]");
    assertThat(report.findings().get(1).path()).isEqualTo("/metadata/name");

    scanner.scanString("again.yaml", MANIFESTS);
    assertThat(cross.calls).as("the scanner is reusable").containsExactly(5, 5);
  }

  @Test
  void aNodeFromAnotherResourceIsARuleFailure() {
    TestRules.Recording wrong = new TestRules.Recording(metadata("wrong-node", GroupKind.SERVICE).build(),
        (r, c) -> c.report(r, r.root().get("metadata").get("name").asMap(), "empty map"));

    ScanReport report = Kubeward.builder().rules(List.of(wrong)).build().scanString("all.yaml", MANIFESTS);

    assertThat(report.findings()).isEmpty();
    assertThat(report.errors()).extracting(Object::toString)
        .containsExactly("all.yaml:30:1: rule wrong-node failed on Service web: IllegalArgumentException");
  }

  @Test
  void scanningLoadedResourcesKeepsLoadErrors() {
    Kubeward scanner = Kubeward.builder().rules(List.of(configMaps)).build();
    dev.kubeward.load.LoadResult loaded = scanner.loader().loadString("mixed.yaml", MANIFESTS + "---\nkind: [\n");

    ScanReport report = scanner.scan(loaded);

    assertThat(report.errors()).hasSize(1);
    assertThat(report.findings()).hasSize(1);
    assertThat(report.exitCode(Severity.LOW)).isEqualTo(2);
    assertThat(scanner.scanResources(loaded.resources()).findings()).hasSize(1);
  }
}
