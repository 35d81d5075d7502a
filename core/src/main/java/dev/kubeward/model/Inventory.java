/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
 * name. Built once per scan in linear time, except for what only some rules need (the objects of
 * a kind and namespace by name, the {@linkplain #duplicates() duplicates}, the
 * {@linkplain #namespaces() namespaces present}), which is made on first use. Thread-safe, and
 * immutable as its callers see it.
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
  public static final Comparator<Resource> SOURCE_ORDER = Inventory::compareSource;

  private static int compareSource(Resource a, Resource b) {
    int c = a.source().name().compareTo(b.source().name());
    if (c == 0) {
      c = Integer.compare(a.line(), b.line());
    }
    return c != 0 ? c : Integer.compare(a.column(), b.column());
  }

  /**
   * The objects of one group-kind in one effective namespace ({@code null} for a cluster-scoped
   * kind), or all objects of a kind: in scan order, and by name once a look-up by name needs it.
   */
  private static final class Bucket {
    final ArrayList<Resource> inOrder = new ArrayList<>(4);
    /** The read-only view of {@link #inOrder}, made on first use (racy but safe: its fields are final). */
    private List<Resource> view;
    /** By name, made on first use: see {@link Names}. */
    private volatile Names names;

    List<Resource> inOrder() {
      List<Resource> v = view;
      if (v == null) {
        v = Collections.unmodifiableList(inOrder);
        view = v;
      }
      return v;
    }

    /**
     * The index by name. Building it costs a hash map per bucket, which most scans need for a few
     * kinds only (service accounts, roles, the targets of autoscalers): it is made on the first
     * look-up by name, or when {@link Inventory#duplicates()} is first asked for.
     */
    Names names() {
      Names n = names;
      if (n == null) {
        n = Names.of(inOrder); // racy but safe: the same immutable index whichever thread wins
        names = n;
      }
      return n;
    }
  }

  /**
   * The objects of one bucket by name: each name maps to its {@link Resource} (an object defined
   * once, whose one-element list is made only when asked for) or to the read-only list of its
   * copies, sorted by source and position. Immutable once made.
   */
  private static final class Names {
    private static final Names EMPTY = new Names(null, Map.of(), List.of());

    /** The only named object of the bucket (most buckets), or {@code null}. */
    private final Resource only;
    private final Map<String, Object> byName;
    /** The groups of copies, each sorted, in no particular order. */
    final List<List<Resource>> copies;

    private Names(Resource only, Map<String, Object> byName, List<List<Resource>> copies) {
      this.only = only;
      this.byName = byName;
      this.copies = copies;
    }

    @SuppressWarnings("unchecked")
    static Names of(List<Resource> resources) {
      Resource first = null;
      int named = 0;
      for (int i = 0; i < resources.size(); i++) {
        Resource r = resources.get(i);
        if (r.name() != null && named++ == 0) {
          first = r;
        }
      }
      if (named <= 1) {
        return named == 0 ? EMPTY : new Names(first, Map.of(), List.of());
      }
      Map<String, Object> map = new HashMap<>((int) (named / 0.75f) + 1);
      List<List<Resource>> copies = null;
      for (int i = 0; i < resources.size(); i++) {
        Resource r = resources.get(i);
        if (r.name() == null) {
          continue;
        }
        Object known = map.putIfAbsent(r.name(), r);
        if (known instanceof Resource once) {
          List<Resource> list = new ArrayList<>(2);
          list.add(once);
          list.add(r);
          map.put(r.name(), list);
          if (copies == null) {
            copies = new ArrayList<>();
          }
          copies.add(list);
        } else if (known != null) {
          ((List<Resource>) known).add(r);
        }
      }
      if (copies == null) {
        return new Names(null, map, List.of());
      }
      for (int i = 0; i < copies.size(); i++) {
        List<Resource> list = copies.get(i);
        list.sort(SOURCE_ORDER);
        List<Resource> view = Collections.unmodifiableList(list);
        map.put(list.get(0).name(), view);
        copies.set(i, view);
      }
      return new Names(null, map, copies);
    }

    /** The copies named {@code name}, or {@code null}. */
    @SuppressWarnings("unchecked")
    List<Resource> named(String name) {
      Resource o = only;
      if (o != null) {
        return o.name().equals(name) ? o.asList() : null;
      }
      Object known = byName.get(name);
      return known == null ? null : known instanceof Resource r ? r.asList() : (List<Resource>) known;
    }
  }

  /** The objects of one group-kind: all of them, and by effective namespace. */
  private static final class Kind {
    final Bucket all = new Bucket();
    /** By effective namespace; empty for a cluster-scoped kind, whose objects are all in {@link #all}. */
    final Map<String, Bucket> byNamespace = new HashMap<>();
    final boolean clusterScoped;

    Kind(GroupKind kind) {
      this.clusterScoped = kind.isClusterScoped();
    }

    /** The bucket of {@code namespace}, the effective namespace of a look-up; {@code null} for none. */
    Bucket bucket(String namespace) {
      return clusterScoped ? (namespace == null ? all : null) : namespace == null ? null : byNamespace.get(namespace);
    }
  }

  private final List<Resource> all;
  private final String defaultNamespace;
  private final Map<GroupKind, Kind> kinds;
  private final Map<String, List<Resource>> byNamespace;
  private final List<Resource> workloads;
  /** Made on first use, as the indexes by name they come from. */
  private volatile List<List<Resource>> duplicates;
  private volatile Set<String> namespaces;
  private final ConcurrentHashMap<Derived<?>, Lazy> derived = new ConcurrentHashMap<>();

  private Inventory(List<Resource> resources, String defaultNamespace) {
    this.all = List.copyOf(resources);
    this.defaultNamespace = Objects.requireNonNull(defaultNamespace, "defaultNamespace");
    if (defaultNamespace.isEmpty()) {
      throw new IllegalArgumentException("the default namespace must not be empty");
    }
    Map<GroupKind, Kind> byKind = new HashMap<>();
    Map<String, List<Resource>> inNamespace = new HashMap<>();
    List<Resource> carriers = new ArrayList<>();
    // Resources of one kind and namespace often come together: one look-up for each run of them.
    GroupKind lastKind = null;
    Kind kind = null;
    Bucket lastBucket = null;
    String lastBucketNamespace = null;
    String lastNamespace = null;
    List<Resource> lastNamespaceList = null;
    for (int i = 0; i < all.size(); i++) {
      Resource r = all.get(i);
      GroupKind gk = r.groupKind();
      if (gk != lastKind) {
        lastKind = gk;
        kind = byKind.get(gk);
        if (kind == null) {
          kind = new Kind(gk);
          byKind.put(gk, kind);
        }
        lastBucket = null;
      }
      kind.all.inOrder.add(r);
      if (r.isWorkload()) {
        carriers.add(r);
      }
      if (kind.clusterScoped) {
        continue;
      }
      String ns = r.namespace() == null ? defaultNamespace : r.namespace();
      if (lastBucket == null || !ns.equals(lastBucketNamespace)) {
        lastBucket = kind.byNamespace.computeIfAbsent(ns, k -> new Bucket());
        lastBucketNamespace = ns;
      }
      lastBucket.inOrder.add(r);
      if (!ns.equals(lastNamespace)) {
        lastNamespace = ns;
        lastNamespaceList = inNamespace.computeIfAbsent(ns, k -> new ArrayList<>());
      }
      lastNamespaceList.add(r);
    }
    inNamespace.replaceAll((k, v) -> Collections.unmodifiableList(v));
    this.kinds = byKind;
    this.byNamespace = inNamespace;
    this.workloads = Collections.unmodifiableList(carriers);
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
    Kind k = kinds.get(kind);
    return k == null ? List.of() : k.all.inOrder();
  }

  /** Every resource of {@code kind} whose effective namespace is {@code namespace}, in scan order. */
  public List<Resource> ofKind(GroupKind kind, String namespace) {
    Kind k = namespace == null ? null : kinds.get(kind);
    Bucket bucket = k == null || k.clusterScoped ? null : k.byNamespace.get(namespace);
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
    Set<String> known = namespaces;
    if (known == null) {
      Set<String> present = new TreeSet<>();
      for (Resource r : ofKind(GroupKind.NAMESPACE)) {
        if (r.name() != null) {
          present.add(r.name());
        }
      }
      for (Resource r : workloads) {
        if (r.namespace() != null && !r.isClusterScoped()) {
          present.add(r.namespace());
        }
      }
      known = Collections.unmodifiableSet(present); // racy but safe: the same set whichever thread wins
      namespaces = known;
    }
    return known;
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
    Kind k = name == null ? null : kinds.get(kind);
    Bucket bucket = k == null ? null : k.bucket(ns);
    List<Resource> copies = bucket == null ? null : bucket.names().named(name);
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
    List<List<Resource>> known = duplicates;
    if (known == null) {
      List<List<Resource>> copies = new ArrayList<>();
      for (Kind k : kinds.values()) {
        if (k.clusterScoped) {
          copies.addAll(k.all.names().copies);
        } else {
          for (Bucket bucket : k.byNamespace.values()) {
            copies.addAll(bucket.names().copies);
          }
        }
      }
      copies.sort((a, b) -> compareSource(a.get(0), b.get(0)));
      known = Collections.unmodifiableList(copies); // racy but safe: the same groups whichever thread wins
      duplicates = known;
    }
    return known;
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
