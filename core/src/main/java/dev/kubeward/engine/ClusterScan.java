/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.load.PartialDocument;
import dev.kubeward.load.SkippedFile;
import dev.kubeward.model.Resource;
import dev.kubeward.model.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scan that evaluates one cluster of the join scope ({@link JoinScope#ARGUMENT},
 * {@link JoinScope#DIRECTORY}) as soon as the load has read its last source, and then lets its
 * resources go: the heap holds the trees of the clusters still being read, not of the whole scan,
 * and the findings compressed ({@link FindingStore}).
 * Its findings and errors are those of {@link Evaluation#run} over everything loaded at once, in the
 * same order: load errors, then errors of per-resource rules in load order, then errors of
 * cross-resource rules in the order of the clusters' names.
 */
final class ClusterScan implements Loader.Listener {

  private final Evaluation evaluation;
  private String[] clusterOfSource = new String[0];
  private final Map<String, Integer> lastSource = new HashMap<>();
  private final Map<String, Cluster> open = new HashMap<>();

  private final List<LoadError> loadErrors = new ArrayList<>();
  private final List<SkippedFile> skipped = new ArrayList<>();
  private final List<PartialDocument> partial = new ArrayList<>();
  private final FindingStore.Builder findings = new FindingStore.Builder();
  private final List<OrderedError> resourceErrors = new ArrayList<>();
  private final TreeMap<String, List<LoadError>> clusterErrors = new TreeMap<>();
  private int files;
  private int documents;
  private int resources;

  /** The resources of one cluster read so far, with their places in load order. */
  private static final class Cluster {
    final List<Resource> resources = new ArrayList<>();
    int[] ordinals = new int[16];
  }

  /** An error of a per-resource rule, with the place of its resource in load order. */
  private record OrderedError(int ordinal, LoadError error) {}

  ClusterScan(Evaluation evaluation) {
    this.evaluation = evaluation;
  }

  @Override
  public void planned(List<Source> sources) {
    clusterOfSource = new String[sources.size()];
    for (int i = 0; i < sources.size(); i++) {
      String cluster = evaluation.joinScope().clusterOf(sources.get(i));
      clusterOfSource[i] = cluster;
      lastSource.put(cluster, i);
    }
  }

  @Override
  public void loaded(int source, LoadResult part) {
    loadErrors.addAll(part.errors());
    skipped.addAll(part.skipped());
    partial.addAll(part.partial());
    files += part.files();
    documents += part.documents();
    if (source < 0) {
      return;
    }
    String name = clusterOfSource[source];
    Cluster cluster = open.computeIfAbsent(name, k -> new Cluster());
    for (Resource r : part.resources()) {
      int n = cluster.resources.size();
      if (n == cluster.ordinals.length) {
        cluster.ordinals = Arrays.copyOf(cluster.ordinals, n * 2);
      }
      cluster.ordinals[n] = resources++;
      cluster.resources.add(r);
    }
    if (lastSource.get(name) == source) {
      open.remove(name);
      evaluate(name, cluster);
    }
  }

  private void evaluate(String name, Cluster cluster) {
    if (cluster.resources.isEmpty()) {
      return;
    }
    KeyedFindings found = new KeyedFindings();
    evaluation.resourceRules(cluster.resources, found,
        (i, e) -> resourceErrors.add(new OrderedError(cluster.ordinals[i], e)));
    List<LoadError> errors = new ArrayList<>();
    evaluation.inventoryRules(cluster.resources, found, errors);
    findings.add(name, found.list());
    if (!errors.isEmpty()) {
      clusterErrors.computeIfAbsent(name, k -> new ArrayList<>()).addAll(errors);
    }
  }

  /** Resources handed over so far. */
  int resources() {
    return resources;
  }

  int files() {
    return files;
  }

  int documents() {
    return documents;
  }

  List<SkippedFile> skipped() {
    return skipped;
  }

  List<PartialDocument> partial() {
    return partial;
  }

  /** Load errors, then errors of per-resource rules in load order, then of cross-resource rules by cluster. */
  List<LoadError> errors() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("the load ended before every cluster was complete");
    }
    List<LoadError> all = new ArrayList<>(loadErrors);
    resourceErrors.sort((a, b) -> Integer.compare(a.ordinal(), b.ordinal()));
    for (OrderedError e : resourceErrors) {
      all.add(e.error());
    }
    clusterErrors.values().forEach(all::addAll);
    return all;
  }

  /**
   * The findings of every cluster, in report order with unique keys, kept compressed until a report
   * reads them. Findings that the order does not tell apart keep the order of a scan of everything
   * at once: those of per-resource rules, then those of cross-resource rules by cluster name.
   */
  List<Finding> findings() {
    return findings.build();
  }
}
