package dev.kubeward.benchmarks.fallback;

import dev.kubeward.model.Inventory;
import dev.kubeward.model.LabelSelector;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * FALLBACK ONLY, cross-resource: a namespaced workload that no NetworkPolicy of its namespace
 * selects. Written the way a rule author naturally would, with {@link Inventory#selectWorkloads}.
 */
public final class FallbackUnisolatedWorkload implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("fallback-unisolated-workload")
      .title("Benchmark fallback: workload is selected by no network policy")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .rationale("Without a NetworkPolicy every pod can reach the workload and it can reach every pod.")
      .remediation("Add a NetworkPolicy that selects the workload's pods.")
      .kinds(RuleMetadata.WORKLOADS, "NetworkPolicy")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    Set<Resource> covered = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Resource policy : inventory.ofKind("NetworkPolicy")) {
      String namespace = policy.namespace() == null ? "default" : policy.namespace();
      LabelSelector selector = LabelSelector.of(policy.root().get("spec").get("podSelector"));
      covered.addAll(inventory.selectWorkloads(namespace, selector));
    }
    for (Resource r : inventory.all()) {
      if (r.isWorkload() && r.namespace() != null && !covered.contains(r)) {
        Node at = r.root().get("metadata");
        context.report(r, at.isMissing() ? Node.MISSING : at, r.displayName()
            + " is selected by no NetworkPolicy of namespace \"" + r.namespace() + "\"");
      }
    }
  }
}
