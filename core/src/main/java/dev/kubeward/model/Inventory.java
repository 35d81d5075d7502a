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
 * time; immutable and thread-safe. Look-ups by namespace ({@link #find}, {@link #select},
 * {@link #selectWorkloads}) treat an unset {@code metadata.namespace} as {@code default}, as
 * {@code kubectl apply} would; {@link #inNamespace} lists only objects that name their namespace.
 */
public final class Inventory {

  private record Key(String kind, String namespace, String name) {}

  private final List<Resource> all;
  private final Map<String, List<Resource>> byKind;
  private final Map<Key, Resource> byKey;
  private final Map<String, List<Resource>> byNamespace;
  private final Map<String, List<Resource>> byEffectiveNamespace;
  private final List<Resource> workloads;

  private Inventory(List<Resource> resources) {
    this.all = List.copyOf(resources);
    Map<String, List<Resource>> kinds = new HashMap<>();
    Map<Key, Resource> keys = new HashMap<>();
    Map<String, List<Resource>> namespaces = new HashMap<>();
    Map<String, List<Resource>> effective = new HashMap<>();
    List<Resource> carriers = new ArrayList<>();
    for (Resource r : all) {
      kinds.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
      if (r.name() != null) {
        keys.putIfAbsent(new Key(r.kind(), namespaceOf(r), r.name()), r);
      }
      if (r.namespace() != null) {
        namespaces.computeIfAbsent(r.namespace(), k -> new ArrayList<>()).add(r);
      }
      effective.computeIfAbsent(namespaceOf(r), k -> new ArrayList<>()).add(r);
      if (r.isWorkload()) {
        carriers.add(r);
      }
    }
    kinds.replaceAll((k, v) -> Collections.unmodifiableList(v));
    namespaces.replaceAll((k, v) -> Collections.unmodifiableList(v));
    effective.replaceAll((k, v) -> Collections.unmodifiableList(v));
    this.byEffectiveNamespace = effective;
    this.byKind = kinds;
    this.byKey = keys;
    this.byNamespace = namespaces;
    this.workloads = Collections.unmodifiableList(carriers);
  }

  /** Every resource whose namespace, unset counting as {@code default}, is {@code namespace}. */
  private List<Resource> effectiveNamespace(String namespace) {
    return byEffectiveNamespace.getOrDefault(namespace, List.of());
  }

  /** An inventory of {@code resources}, in the given order. */
  public static Inventory of(List<Resource> resources) {
    return new Inventory(resources);
  }

  /** The namespace {@code r} lands in when applied: its own, or {@code default} when unset. */
  public static String namespaceOf(Resource r) {
    return r.namespace() == null ? DEFAULT_NAMESPACE : r.namespace();
  }

  private static final String DEFAULT_NAMESPACE = "default";

  private static String normalize(String namespace) {
    return namespace == null || namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
  }

  /** Every resource, in scan order. */
  public List<Resource> all() {
    return all;
  }

  /** Every resource of {@code kind}, in scan order. */
  public List<Resource> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /**
   * Every resource whose {@code metadata.namespace} is {@code namespace}; objects that leave it
   * unset are not listed, even for {@code default}, since cluster-scoped objects leave it unset too.
   */
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
   * The first object of {@code kind} named {@code name} in {@code namespace}, or {@code null}. An
   * unset namespace, {@code null} and {@code default} are the same; pass {@code null} for
   * cluster-scoped kinds.
   */
  public Resource find(String kind, String namespace, String name) {
    return byKey.get(new Key(kind, normalize(namespace), name));
  }

  /** Every object that carries a pod template (see {@link Resource#isWorkload()}), in scan order. */
  public List<Resource> workloads() {
    return workloads;
  }

  /**
   * Objects of {@code kind} in {@code namespace} (or in every namespace when {@code null}; an
   * object with no namespace is in {@code default}) whose own labels match {@code selector}, in
   * scan order.
   */
  public List<Resource> select(String kind, String namespace, LabelSelector selector) {
    List<Resource> out = new ArrayList<>();
    // A namespaced look-up walks its namespace only, so that one per object stays linear overall.
    for (Resource r : namespace == null ? ofKind(kind) : effectiveNamespace(namespace)) {
      if (r.kind().equals(kind) && selector.matches(r.labels())) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Workloads in {@code namespace} (or everywhere when {@code null}; a workload with no namespace
   * is in {@code default}) whose pod template labels match {@code selector}, as a NetworkPolicy or
   * Service selects pods, in scan order.
   */
  public List<Resource> selectWorkloads(String namespace, LabelSelector selector) {
    List<Resource> out = new ArrayList<>();
    // A namespaced look-up walks its namespace only, and labels are matched in the tree, so that
    // one look-up per policy or service neither goes quadratic nor allocates per workload.
    for (Resource r : namespace == null ? workloads : effectiveNamespace(namespace)) {
      PodSpec pod = r.podSpec();
      if (pod != null && selector.matches(pod.metadata().get("labels").asMap())) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The labels of a pod template (a Pod's own labels), in source order: a view of the mapping, as
   * {@link Resource#labels()} is.
   */
  public static Map<String, String> podLabels(PodSpec pod) {
    return StringMapView.of(pod.metadata().get("labels"));
  }

  public int size() {
    return all.size();
  }
}
