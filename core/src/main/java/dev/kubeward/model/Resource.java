/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Kubernetes object as loaded from a manifest: its identity, its full tree with positions,
 * and where it came from. Immutable and safe to share between threads.
 */
public final class Resource {

  private final Source source;
  private final int documentIndex;
  private final MapNode root;
  private final String apiVersion;
  /** The group part of {@link #apiVersion}, split once: rules ask for it on every resource. */
  private final String apiGroup;
  private final String kind;
  private final GroupKind groupKind;
  /** {@code groupKind.isClusterScoped()}, looked up once: the inventory asks for every resource. */
  private final boolean clusterScoped;
  private final String name;
  private final String namespace;
  private final Map<String, String> labels;
  private final Map<String, String> annotations;
  private final PodSpec podSpec;
  private final List<InlineSuppression> inlineSuppressions;
  /** 1-based place among the unnamed objects of the same kind in the file, or 0 if it is the only one. */
  private final int fileOrdinal;
  /** The chart template the object was rendered from ({@code # Source:} comment), or null. */
  private final String template;
  /** True if the object is a kustomize patch: a partial object. */
  private final boolean patch;
  /** {@link #asList()}, made on first use. */
  private List<Resource> asList;
  /** {@link #displayName()}, made on first use: messages name the same resource many times. */
  private String displayName;

  private Resource(Source source, int documentIndex, MapNode root, WorkloadKinds workloadKinds,
      List<InlineSuppression> inlineSuppressions) {
    this.source = Objects.requireNonNull(source, "source");
    this.documentIndex = documentIndex;
    this.root = Objects.requireNonNull(root, "root");
    this.apiVersion = root.get("apiVersion").text("");
    int slash = apiVersion.indexOf('/');
    this.apiGroup = slash < 0 ? "" : apiVersion.substring(0, slash);
    this.kind = root.get("kind").text("");
    this.groupKind = GroupKind.of(apiGroup, kind);
    this.clusterScoped = groupKind.isClusterScoped();
    Node metadata = root.get("metadata");
    this.name = metadata.get("name").text();
    this.namespace = emptyToNull(metadata.get("namespace").text());
    this.labels = StringMapView.of(metadata.get("labels"));
    this.annotations = StringMapView.of(metadata.get("annotations"));
    this.podSpec = workloadKinds.podSpecOf(this);
    this.inlineSuppressions = inlineSuppressions.isEmpty() ? List.of() : List.copyOf(inlineSuppressions);
    this.fileOrdinal = 0;
    this.template = null;
    this.patch = false;
  }

  private Resource(Resource r, int fileOrdinal, String template, boolean patch) {
    this.source = r.source;
    this.documentIndex = r.documentIndex;
    this.root = r.root;
    this.apiVersion = r.apiVersion;
    this.apiGroup = r.apiGroup;
    this.kind = r.kind;
    this.groupKind = r.groupKind;
    this.clusterScoped = r.clusterScoped;
    this.name = r.name;
    this.namespace = r.namespace;
    this.labels = r.labels;
    this.annotations = r.annotations;
    this.podSpec = r.podSpec;
    this.inlineSuppressions = r.inlineSuppressions;
    this.fileOrdinal = fileOrdinal;
    this.template = template;
    this.patch = patch;
  }

  /**
   * A resource over {@code root}, which must be a mapping; the pod spec view is found with
   * {@code workloadKinds}.
   *
   * @param documentIndex 0-based index of the document in its source
   */
  public static Resource of(Source source, int documentIndex, MapNode root, WorkloadKinds workloadKinds) {
    return new Resource(source, documentIndex, root, workloadKinds, List.of());
  }

  /**
   * As {@link #of(Source, int, MapNode, WorkloadKinds)}, with the {@code # kubeward:ignore}
   * comments of the object's document.
   */
  public static Resource of(Source source, int documentIndex, MapNode root, WorkloadKinds workloadKinds,
      List<InlineSuppression> inlineSuppressions) {
    return new Resource(source, documentIndex, root, workloadKinds, inlineSuppressions);
  }

  /** A resource over {@code root} with the built-in workload kinds. */
  public static Resource of(Source source, int documentIndex, MapNode root) {
    return new Resource(source, documentIndex, root, WorkloadKinds.builtIn(), List.of());
  }

  /**
   * This resource as the {@code ordinal}-th (1-based) unnamed object of its kind in a file that
   * holds several, which its display name then says ({@code KubeletConfiguration #2 in file}).
   */
  public Resource withFileOrdinal(int ordinal) {
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must not be negative");
    }
    return new Resource(this, ordinal, template, patch);
  }

  /**
   * This resource as rendered from the chart template {@code template} (the path that the
   * {@code # Source:} comment of {@code helm template} output names, such as
   * {@code chart/templates/deployment.yaml}), or from none when {@code null}.
   */
  public Resource withTemplate(String template) {
    return new Resource(this, fileOrdinal, template, patch);
  }

  /**
   * This resource as a kustomize patch (or not): a partial object that a kustomization merges
   * into another, so that a field it leaves out says nothing about the result.
   */
  public Resource asPatch(boolean patch) {
    return new Resource(this, fileOrdinal, template, patch);
  }

  /** The chart template this object was rendered from, or {@code null}; see {@link #withTemplate}. */
  public String template() {
    return template;
  }

  /** True if this object is a kustomize patch; see {@link #asPatch}. */
  public boolean isPatch() {
    return patch;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  public Source source() {
    return source;
  }

  /**
   * 0-based index of the document in its source, counting documents that hold something (read or
   * not) and skipping empty ones; the items of a {@code List} share it.
   */
  public int documentIndex() {
    return documentIndex;
  }

  /** The whole object. */
  public MapNode root() {
    return root;
  }

  /** 1-based line where the object starts. */
  public int line() {
    return root.line();
  }

  /** 1-based column where the object starts. */
  public int column() {
    return root.column();
  }

  public String apiVersion() {
    return apiVersion;
  }

  /** The API group: {@code ""} for the core group ({@code v1}), {@code "apps"} for {@code apps/v1}. */
  public String apiGroup() {
    return apiGroup;
  }

  public String kind() {
    return kind;
  }

  /** The API group and kind, which say what the object is whatever its version. */
  public GroupKind groupKind() {
    return groupKind;
  }

  /**
   * True if objects of this kind are cluster-scoped ({@link GroupKind#isClusterScoped()}): the API
   * server ignores a namespace they carry.
   */
  public boolean isClusterScoped() {
    return clusterScoped;
  }

  /** True if this object is of {@code groupKind}. */
  public boolean is(GroupKind groupKind) {
    return this.groupKind.equals(groupKind);
  }

  /** {@code metadata.name}, or {@code null} when unset (as with {@code generateName}). */
  public String name() {
    return name;
  }

  /** {@code metadata.namespace}, or {@code null} when unset or empty. */
  public String namespace() {
    return namespace;
  }

  /** {@code metadata.labels} as strings, in source order; empty when absent. */
  public Map<String, String> labels() {
    return labels;
  }

  /** {@code metadata.annotations} as strings, in source order; empty when absent. */
  public Map<String, String> annotations() {
    return annotations;
  }

  /** The pod spec this object carries (a Pod, a workload's template...), or {@code null}. */
  public PodSpec podSpec() {
    return podSpec;
  }

  /**
   * This resource as a one-element list, made once: what {@link Inventory#named} gives for an object
   * defined once, without a list per object in the index or per look-up.
   */
  List<Resource> asList() {
    List<Resource> known = asList;
    if (known == null) {
      known = List.of(this); // racy but safe: an immutable list of the same element
      asList = known;
    }
    return known;
  }

  /** True if this object carries a pod template. */
  public boolean isWorkload() {
    return podSpec != null;
  }

  /**
   * The JSON Pointer of {@code node} inside this resource ({@code ""} for the root), or
   * {@code null} if the node is not part of it. Found by identity; allocates, so meant for the
   * rare case of reporting a finding.
   */
  public String pointerOf(Node node) {
    return pointerOf(node, new StringBuilder(96)); // the pointers of pod fields are about this long
  }

  /**
   * {@link #pointerOf(Node)}, written in {@code scratch} (emptied first) before it is copied into
   * the result: a caller that reports many findings passes the same builder each time.
   */
  public String pointerOf(Node node, StringBuilder scratch) {
    if (node == root) {
      return "";
    }
    scratch.setLength(0);
    return Pointers.find(root, node, scratch) ? scratch.toString() : null;
  }

  /**
   * The {@code # kubeward:ignore <rule-id> <reason>} comments of the object's document (real YAML
   * comments only, never text in a block scalar or a quoted string), in document order; empty when
   * there are none.
   */
  public List<InlineSuppression> inlineSuppressions() {
    return inlineSuppressions;
  }

  /**
   * 1-based place among the unnamed objects of the same configuration-file kind in the file, when
   * it holds several; 0 otherwise.
   */
  public int fileOrdinal() {
    return fileOrdinal;
  }

  /**
   * True if the object is identified by its file rather than its name: a configuration file
   * ({@link GroupKind#isConfigurationFile()}) without {@code metadata.name}.
   */
  public boolean isIdentifiedByFile() {
    return name == null && groupKind.isConfigurationFile();
  }

  /**
   * {@code Kind namespace/name}, {@code Kind name}, for messages; {@code Kind in file} (or
   * {@code Kind #2 in file}) for a configuration file without a name, {@code Kind ns/prefix-*} for
   * an object named by its {@code metadata.generateName}, {@code Kind <unnamed>} for any other
   * object without one.
   */
  public String displayName() {
    String known = displayName;
    if (known == null) {
      // Racy but safe: every thread computes the same immutable String.
      known = computeDisplayName();
      displayName = known;
    }
    return known;
  }

  private String computeDisplayName() {
    if (name == null && !isIdentifiedByFile()) {
      // An object without a name is named by its metadata.generateName and a star (Job ci/build-*).
      String generated = root.get("metadata").get("generateName").text();
      if (generated != null && !generated.isEmpty()) {
        return displayName(kind, namespace, generated + "*", null, 0);
      }
    }
    return displayName(kind, namespace, name, isIdentifiedByFile() ? source.name() : null, fileOrdinal);
  }

  /**
   * The display name of an object: {@code Kind namespace/name}, {@code Kind name}, or, when
   * {@code file} is given for an object without a name, {@code Kind in file} ({@code Kind #n in
   * file} for an {@code ordinal} above 0); {@code Kind <unnamed>} otherwise.
   */
  public static String displayName(String kind, String namespace, String name, String file, int ordinal) {
    if (name == null && file != null) {
      return ordinal > 0 ? kind + " #" + ordinal + " in " + file : kind + " in " + file;
    }
    String n = name == null ? "<unnamed>" : name;
    return namespace == null ? kind + " " + n : kind + " " + namespace + "/" + n;
  }

  @Override
  public String toString() {
    return displayName() + " (" + source.name() + ":" + line() + ")";
  }
}
