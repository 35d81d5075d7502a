/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/** Small rules for engine tests. */
final class TestRules {

  private TestRules() {}

  /** Metadata with every required field; MEDIUM, topic hygiene. */
  static RuleMetadata.Builder metadata(String id, GroupKind... kinds) {
    return RuleMetadata.builder(id)
        .title("Test rule " + id)
        .severity(Severity.MEDIUM)
        .topic(Topic.HYGIENE)
        .rationale("Exercises the engine.")
        .remediation("Nothing to do.")
        .kinds(kinds);
  }

  /** A per-resource rule that runs {@code body} and remembers the resources it saw. */
  static final class Recording implements ResourceRule {
    private final RuleMetadata metadata;
    private final BiConsumer<Resource, Context> body;
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    Recording(RuleMetadata metadata, BiConsumer<Resource, Context> body) {
      this.metadata = metadata;
      this.body = body;
    }

    @Override
    public RuleMetadata metadata() {
      return metadata;
    }

    @Override
    public void check(Resource resource, Context context) {
      seen.add(resource.displayName());
      body.accept(resource, context);
    }
  }

  /** A rule that reports every resource it sees at the resource itself. */
  static Recording reportingEach(RuleMetadata metadata) {
    return new Recording(metadata, (r, c) -> c.report(r, null, metadata.id() + " saw " + r.displayName()));
  }

  /** A rule that reports nothing. */
  static Recording silent(RuleMetadata metadata) {
    return new Recording(metadata, (r, c) -> { });
  }

  /** A cross-resource rule that runs {@code body} once per scan. */
  static final class Cross implements InventoryRule {
    private final RuleMetadata metadata;
    private final BiConsumer<Inventory, Context> body;
    final List<Integer> calls = Collections.synchronizedList(new ArrayList<>());

    Cross(RuleMetadata metadata, BiConsumer<Inventory, Context> body) {
      this.metadata = metadata;
      this.body = body;
    }

    @Override
    public RuleMetadata metadata() {
      return metadata;
    }

    @Override
    public void check(Inventory inventory, Context context) {
      calls.add(inventory.size());
      body.accept(inventory, context);
    }
  }

  /**
   * A rule with typed parameters, bound once in {@link #configure}: it reports ConfigMaps with
   * more data keys than {@code maxKeys}, naming its other parameters in the message.
   */
  static final class Limited implements ResourceRule {
    static final ParameterKey<Long> MAX_KEYS = ParameterKey.ofInt("maxKeys", 2, "Most data keys allowed.");
    static final ParameterKey<Boolean> STRICT = ParameterKey.ofBoolean("strict", false, "Also count binaryData.");
    static final ParameterKey<String> LABEL = ParameterKey.ofString("label", "keys", "What to call them.");
    static final ParameterKey<List<String>> ALLOWED = ParameterKey.ofList("allowed", List.of("a", "b"),
        "Registries to allow.");

    static final RuleMetadata METADATA = TestRules.metadata("too-many-keys", GroupKind.CONFIG_MAP)
        .parameters(MAX_KEYS, STRICT, LABEL, ALLOWED)
        .build();

    record Params(long maxKeys, boolean strict, String label, List<String> allowed) {}

    final Params params;

    Limited() {
      this(Parameters.defaults(METADATA));
    }

    private Limited(Parameters p) {
      this.params = new Params(p.get(MAX_KEYS), p.get(STRICT), p.get(LABEL), p.get(ALLOWED));
    }

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public Rule configure(Parameters p) {
      return new Limited(p);
    }

    @Override
    public void check(Resource resource, Context context) {
      int keys = resource.root().get("data").size();
      if (keys > params.maxKeys()) {
        context.report(resource, resource.root().get("data"), "ConfigMap " + resource.name() + " has " + keys + " "
            + params.label() + " (strict " + params.strict() + ", allowed " + params.allowed() + ")");
      }
    }
  }
}
