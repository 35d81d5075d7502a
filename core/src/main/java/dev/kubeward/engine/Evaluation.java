/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.load.LoadError;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ScanSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One scan's evaluation: per-resource rules over every resource (on several threads when asked),
 * then cross-resource rules once per cluster of the join scope, then findings in report order
 * with unique keys. The result is the same whatever the number of threads and the load order.
 */
final class Evaluation {

  private final RuleSet rules;
  private final Dispatch dispatch;
  private final Suppressions suppressions;
  private final ScanSettings settings;
  private final JoinScope joinScope;
  private final Path base;
  private final int threads;

  Evaluation(RuleSet rules, Suppressions suppressions, ScanSettings settings, JoinScope joinScope, Path base,
      int threads) {
    this.rules = rules;
    this.dispatch = new Dispatch(rules.rules());
    this.suppressions = suppressions;
    this.settings = settings;
    this.joinScope = joinScope;
    this.base = base;
    this.threads = threads;
  }

  /** What the cross-resource rules of this evaluation read (see {@link Dispatch#inventoryReads()}). */
  java.util.Set<dev.kubeward.model.GroupKind> inventoryReads() {
    return dispatch.inventoryReads();
  }

  private FindingCollector collector() {
    return new FindingCollector(rules, suppressions, settings,
        new FindingCollector.KeyBase(base, settings.defaultNamespace()));
  }

  /**
   * Evaluates {@code resources}; errors of failing rules are added to {@code errors}.
   *
   * @param prebuilt an inventory of exactly {@code resources} with this scan's default namespace,
   *     used when the join scope is {@link JoinScope#ALL}; or {@code null}
   */
  List<Finding> run(List<Resource> resources, List<LoadError> errors, Inventory prebuilt) {
    List<Finding> findings = new ArrayList<>();
    if (threads <= 1 || resources.size() < 64) {
      FindingCollector collector = collector();
      for (Resource r : resources) {
        dispatch.evaluate(r, collector);
      }
      findings.addAll(collector.findings);
      errors.addAll(collector.errors);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        int chunk = Math.max(16, resources.size() / (threads * 4));
        List<Future<FindingCollector>> futures = new ArrayList<>();
        for (int from = 0; from < resources.size(); from += chunk) {
          List<Resource> slice = resources.subList(from, Math.min(resources.size(), from + chunk));
          futures.add(pool.submit(() -> {
            FindingCollector c = collector();
            for (Resource r : slice) {
              dispatch.evaluate(r, c);
            }
            return c;
          }));
        }
        for (Future<FindingCollector> f : futures) {
          FindingCollector c = f.get();
          findings.addAll(c.findings);
          errors.addAll(c.errors);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("scan interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("scan failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    List<InventoryRule> inventoryRules = dispatch.inventoryRules();
    if (!inventoryRules.isEmpty()) {
      FindingCollector collector = collector();
      for (Inventory inventory : clusters(resources, prebuilt)) {
        for (InventoryRule rule : inventoryRules) {
          collector.run(rule, inventory);
        }
      }
      findings.addAll(collector.findings);
      errors.addAll(collector.errors);
    }
    findings.sort(Finding.ORDER);
    return FindingKeys.unique(findings);
  }

  /**
   * One inventory per cluster of the join scope, in the order of the clusters' names. Kustomize
   * patches are left out: they are not objects of the cluster but parts of others.
   */
  private List<Inventory> clusters(List<Resource> resources, Inventory prebuilt) {
    if (resources.stream().anyMatch(Resource::isPatch)) {
      resources = resources.stream().filter(r -> !r.isPatch()).toList();
      prebuilt = null;
    }
    if (joinScope == JoinScope.ALL) {
      return List.of(prebuilt != null ? prebuilt : Inventory.of(resources, settings.defaultNamespace()));
    }
    Map<String, List<Resource>> byCluster = new TreeMap<>();
    for (Resource r : resources) {
      byCluster.computeIfAbsent(joinScope.clusterOf(r), k -> new ArrayList<>()).add(r);
    }
    List<Inventory> out = new ArrayList<>();
    for (List<Resource> cluster : byCluster.values()) {
      out.add(Inventory.of(cluster, settings.defaultNamespace()));
    }
    return out;
  }
}
