package dev.kubeward.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All resources of one scan, indexed by kind, namespace and name. Built once per scan in linear
 * time; immutable and thread-safe. Namespaced look-ups treat an unset namespace as
 * {@code default}, as {@code kubectl apply} would.
 */
public final class Inventory {

  private record Key(String kind, String namespace, String name) {}

  private final List<Resource> all;
  private final Map<String, List<Resource>> byKind;
  private final Map<Key, Resource> byKey;
  private final Map<String, List<Resource>> byNamespace;

  private Inventory(List<Resource> resources) {
    this.all = List.copyOf(resources);
    Map<String, List<Resource>> kinds = new HashMap<>();
    Map<Key, Resource> keys = new HashMap<>();
    Map<String, List<Resource>> namespaces = new HashMap<>();
    for (Resource r : all) {
      kinds.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
      if (r.name() != null) {
        keys.putIfAbsent(new Key(r.kind(), namespaceOf(r), r.name()), r);
      }
      if (r.namespace() != null) {
        namespaces.computeIfAbsent(r.namespace(), k -> new ArrayList<>()).add(r);
      }
    }
    kinds.replaceAll((k, v) -> Collections.unmodifiableList(v));
    namespaces.replaceAll((k, v) -> Collections.unmodifiableList(v));
    this.byKind = kinds;
    this.byKey = keys;
    this.byNamespace = namespaces;
  }

  /** An inventory of {@code resources}, in the given order. */
  public static Inventory of(List<Resource> resources) {
    return new Inventory(resources);
  }

  private static String namespaceOf(Resource r) {
    return r.namespace() == null ? "" : r.namespace();
  }

  /** Every resource, in scan order. */
  public List<Resource> all() {
    return all;
  }

  /** Every resource of {@code kind}, in scan order. */
  public List<Resource> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** Every resource whose {@code metadata.namespace} is {@code namespace}. */
  public List<Resource> inNamespace(String namespace) {
    return byNamespace.getOrDefault(namespace, List.of());
  }

  /** Every namespace named by a resource's {@code metadata.namespace} or by a Namespace object. */
  public Set<String> namespaces() {
    Set<String> out = new LinkedHashSet<>();
    for (Resource ns : ofKind("Namespace")) {
      if (ns.name() != null) {
        out.add(ns.name());
      }
    }
    for (Resource r : all) {
      if (r.namespace() != null) {
        out.add(r.namespace());
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * The object of {@code kind} named {@code name} in {@code namespace} (use {@code null} for
   * cluster-scoped kinds), or {@code null}.
   */
  public Resource find(String kind, String namespace, String name) {
    return byKey.get(new Key(kind, namespace == null ? "" : namespace, name));
  }

  /**
   * Objects of {@code kind} in {@code namespace} (or in every namespace when {@code null}) whose
   * own labels match {@code selector}.
   */
  public List<Resource> select(String kind, String namespace, LabelSelector selector) {
    List<Resource> out = new ArrayList<>();
    // A namespaced look-up walks its namespace only, so that one per object stays linear overall.
    for (Resource r : namespace == null ? ofKind(kind) : inNamespace(namespace)) {
      if (r.kind().equals(kind) && selector.matches(r.labels())) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Workloads in {@code namespace} (or everywhere when {@code null}) whose pod template labels
   * match {@code selector}, as a NetworkPolicy or Service selects pods.
   */
  public List<Resource> selectWorkloads(String namespace, LabelSelector selector) {
    List<Resource> out = new ArrayList<>();
    // A namespaced look-up walks its namespace only, and labels are matched in the tree, so that
    // one look-up per policy or service neither goes quadratic nor allocates per workload.
    for (Resource r : namespace == null ? all : inNamespace(namespace)) {
      PodSpec pod = r.podSpec();
      if (pod != null && selector.matches(pod.metadata().get("labels").asMap())) {
        out.add(r);
      }
    }
    return out;
  }

  /** The labels of a pod template (a Pod's own labels). */
  public static Map<String, String> podLabels(PodSpec pod) {
    if (pod.owner().kind().equals("Pod")) {
      return pod.owner().labels();
    }
    MapNode labels = pod.metadata().get("labels").asMap();
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      out.put(labels.key(i), labels.value(i).text(""));
    }
    return out;
  }

  public int size() {
    return all.size();
  }
}
