/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.ScanSettings;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QuietPathTest {

  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop}
      spec:
        containers:
          - {name: app, image: nginx:1.25}
      """;

  private static RuleMetadata testMetadata(String id, GroupKind... kinds) {
    return RuleMetadata.builder(id).title("Test").severity(Severity.LOW).topic(Topic.HYGIENE).kinds(kinds)
        .rationale("For tests.").remediation("None.").build();
  }

  /** Reports a Pod named {@code fire-*}; reads without allocating. */
  private static final class QuietRule implements ResourceRule {
    private static final RuleMetadata METADATA = testMetadata("quiet-rule", GroupKind.POD);

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Resource resource, Context context) {
      if (resource.name().startsWith("fire-") && context.settings().pssVersion().isAtLeast(0)) {
        context.report(resource, resource.root(), "named");
      }
    }
  }

  /** Reports nothing, but keeps an array of every resource's line: one allocation per check. */
  private static final class AllocatingRule implements ResourceRule {
    private static final RuleMetadata METADATA = testMetadata("allocating-rule", RuleMetadata.WORKLOADS);
    volatile int[] last;

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Resource resource, Context context) {
      last = new int[] {resource.line()};
    }
  }

  /** Reports every resource. */
  private static final class LoudRule implements ResourceRule {
    private static final RuleMetadata METADATA = testMetadata("loud-rule", RuleMetadata.ANY);

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Resource resource, Context context) {
      context.report(resource, resource.root(), "loud");
    }
  }

  /** Looks at Secrets only. */
  private static final class SecretRule implements ResourceRule {
    private static final RuleMetadata METADATA = testMetadata("secret-rule", GroupKind.SECRET);

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Resource resource, Context context) {}
  }

  /** Counts the Pods of a scan into an object it keeps: the same allocation whatever the size. */
  private static final class CountingRule implements InventoryRule {
    private static final RuleMetadata METADATA = testMetadata("counting-rule", GroupKind.POD);
    volatile int[] last;

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Inventory inventory, Context context) {
      int pods = 0;
      for (Resource r : inventory.ofKind(GroupKind.POD)) {
        if (r.isWorkload()) {
          pods++;
        }
      }
      last = new int[] {pods};
    }
  }

  /** Copies the Pods of a scan into a list it keeps: allocation that grows with the scan. */
  private static final class CopyingRule implements InventoryRule {
    private static final RuleMetadata METADATA = testMetadata("copying-rule", GroupKind.POD);
    volatile List<Resource> last;

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Inventory inventory, Context context) {
      last = new ArrayList<>(inventory.ofKind(GroupKind.POD));
    }
  }

  @Test
  void passesRulesThatAllocateNothing() {
    QuietPath.of(List.of(new QuietRule())).assertAllocatesNothingOn("web.yaml", POD);
    QuietPath.of(List.of(new QuietRule()))
        .under(ScanSettings.defaults(), ScanSettings.of(PssLevel.BASELINE, PssVersion.of(18)))
        .assertAllocatesNothingOn("web.yaml", POD);
  }

  @Test
  void failsOnARuleThatAllocatesNamingIt() {
    QuietPath quietPath = QuietPath.of(List.of(new QuietRule(), new AllocatingRule()));
    assertThatThrownBy(() -> quietPath.assertAllocatesNothingOn("web.yaml", POD))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(String.format("%nExpecting rules%n  quiet-rule, allocating-rule%n"
            + "to allocate nothing on the quiet path of%n  Pod shop/web%nbut 10000 rounds of 2 evaluations allocated "))
        .hasMessageContaining(String.format("(the least of 5 measurements); each rule alone:%n"
            + "  quiet-rule: 0.0 bytes per evaluation%n  allocating-rule: "))
        .satisfies(e -> {
          Matcher m = Pattern.compile("allocating-rule: (\\d+)\\.\\d bytes per evaluation").matcher(e.getMessage());
          assertThat(m.find()).isTrue();
          assertThat(Integer.parseInt(m.group(1))).as("bytes of one int[1]").isGreaterThanOrEqualTo(16);
        });
  }

  @Test
  void failsOnAFindingOnTheQuietPath() {
    assertThatThrownBy(() -> QuietPath.of(List.of(new QuietRule(), new LoudRule()))
            .assertAllocatesNothingOn("web.yaml", POD))
        .isInstanceOf(AssertionError.class)
        .hasMessage(String.format("%nExpecting the rules to report nothing on the quiet path%nbut they reported:%n"
            + "  loud-rule: loud (Pod shop/web)"));
  }

  @Test
  void refusesARuleThatLooksAtNoneOfTheResources() {
    assertThatThrownBy(() -> QuietPath.of(List.of(new QuietRule(), new SecretRule()))
            .assertAllocatesNothingOn("web.yaml", POD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule secret-rule looks at none of the resources");
    assertThatThrownBy(() -> QuietPath.of(List.of(new CountingRule())).assertAllocatesNothingOn("web.yaml", POD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule counting-rule is not a per-resource rule");
  }

  @Test
  void passesACrossResourceRuleThatAllocatesTheSameWhateverTheSize() {
    QuietPath.of(List.of(new CountingRule())).assertAllocatesNothingPerQuietResource(QuietPathTest::pods);
  }

  @Test
  void failsOnACrossResourceRuleThatAllocatesPerResource() {
    QuietPath quietPath = QuietPath.of(List.of(new CountingRule(), new CopyingRule()));
    assertThatThrownBy(() -> quietPath.assertAllocatesNothingPerQuietResource(QuietPathTest::pods))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(String.format("%nExpecting rules%n  counting-rule, copying-rule%n"
            + "to allocate nothing per additional quiet resource%n"
            + "but a check allocated more over 300 more resources (the least of 5 measurements each):%n"
            + "  copying-rule: "))
        .hasMessageNotContaining("counting-rule:");
  }

  @Test
  void refusesAScanThatDoesNotGrow() {
    assertThatThrownBy(() -> QuietPath.of(List.of(new CountingRule()))
            .assertAllocatesNothingPerQuietResource(n -> pods(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a scan of 400 quiet resources must hold at least 300 more resources than one of 100");
  }

  /** {@code n} Pods. */
  private static List<Resource> pods(int n) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < n; i++) {
      yaml.append("---\n").append(POD.replace("name: web,", "name: web-" + i + ","));
    }
    LoadResult loaded = Loader.defaults().loadString("pods.yaml", yaml.toString());
    assertThat(loaded.errors()).isEmpty();
    return loaded.resources();
  }
}
