/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * All resources of one scan (or of one join scope of it), indexed by group-kind, namespace and
 * name. Built once per scan in linear time; immutable and thread-safe.
 *
 * <p>Namespaces are read as the API server reads them: a cluster-scoped kind
 * ({@link GroupKind#isClusterScoped()}) has no namespace even if it carries one, and a namespaced
 * object that leaves it unset lands in the {@linkplain #defaultNamespace() default namespace} of
 * the scan ({@code default} unless the caller says otherwise, as {@code kubectl apply -n} would).
 * Every look-up by namespace uses this {@linkplain #namespaceOf(Resource) effective namespace}.
 *
 * <p>Look-ups never depend on load order: the same group-kind, namespace and name loaded twice
 * gives both copies ({@link #named}), sorted by source and position, and {@link #duplicates()}
 * lists every such object.
 *
 * <p>Rules share per-scan knowledge through {@link #derived(Derived)}: computed once, on first
 * use, whichever thread asks first.
 */
public final class Inventory {

  /** The namespace an unset namespace means, unless the caller says otherwise. */
  public static final String DEFAULT_NAMESPACE = "default";

  /** Orders copies of one object (and any resources) by source name, then position. */
  public static final Comparator<Resource> SOURCE_ORDER = Comparator
      .comparing((Resource r) -> r.source().name())
      .thenComparingInt(Resource::line)
      .thenComparingInt(Resource::column);

  /**
   * The objects of one group-kind in one effective namespace ({@code null} for a cluster-scoped
   * kind): in scan order, and by name, each name's copies sorted by source and position.
   */
  private static final class Bucket {
    final List<Resource> inOrder = new ArrayList<>(2);
    /** The read-only view of {@link #inOrder}, made on first use (racy but safe: its fields are final). */
    private List<Resource> view;
    /**
     * By name: {@code null}, the {@link Resource} when only one object has a name (most buckets),
     * or a map from name to a {@link Resource} (an object defined once, whose one-element list is
     * made only when asked for) or to the list of its copies.
     */
    private Object names;

    List<Resource> inOrder() {
      List<Resource> v = view;
      if (v == null) {
        v = Collections.unmodifiableList(inOrder);
        view = v;
      }
      return v;
    }

    /** The copies named {@code name}, or {@code null}. */
    @SuppressWarnings("unchecked")
    List<Resource> named(String name) {
      Object n = names;
      Object known = n instanceof Resource only ? (only.name().equals(name) ? only : null)
          : n == null ? null : ((Map<String, Object>) n).get(name);
      if (known == null) {
        return null;
      }
      // Copies are rare: their read-only view is made per look-up.
      return known instanceof Resource r ? r.asList() : Collections.unmodifiableList((List<Resource>) known);
    }

    /** Adds {@code r} by its name; returns its name's list of copies if {@code r} made one. */
    @SuppressWarnings("unchecked")
    List<Resource> addNamed(Resource r) {
      Object n = names;
      if (n == null) {
        names = r;
        return null;
      }
      Map<String, Object> map;
      if (n instanceof Resource first) {
        map = new HashMap<>(4);
        map.put(first.name(), first);
        names = map;
      } else {
        map = (Map<String, Object>) n;
      }
      Object known = map.putIfAbsent(r.name(), r);
      if (known == null) {
        return null;
      }
      if (known instanceof Resource first) {
        List<Resource> copies = new ArrayList<>(2);
        copies.add(first);
        copies.add(r);
        map.put(r.name(), copies);
        return copies;
      }
      ((List<Resource>) known).add(r);
      return null;
    }
  }

  private final List<Resource> all;
  private final String defaultNamespace;
  private final Map<GroupKind, List<Resource>> byKind;
  /** Group-kind, then effective namespace: nested so that a look-up allocates no key. */
  private final Map<GroupKind, Map<String, Bucket>> buckets;
  private final Map<String, List<Resource>> byNamespace;
  private final List<Resource> workloads;
  private final List<List<Resource>> duplicates;
  private final Set<String> namespaces;
  private final ConcurrentHashMap<Derived<?>, Lazy> derived = new ConcurrentHashMap<>();

  private Inventory(List<Resource> resources, String defaultNamespace) {
    this.all = List.copyOf(resources);
    this.defaultNamespace = Objects.requireNonNull(defaultNamespace, "defaultNamespace");
    if (defaultNamespace.isEmpty()) {
      throw new IllegalArgumentException("the default namespace must not be empty");
    }
    Map<GroupKind, List<Resource>> kinds = new HashMap<>();
    Map<GroupKind, Map<String, Bucket>> kindInNamespace = new HashMap<>();
    Map<String, List<Resource>> inNamespace = new HashMap<>();
    List<Resource> carriers = new ArrayList<>();
    Set<String> named = new HashSet<>(); // sorted once at the end
    GroupKind lastKind = null;
    Map<String, Bucket> lastKindBuckets = null;
    List<Resource> lastKindList = null;
    Bucket lastBucket = null;
    String lastBucketNamespace = null;
    String lastNamespace = null;
    List<Resource> lastNamespaceList = null;
    List<List<Resource>> copies = new ArrayList<>();
    for (Resource r : all) {
      GroupKind gk = r.groupKind();
      String ns = namespaceOf(r);
      // Resources of one kind and namespace often come together: one look-up for each run of them.
      if (gk != lastKind) {
        lastKind = gk;
        lastKindBuckets = kindInNamespace.computeIfAbsent(gk, k -> new HashMap<>());
        lastKindList = kinds.computeIfAbsent(gk, k -> new ArrayList<>());
        lastBucket = null;
      }
      lastKindList.add(r);
      if (lastBucket == null || !Objects.equals(ns, lastBucketNamespace)) {
        lastBucket = lastKindBuckets.computeIfAbsent(ns, k -> new Bucket());
        lastBucketNamespace = ns;
      }
      Bucket bucket = lastBucket;
      bucket.inOrder.add(r);
      if (r.name() != null) {
        List<Resource> newCopies = bucket.addNamed(r);
        if (newCopies != null) {
          copies.add(newCopies);
        }
      }
      if (ns != null) {
        if (!ns.equals(lastNamespace)) {
          lastNamespace = ns;
          lastNamespaceList = inNamespace.computeIfAbsent(ns, k -> new ArrayList<>());
        }
        lastNamespaceList.add(r);
      }
      if (r.isWorkload()) {
        carriers.add(r);
        if (r.namespace() != null && !r.isClusterScoped()) {
          named.add(r.namespace());
        }
      }
      if (gk.equals(GroupKind.NAMESPACE) && r.name() != null) {
        named.add(r.name());
      }
    }
    for (List<Resource> list : copies) {
      list.sort(SOURCE_ORDER); // the same lists the buckets map the names to
    }
    copies.sort(Comparator.comparing((List<Resource> l) -> l.get(0), SOURCE_ORDER));
    copies.replaceAll(Collections::unmodifiableList);
    kinds.replaceAll((k, v) -> Collections.unmodifiableList(v));
    inNamespace.replaceAll((k, v) -> Collections.unmodifiableList(v));
    this.byKind = kinds;
    this.buckets = kindInNamespace;
    this.byNamespace = inNamespace;
    this.workloads = Collections.unmodifiableList(carriers);
    this.duplicates = Collections.unmodifiableList(copies);
    this.namespaces = Collections.unmodifiableSet(new TreeSet<>(named));
  }

  /** An inventory of {@code resources}, in the given order, with {@code default} as the default namespace. */
  public static Inventory of(List<Resource> resources) {
    return new Inventory(resources, DEFAULT_NAMESPACE);
  }

  /**
   * An inventory of {@code resources}, in the given order, in which a namespaced object without a
   * namespace lands in {@code defaultNamespace}.
   */
  public static Inventory of(List<Resource> resources, String defaultNamespace) {
    return new Inventory(resources, defaultNamespace);
  }

  /** The namespace an unset {@code metadata.namespace} means in this scan. */
  public String defaultNamespace() {
    return defaultNamespace;
  }

  /**
   * The namespace {@code r} lands in when applied: {@code null} for a cluster-scoped kind (even
   * one that carries a namespace), its own, or the {@linkplain #defaultNamespace() default} when
   * unset.
   */
  public String namespaceOf(Resource r) {
    if (r.isClusterScoped()) {
      return null;
    }
    return r.namespace() == null ? defaultNamespace : r.namespace();
  }

  /** Every resource, in scan order. */
  public List<Resource> all() {
    return all;
  }

  /** Every resource of {@code kind}, in scan order. */
  public List<Resource> ofKind(GroupKind kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** Every resource of {@code kind} whose effective namespace is {@code namespace}, in scan order. */
  public List<Resource> ofKind(GroupKind kind, String namespace) {
    if (namespace == null) {
      return List.of();
    }
    Map<String, Bucket> byNs = buckets.get(kind);
    Bucket bucket = byNs == null ? null : byNs.get(namespace);
    return bucket == null ? List.of() : bucket.inOrder();
  }

  /** Every namespaced resource whose effective namespace is {@code namespace}, in scan order. */
  public List<Resource> inNamespace(String namespace) {
    return byNamespace.getOrDefault(namespace, List.of());
  }

  /**
   * The namespaces present in the scan, sorted: those of Namespace objects and those that
   * workloads declare. Objects without a namespace do not make the default namespace present.
   */
  public Set<String> namespaces() {
    return namespaces;
  }

  /**
   * The labels of {@code namespace} as a namespace selector sees them: its Namespace object's
   * labels (every copy's, the later source winning a clash) plus {@code kubernetes.io/metadata.name},
   * which the API server sets on every namespace.
   */
  public Map<String, String> namespaceLabels(String namespace) {
    List<Resource> objects = named(GroupKind.NAMESPACE, null, namespace);
    Map<String, String> labels = new LinkedHashMap<>();
    for (Resource ns : objects) {
      labels.putAll(ns.labels());
    }
    labels.put("kubernetes.io/metadata.name", namespace);
    return Collections.unmodifiableMap(labels);
  }

  /**
   * Every copy of the object of {@code kind} named {@code name} in {@code namespace}, sorted by
   * source and position; empty when there is none. {@code namespace} is ignored for cluster-scoped
   * kinds; {@code null} stands for the default namespace of namespaced kinds.
   */
  public List<Resource> named(GroupKind kind, String namespace, String name) {
    String ns = kind.isClusterScoped() ? null : namespace == null || namespace.isEmpty() ? defaultNamespace : namespace;
    Map<String, Bucket> byNs = buckets.get(kind);
    Bucket bucket = byNs == null ? null : byNs.get(ns);
    List<Resource> copies = bucket == null || name == null ? null : bucket.named(name);
    return copies == null ? List.of() : copies;
  }

  /** True if an object of {@code kind} named {@code name} is in {@code namespace} (see {@link #named}). */
  public boolean contains(GroupKind kind, String namespace, String name) {
    return !named(kind, namespace, name).isEmpty();
  }

  /**
   * Objects loaded more than once (same group-kind, effective namespace and name), each as its
   * copies sorted by source and position; the groups sorted by their first copy.
   */
  public List<List<Resource>> duplicates() {
    return duplicates;
  }

  /** Every object that carries a pod template (see {@link Resource#isWorkload()}), in scan order. */
  public List<Resource> workloads() {
    return workloads;
  }

  /**
   * Objects of {@code kind} in {@code namespace} (or in every namespace when {@code null}) whose
   * own labels match {@code selector}, in scan order.
   */
  public List<Resource> select(GroupKind kind, String namespace, LabelSelector selector) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : namespace == null ? ofKind(kind) : ofKind(kind, namespace)) {
      if (selector.matches(r.labels())) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Workloads in {@code namespace} (or everywhere when {@code null}) whose pod template labels
   * match {@code selector}, as a NetworkPolicy or Service selects pods, in scan order.
   */
  public List<Resource> selectWorkloads(String namespace, LabelSelector selector) {
    List<Resource> out = new ArrayList<>();
    // A namespaced look-up walks its namespace only, and labels are matched in the tree, so that
    // one look-up per policy or service neither goes quadratic nor allocates per workload.
    for (Resource r : namespace == null ? workloads : inNamespace(namespace)) {
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

  /**
   * The value of {@code key} for this inventory, computed by the key's function on first use and
   * shared by every rule (and thread) after that. A function may ask for other derived values,
   * but not, directly or indirectly, for its own.
   *
   * @throws IllegalStateException if computing {@code key} needs {@code key} itself
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Derived<T> key) {
    Lazy lazy = derived.computeIfAbsent(key, k -> new Lazy());
    return (T) lazy.get(this, key);
  }

  /**
   * The name of a piece of per-scan knowledge and how to compute it from an inventory: which
   * service account each workload runs as, the RBAC graph, the network policy index. Keys are
   * compared by identity: declare each one as a constant.
   *
   * @param <T> the value's type; it must be safe to share between threads (immutable)
   */
  public static final class Derived<T> {
    private final String name;
    private final Function<Inventory, T> compute;

    private Derived(String name, Function<Inventory, T> compute) {
      this.name = Objects.requireNonNull(name, "name");
      this.compute = Objects.requireNonNull(compute, "compute");
    }

    /** A key named {@code name} (for messages) whose value is {@code compute(inventory)}. */
    public static <T> Derived<T> of(String name, Function<Inventory, T> compute) {
      return new Derived<>(name, compute);
    }

    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final class Lazy {
    private volatile Object value;
    private boolean computing;

    Object get(Inventory inventory, Derived<?> key) {
      Object v = value;
      if (v != null) {
        return v;
      }
      synchronized (this) {
        if (value == null) {
          if (computing) {
            throw new IllegalStateException("derived value '" + key.name() + "' depends on itself");
          }
          computing = true;
          try {
            Object computed = key.compute.apply(inventory);
            value = Objects.requireNonNull(computed, () -> "derived value '" + key.name() + "' is null");
          } finally {
            computing = false;
          }
        }
        return value;
      }
    }
  }
}
