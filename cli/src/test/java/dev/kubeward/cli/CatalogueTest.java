/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Profile;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.report.CatalogueFormat;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.RuleProvider;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks over the whole catalogue of every rules module the command line ships. */
class CatalogueTest {

  private static final Set<String> SHIPPED = Set.of(
      "dev.kubeward.rules.rbac.RbacRules",
      "dev.kubeward.rules.network.NetworkRules",
      "dev.kubeward.rules.workload.WorkloadRules",
      "dev.kubeward.rules.cluster.ClusterRules");

  static List<RuleMetadata> shippedRules() {
    List<RuleMetadata> rules = new ArrayList<>();
    Set<String> providers = new HashSet<>();
    for (RuleProvider provider : ServiceLoader.load(RuleProvider.class)) {
      String name = provider.getClass().getName();
      if (SHIPPED.contains(name)) {
        providers.add(name);
        for (Rule rule : provider.rules()) {
          rules.add(rule.metadata());
        }
      }
    }
    assertThat(providers).as("rule providers found through ServiceLoader").isEqualTo(SHIPPED);
    for (Rule rule : Kubeward.builtInRules()) {
      rules.add(rule.metadata());
    }
    return rules;
  }

  @Test
  void ruleIdsAreUniqueAcrossModules() {
    List<String> ids = shippedRules().stream().map(RuleMetadata::id).toList();
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void podSecurityProfilesHoldOnlyPodSecurityChecks() {
    for (RuleMetadata rule : shippedRules()) {
      boolean baseline = rule.hasControlPrefix("pss-baseline:");
      boolean restricted = rule.hasControlPrefix("pss-restricted:");
      assertThat(Profile.PSS_BASELINE.includes(rule)).as(rule.id() + " in pss-baseline").isEqualTo(baseline);
      assertThat(Profile.PSS_RESTRICTED.includes(rule)).as(rule.id() + " in pss-restricted")
          .isEqualTo(baseline || restricted);
      assertThat(Profile.CIS.includes(rule)).as(rule.id() + " in cis").isEqualTo(rule.hasControlPrefix("cis-k8s:"));
      assertThat(Profile.ALL.includes(rule)).as(rule.id() + " in all").isTrue();
      assertThat(Profile.RECOMMENDED.includes(rule)).as(rule.id() + " in recommended").isEqualTo(!rule.optIn());
    }
  }

  @Test
  void docsRulesMarkdownIsGeneratedFromMetadata() throws Exception {
    StringWriter out = new StringWriter();
    CatalogueFormat.MARKDOWN.write(shippedRules(), out);
    Path docs = Path.of("..", "docs", "rules.md");
    String expected = out.toString();
    String actual = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
    assertThat(actual)
        .as("docs/rules.md is generated: run ./kubeward rules --format markdown > docs/rules.md")
        .isEqualTo(expected);
  }
}
