/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules see which resource: per-resource rules indexed by the group-kinds they declare, the
 * rules of every workload and of every resource, and the cross-resource rules. Built once per
 * {@link Kubeward}; immutable.
 */
final class Dispatch {

  /** For each group-kind rules declare, its rules and the workload rules they leave out. */
  private final Map<GroupKind, KindRules> byKind;
  private final ResourceRule[] workloadRules;
  private final ResourceRule[] anyRules;
  private final List<InventoryRule> inventoryRules;

  /** The rules that declare one group-kind, and the workload rules beyond them. */
  private record KindRules(ResourceRule[] own, ResourceRule[] otherWorkloadRules) {}

  Dispatch(List<Rule> rules) {
    Map<GroupKind, List<ResourceRule>> kinds = new HashMap<>();
    List<ResourceRule> workloads = new ArrayList<>();
    List<ResourceRule> any = new ArrayList<>();
    List<InventoryRule> inventory = new ArrayList<>();
    for (Rule rule : rules) {
      RuleMetadata m = rule.metadata();
      if (rule instanceof InventoryRule ir) {
        inventory.add(ir);
      }
      if (rule instanceof ResourceRule rr) {
        if (m.kinds().contains(RuleMetadata.ANY)) {
          any.add(rr);
        } else {
          if (m.kinds().contains(RuleMetadata.WORKLOADS)) {
            workloads.add(rr);
          }
          for (GroupKind kind : m.kinds()) {
            if (!kind.group().equals("*")) {
              kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(rr);
            }
          }
        }
      }
    }
    this.workloadRules = workloads.toArray(new ResourceRule[0]);
    Map<GroupKind, KindRules> byKind = new HashMap<>();
    kinds.forEach((k, v) -> {
      ResourceRule[] own = v.toArray(new ResourceRule[0]);
      List<ResourceRule> rest = new ArrayList<>();
      for (ResourceRule rule : workloadRules) {
        if (!contains(own, rule)) {
          rest.add(rule);
        }
      }
      byKind.put(k, new KindRules(own, rest.toArray(new ResourceRule[0])));
    });
    this.byKind = byKind;
    this.anyRules = any.toArray(new ResourceRule[0]);
    this.inventoryRules = List.copyOf(inventory);
  }

  /**
   * What the cross-resource rules read from the inventory: the union of the group-kinds they
   * declare, with {@link RuleMetadata#WORKLOADS} for every workload and {@link RuleMetadata#ANY}
   * when one reads everything.
   */
  java.util.Set<GroupKind> inventoryReads() {
    java.util.Set<GroupKind> reads = new java.util.TreeSet<>(java.util.Comparator.comparing(GroupKind::toString));
    for (InventoryRule rule : inventoryRules) {
      reads.addAll(rule.metadata().kinds());
    }
    return java.util.Collections.unmodifiableSet(reads);
  }

  /** The cross-resource rules, in catalogue order. */
  List<InventoryRule> inventoryRules() {
    return inventoryRules;
  }

  /** Runs every per-resource rule that looks at {@code resource}, each once. */
  void evaluate(Resource resource, FindingCollector collector) {
    KindRules forKind = byKind.get(resource.groupKind());
    if (forKind != null) {
      collector.run(forKind.own(), resource);
    }
    if (resource.isWorkload()) {
      collector.run(forKind == null ? workloadRules : forKind.otherWorkloadRules(), resource);
    }
    collector.run(anyRules, resource);
  }

  private static boolean contains(ResourceRule[] rules, ResourceRule rule) {
    for (ResourceRule r : rules) {
      if (r == rule) {
        return true;
      }
    }
    return false;
  }
}
