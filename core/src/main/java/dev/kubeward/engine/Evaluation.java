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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One scan's evaluation: per-resource rules over every resource (on several threads when asked),
 * then cross-resource rules once per cluster of the join scope (on several threads when asked, one
 * rule per task), then findings in report order with unique keys. The result is the same whatever
 * the number of threads and the load order.
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
    KeyedFindings findings = new KeyedFindings();
    resourceRules(resources, findings, (i, e) -> errors.add(e));
    List<InventoryRule> inventoryRules = dispatch.inventoryRules();
    if (!inventoryRules.isEmpty()) {
      for (Inventory inventory : clusters(resources, prebuilt)) {
        inventoryRules(inventory, inventoryRules, findings, errors);
      }
    }
    return FindingKeys.sortedWithUniqueKeys(findings);
  }

  /** Receives an error of a per-resource rule with the index of the resource it failed on. */
  interface ResourceErrors {
    void add(int resource, LoadError error);
  }

  /**
   * Runs the per-resource rules over {@code resources} (on several threads when asked): their
   * findings are added to {@code findings}, and their errors to {@code errors} in resource order.
   */
  void resourceRules(List<Resource> resources, KeyedFindings findings, ResourceErrors errors) {
    if (threads <= 1 || resources.size() < 64) {
      FindingCollector collector = collector();
      for (int i = 0; i < resources.size(); i++) {
        int before = collector.errors.size();
        int found = collector.findings.size();
        dispatch.evaluate(resources.get(i), collector);
        collector.sortFrom(found);
        for (int e = before; e < collector.errors.size(); e++) {
          errors.add(i, collector.errors.get(e));
        }
      }
      findings.addAll(collector);
      return;
    }
    int chunk = Math.max(16, resources.size() / (threads * 4));
    List<Callable<FindingCollector>> tasks = new ArrayList<>();
    for (int from = 0; from < resources.size(); from += chunk) {
      int start = from;
      List<Resource> slice = resources.subList(from, Math.min(resources.size(), from + chunk));
      tasks.add(() -> {
        FindingCollector c = collector();
        int[] errorOwners = new int[0];
        for (int i = 0; i < slice.size(); i++) {
          int found = c.findings.size();
          dispatch.evaluate(slice.get(i), c);
          c.sortFrom(found);
          if (c.errors.size() > errorOwners.length) {
            int old = errorOwners.length;
            errorOwners = Arrays.copyOf(errorOwners, c.errors.size());
            Arrays.fill(errorOwners, old, errorOwners.length, start + i);
          }
        }
        c.errorOwners = errorOwners;
        return c;
      });
    }
    for (FindingCollector c : inParallel(tasks)) {
      findings.addAll(c);
      for (int e = 0; e < c.errors.size(); e++) {
        errors.add(c.errorOwners[e], c.errors.get(e));
      }
    }
  }

  /** Runs {@code tasks} on {@link #threads} threads; their collectors in task order. */
  private List<FindingCollector> inParallel(List<Callable<FindingCollector>> tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<FindingCollector>> futures = new ArrayList<>(tasks.size());
      for (Callable<FindingCollector> task : tasks) {
        futures.add(pool.submit(task));
      }
      List<FindingCollector> done = new ArrayList<>(tasks.size());
      for (Future<FindingCollector> f : futures) {
        done.add(f.get());
      }
      return done;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("scan failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs the cross-resource rules over one cluster, {@code resources} (kustomize patches are left
   * out of its inventory); their findings are added to {@code findings} and their errors to
   * {@code errors}. A cluster of nothing but patches is not evaluated.
   */
  void inventoryRules(List<Resource> resources, KeyedFindings findings, List<LoadError> errors) {
    List<InventoryRule> inventoryRules = dispatch.inventoryRules();
    if (inventoryRules.isEmpty()) {
      return;
    }
    if (resources.stream().anyMatch(Resource::isPatch)) {
      resources = resources.stream().filter(r -> !r.isPatch()).toList();
    }
    if (resources.isEmpty()) {
      return;
    }
    inventoryRules(Inventory.of(resources, settings.defaultNamespace()), inventoryRules, findings, errors);
  }

  /**
   * Runs {@code inventoryRules} over {@code inventory} (on several threads when asked, one task per
   * rule, for clusters of 64 resources and more): their findings and errors are added to
   * {@code findings} and {@code errors} in rule order, as one thread adds them.
   */
  private void inventoryRules(Inventory inventory, List<InventoryRule> inventoryRules, KeyedFindings findings,
      List<LoadError> errors) {
    if (threads <= 1 || inventoryRules.size() < 2 || inventory.all().size() < 64) {
      FindingCollector collector = collector();
      for (InventoryRule rule : inventoryRules) {
        collector.run(rule, inventory);
      }
      findings.addAll(collector);
      errors.addAll(collector.errors);
      return;
    }
    List<Callable<FindingCollector>> tasks = new ArrayList<>(inventoryRules.size());
    for (InventoryRule rule : inventoryRules) {
      tasks.add(() -> {
        FindingCollector c = collector();
        c.run(rule, inventory);
        return c;
      });
    }
    for (FindingCollector c : inParallel(tasks)) {
      findings.addAll(c);
      errors.addAll(c.errors);
    }
  }

  /** The join scope of this evaluation. */
  JoinScope joinScope() {
    return joinScope;
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
