/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.GroupKind;
import static dev.kubeward.engine.TestRules.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadResult;
import dev.kubeward.model.Container;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ordering, failing rules and parallel evaluation. */
class EvaluationTest {

  private final TestRules.Recording boom = new TestRules.Recording(metadata("boom", GroupKind.CONFIG_MAP).build(), (r, c) -> {
    if (r.name().startsWith("bad")) {
      throw new IllegalStateException("secret value " + r.root().get("data"));
    }
    c.report(r, r.root().get("metadata").get("name"), "ConfigMap " + r.name() + " checked");
  });

  @Test
  void aRuleThatThrowsBecomesAnErrorAndTheScanGoesOn() {
    TestRules.Recording after = TestRules.reportingEach(metadata("after", GroupKind.CONFIG_MAP).build());
    String yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: good}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: bad-one}
        data: {password: hunter2}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: fine}
        """;

    ScanReport report = Kubeward.builder().rules(List.of(boom, after)).build().scanString("cm.yaml", yaml);

    assertThat(report.errors()).containsExactly(
        new LoadError("cm.yaml", 5, 1, "rule boom failed on ConfigMap bad-one: IllegalStateException"));
    assertThat(report.findings()).extracting(Finding::toString).containsExactly(
        "cm.yaml:1:1: MEDIUM after saw ConfigMap good [after]",
        "cm.yaml:3:18: MEDIUM ConfigMap good checked [boom]",
        "cm.yaml:5:1: MEDIUM after saw ConfigMap bad-one [after]",
        "cm.yaml:10:1: MEDIUM after saw ConfigMap fine [after]",
        "cm.yaml:12:18: MEDIUM ConfigMap fine checked [boom]");
    assertThat(report.exitCode(dev.kubeward.rule.Severity.CRITICAL)).isEqualTo(2);
  }

  @Test
  void anInventoryRuleThatThrowsBecomesAnError() {
    TestRules.Cross broken = new TestRules.Cross(metadata("cross", GroupKind.CONFIG_MAP).build(), (inventory, c) -> {
      throw new UnsupportedOperationException("nope " + inventory.all());
    });

    ScanReport report = Kubeward.builder().rules(List.of(broken)).build()
        .scanString("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");

    assertThat(report.errors()).extracting(LoadError::toString)
        .containsExactly("<scan>: rule cross failed: UnsupportedOperationException");
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void aPrebuiltInventoryIsTheOneCrossResourceRulesRead() {
    List<Inventory> seen = new ArrayList<>();
    TestRules.Cross cross = new TestRules.Cross(metadata("cross", GroupKind.CONFIG_MAP).build(), (inventory, c) -> {
      seen.add(inventory);
      for (Resource r : inventory.ofKind(GroupKind.CONFIG_MAP)) {
        c.report(r, r.root().get("metadata").get("name"), "config map " + r.name());
      }
    });
    Kubeward scanner = Kubeward.builder().rules(List.of(cross)).build();
    LoadResult loaded = scanner.loader().loadString("cm.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
    Inventory inventory = Inventory.of(loaded.resources());

    ScanReport reused = scanner.scan(loaded, inventory);
    ScanReport built = scanner.scan(loaded);

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).isSameAs(inventory);
    assertThat(seen.get(1)).isNotSameAs(inventory);
    assertThat(reused.findings()).isEqualTo(built.findings());
    assertThat(reused.findings()).extracting(Finding::toString)
        .containsExactly("cm.yaml:3:18: MEDIUM config map a [cross]", "cm.yaml:7:18: MEDIUM config map b [cross]");
  }

  @Test
  void anInventoryOfOtherResourcesIsRefused() {
    Kubeward scanner = Kubeward.builder().rules(List.of()).build();
    LoadResult loaded = scanner.loader().loadString("cm.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
    List<Resource> reversed = new ArrayList<>(loaded.resources());
    Collections.reverse(reversed);

    assertThatThrownBy(() -> scanner.scan(loaded, Inventory.of(reversed)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the inventory is not of the loaded resources");
    assertThatThrownBy(() -> scanner.scan(loaded, Inventory.of(reversed.subList(0, 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findingsAreOrderedBySourceLineColumnAndRule() {
    RuleMetadata z = metadata("z-rule", RuleMetadata.ANY).build();
    RuleMetadata a = metadata("a-rule", RuleMetadata.ANY).build();
    Rule last = new TestRules.Recording(z, (r, c) -> {
      c.report(r, r.root().get("kind"), "kind");
      c.report(r, r.root().get("apiVersion"), "apiVersion");
    });
    Rule first = new TestRules.Recording(a, (r, c) -> {
      c.report(r, r.root().get("kind"), "kind");
      c.report(r, r.root().asMap().keyNode("kind"), "kind key");
    });
    Kubeward scanner = Kubeward.builder().rules(List.of(last, first)).build();

    dev.kubeward.load.LoadResult b = scanner.loader().loadString("b.yaml", "apiVersion: v1\nkind: ConfigMap\n");
    dev.kubeward.load.LoadResult a2 = scanner.loader().loadString("a.yaml", "apiVersion: v1\nkind: Secret\n");
    List<dev.kubeward.model.Resource> both = new java.util.ArrayList<>(b.resources());
    both.addAll(a2.resources());
    ScanReport report = scanner.scanResources(both);

    assertThat(report.findings()).extracting(f -> f.location() + " " + f.rule() + " " + f.message()).containsExactly(
        "a.yaml:1:13 z-rule apiVersion",
        "a.yaml:2:1 a-rule kind key",
        "a.yaml:2:7 a-rule kind",
        "a.yaml:2:7 z-rule kind",
        "b.yaml:1:13 z-rule apiVersion",
        "b.yaml:2:1 a-rule kind key",
        "b.yaml:2:7 a-rule kind",
        "b.yaml:2:7 z-rule kind");
  }

  /**
   * A few hundred objects with something to find in most of them: Deployments (a latest image
   * every 20, privileged, runAsNonRoot every 12), ConfigMaps (every other one makes a rule fail),
   * CronJobs with an untagged image suppressed by annotation (with an empty reason every 12), Pods.
   */
  @Test
  void crossResourceRulesOnSeveralThreadsGiveTheSameReportAsOnOne() {
    // Each rule reports every tenth workload, and one fails: findings and errors keep rule order.
    List<Rule> rules = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      int rule = n;
      rules.add(new TestRules.Cross(metadata("cross-" + n, RuleMetadata.WORKLOADS).build(), (inventory, c) -> {
        List<Resource> workloads = inventory.workloads();
        for (int i = rule; i < workloads.size(); i += 10) {
          c.report(workloads.get(i), workloads.get(i).root().get("metadata").get("name"),
              "cross " + rule + " on " + workloads.get(i).displayName());
        }
        if (rule == 2) {
          throw new IllegalStateException("boom");
        }
      }));
    }
    String yaml = generated(400);

    ScanReport single = Kubeward.builder().rules(rules).threads(1).build().scanString("gen.yaml", yaml);
    ScanReport parallel = Kubeward.builder().rules(rules).threads(4).build().scanString("gen.yaml", yaml);

    assertThat(single.findings()).filteredOn(f -> f.rule().startsWith("cross-")).hasSize(120); // 300 workloads, every tenth, four rules
    assertThat(single.errors()).extracting(LoadError::message).containsExactly("rule cross-2 failed: IllegalStateException");
    assertThat(parallel).isEqualTo(single);
  }

  private static String generated(int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(i == 0 ? "" : "---\n");
      switch (i % 4) {
        case 0 -> sb.append("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-").append(i)
            .append(", namespace: ns-").append(i % 7).append("}\nspec:\n  template:\n    spec:\n")
            .append("      securityContext: {runAsNonRoot: ").append(i % 3 == 0).append("}\n")
            .append("      containers:\n        - name: app\n          image: app:").append(i % 5 == 0 ? "latest" : "1." + i)
            .append("\n          securityContext: {privileged: ").append(i % 2 == 0).append("}\n")
            .append("        - name: side\n          image: side\n");
        case 1 -> sb.append("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ").append(i % 8 == 1 ? "bad-" : "cm-")
            .append(i).append("}\ndata: {k: v}\n");
        case 2 -> sb.append("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: job-").append(i)
            .append(", annotations: {ignore.kubeward.dev/images: ").append(i % 3 == 0 ? "\"\"" : "legacy").append("}}\n")
            .append("spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n")
            .append("            - {name: job, image: job}\n");
        default -> sb.append("apiVersion: v1\nkind: Pod\nmetadata: {name: pod-").append(i).append("}\nspec:\n")
            .append("  initContainers: [{name: init, image: init}]\n  containers: [{name: p, image: p:1}]\n");
      }
    }
    return sb.toString();
  }

  @Test
  void parallelEvaluationGivesExactlyTheSameReport() {
    RuleMetadata imagesMeta = metadata("images", RuleMetadata.WORKLOADS).build();
    Rule images = new TestRules.Recording(imagesMeta, (r, c) -> {
      for (Container container : r.podSpec().containers()) {
        String image = container.image().text("");
        if (!image.contains(":") || image.endsWith(":latest")) {
          c.report(r, container.image(), container.describe() + " of " + r.displayName() + " uses image \"" + image + "\"");
        }
      }
    });
    Rule privileged = new TestRules.Recording(metadata("privileged", RuleMetadata.WORKLOADS).build(), (r, c) -> {
      for (Container container : r.podSpec().containers()) {
        Node p = container.effectiveSecurityContext("privileged");
        if (p.isTrue()) {
          c.report(r, p, container.describe() + " of " + r.displayName() + " runs privileged");
        }
      }
    });
    Rule nonRoot = new TestRules.Recording(metadata("non-root", GroupKind.DEPLOYMENT).build(), (r, c) -> {
      Node n = r.podSpec().securityContext().get("runAsNonRoot");
      if (!n.isTrue()) {
        c.report(r, n.isMissing() ? r.podSpec().spec() : n, r.displayName() + " may run as root");
      }
    });
    List<Rule> rules = List.of(images, privileged, nonRoot, boom);
    String yaml = generated(400);

    ScanReport single = Kubeward.builder().rules(rules).build().scanString("gen.yaml", yaml);
    ScanReport parallel = Kubeward.builder().rules(rules).threads(4).build().scanString("gen.yaml", yaml);

    assertThat(single.resources()).isEqualTo(400);
    // images: 20 latest + 100 side + 100 init + 100 job; privileged: 100; non-root: 66;
    // boom: 50 (and 50 errors); suppression-without-reason: 33 CronJobs with an empty reason
    assertThat(single.findings()).hasSize(569);
    assertThat(single.errors()).hasSize(50);
    assertThat(single.suppressedCount()).isEqualTo(67);
    assertThat(parallel.findings()).isEqualTo(single.findings());
    assertThat(parallel.errors()).isEqualTo(single.errors());
    assertThat(parallel).isEqualTo(single);
    for (int i = 1; i < single.findings().size(); i++) {
      assertThat(Finding.ORDER.compare(single.findings().get(i - 1), single.findings().get(i))).isNotPositive();
    }
  }
}
