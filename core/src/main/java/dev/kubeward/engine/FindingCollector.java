/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.load.LoadError;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Placeholders;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.ScanSettings;
import dev.kubeward.rule.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Context} rules report to: it runs rules (turning a failing rule into an error that
 * quotes nothing from the input), and turns what they report into {@link Finding}s with position,
 * path, related locations, suppression and stable key. One per thread; the current rule is set
 * before each call.
 */
final class FindingCollector implements Context {

  private final RuleSet rules;
  private final Suppressions suppressions;
  private final ScanSettings settings;
  private final KeyBase keys;
  final List<Finding> findings = new ArrayList<>();
  /** For each of {@link #findings}, the hash code of its key, from the key's parts. */
  int[] keyHashes = new int[16];
  final List<LoadError> errors = new ArrayList<>();
  /** For each of {@link #errors} of per-resource rules run on a slice, the index of the resource it failed on. */
  int[] errorOwners;
  private Rule rule;
  private final Map<Resource, ResourceRef> refs = new IdentityHashMap<>();
  private final Map<Resource, String> identities = new IdentityHashMap<>();
  /** Where JSON Pointers are written before they are copied into a finding. */
  private final StringBuilder scratch = new StringBuilder(128);
  private final Map<String, String> texts = new HashMap<>();
  /**
   * The JSON Pointers of the last nodes findings and related locations were reported at, with their
   * resources: the rules of one resource report at the same few nodes (a container, its
   * securityContext), and a cross-resource rule goes back and forth between a few resources (a
   * binding and its role). Keyed by resource too, as the items of one {@code kind: List} may share a
   * node through an alias.
   */
  private final Node[] pointedNodes = new Node[16];
  private final Resource[] pointedIn = new Resource[16];
  private final String[] pointedPaths = new String[16];
  private int nextPointed;
  /** The resource last asked for by {@link #ref}, and its reference: findings come resource by resource. */
  private Resource lastResource;
  private ResourceRef lastRef;
  /** The rule whose severities were last looked up: its own, and the configuration's override or {@code null}. */
  private Rule severitiesOf;
  private Severity ruleSeverity;
  private Severity severityOverride;
  /** The resource whose findings were last looked up among suppressions, and whether it is {@link Suppressions#annotated}. */
  private Resource lastSuppressible;
  private boolean lastAnnotated;
  /** The resource last asked for by {@link #identity}, and its identity. */
  private Resource lastIdentified;
  private String lastIdentity;

  /** What stable keys are relative to: the folder of file names and the default namespace. */
  record KeyBase(java.nio.file.Path base, String defaultNamespace) {}

  FindingCollector(RuleSet rules, Suppressions suppressions, ScanSettings settings, KeyBase keys) {
    this.rules = rules;
    this.suppressions = suppressions;
    this.settings = settings;
    this.keys = keys;
  }

  void run(ResourceRule[] ruleArray, Resource resource) {
    for (ResourceRule r : ruleArray) {
      run(r, resource);
    }
  }

  void run(ResourceRule r, Resource resource) {
    rule = r;
    try {
      r.check(resource, this);
    } catch (RuntimeException e) {
      errors.add(new LoadError(resource.source().name(), resource.line(), resource.column(),
          "rule " + r.metadata().id() + " failed on " + SafeText.oneLine(resource.displayName()) + ": "
              + e.getClass().getSimpleName()));
    }
  }

  /**
   * Puts the findings from {@code start} on, those of one resource, in report order, moving their
   * key hash codes with them: rules report in rule order, and the evaluation then merges runs of
   * findings, one per resource, instead of sorting them all. A resource with many findings is left
   * to that merge.
   */
  void sortFrom(int start) {
    int end = findings.size();
    if (end - start > 64) {
      return;
    }
    for (int i = start + 1; i < end; i++) {
      Finding f = findings.get(i);
      int hash = keyHashes[i];
      int j = i - 1;
      while (j >= start && Finding.ORDER.compare(findings.get(j), f) > 0) {
        findings.set(j + 1, findings.get(j));
        keyHashes[j + 1] = keyHashes[j];
        j--;
      }
      findings.set(j + 1, f);
      keyHashes[j + 1] = hash;
    }
  }

  void run(InventoryRule r, Inventory inventory) {
    rule = r;
    try {
      r.check(inventory, this);
    } catch (RuntimeException e) {
      // The exception's message is not shown: it may quote a value from the input.
      errors.add(new LoadError("<scan>", 0, 0, "rule " + r.metadata().id() + " failed: "
          + e.getClass().getSimpleName()));
    }
  }

  @Override
  public FindingBuilder finding(Resource resource, Node at) {
    return new Builder(resource, at);
  }

  @Override
  public ScanSettings settings() {
    return settings;
  }

  @Override
  public boolean runs(String ruleId) {
    return rules.runs(ruleId);
  }

  @Override
  public boolean isSuppressed(String ruleId, Resource resource) {
    return suppressions.activeReason(suppressions.declared(ruleId, resource, annotated(resource))) != null;
  }

  private final class Builder extends FindingBuilder {
    private final Rule owner = rule;

    Builder(Resource resource, Node at) {
      super(resource, at);
    }

    @Override
    public void report() {
      add(owner, this);
    }
  }

  private void add(Rule owner, FindingBuilder b) {
    RuleMetadata m = owner.metadata();
    Resource resource = b.resource();
    if (owner != severitiesOf) { // findings come rule by rule: one look-up per run of them
      severitiesOf = owner;
      ruleSeverity = rules.severityOf(m.id());
      severityOverride = rules.overrideOf(m.id());
    }
    Severity effective = severityOverride != null ? severityOverride
        : b.severity() != null ? b.severity() : ruleSeverity;
    Node node = b.at();
    String path = pointer(m, resource, node, false);
    if (resource.isPatch() && !node.isScalar() && !node.isList()) {
      // A kustomize patch is a partial object: a finding that points at the object or at a
      // mapping (the closest parent of a field it lacks) may be about a field the patch leaves
      // to the object it patches. Findings on values the patch sets (scalars, lists) stay.
      return;
    }
    boolean unverified = Placeholders.holdsPlaceholder(node);
    int line = b.line() > 0 ? b.line() : node.isMissing() ? resource.line() : node.line();
    int column = b.line() > 0 ? b.column() : node.isMissing() ? resource.column() : node.column();
    List<FindingBuilder.Related> relatedAsked = b.related();
    List<RelatedLocation> related = relatedAsked.isEmpty() ? List.of() : new ArrayList<>(relatedAsked.size());
    for (FindingBuilder.Related r : relatedAsked) {
      Node at = r.at();
      Resource in = r.resource();
      unverified |= Placeholders.holdsPlaceholder(at);
      related.add(new RelatedLocation(shared(SafeText.oneLine(r.message())), ref(in), in.source().name(),
          at.isMissing() ? in.line() : at.line(), at.isMissing() ? in.column() : at.column(), pointer(m, in, at, true)));
    }
    String declared = suppressions.declared(m.id(), resource, annotated(resource));
    String suppression = suppressions.activeReason(declared);
    String message = SafeText.oneLine(b.message());
    if (suppression == null && declared != null) {
      String expired = suppressions.expiredNote(declared);
      if (expired != null) {
        message = message + " (" + SafeText.oneLine(expired) + ")";
      }
    }
    String discriminator = b.discriminator() != null ? b.discriminator() : path;
    String identity = identity(resource);
    String key = FindingKeys.key(m.id(), identity, discriminator);
    if (findings.size() == keyHashes.length) {
      keyHashes = Arrays.copyOf(keyHashes, keyHashes.length * 2);
    }
    keyHashes[findings.size()] = FindingKeys.hashOf(m.id(), identity, discriminator);
    findings.add(new Finding(m.id(), effective, m.topic(), b.controls() != null ? b.controls() : m.controls(),
        message, ref(resource), resource.source().name(), line, column, path,
        suppression != null, suppression, related, key, false, unverified, resource.template()));
  }

  /**
   * The reference of {@code resource}, one instance per resource: cross-resource rules name the same
   * resources in many findings and related locations, which then share it.
   */
  private ResourceRef ref(Resource resource) {
    if (resource == lastResource) {
      return lastRef;
    }
    ResourceRef ref = refs.get(resource);
    if (ref == null) {
      ref = ResourceRef.of(resource);
      refs.put(resource, ref);
    }
    lastResource = resource;
    lastRef = ref;
    return ref;
  }

  /** Whether {@code resource} carries suppression annotations ({@link Suppressions#annotated}), found once per run of its findings. */
  private boolean annotated(Resource resource) {
    if (resource != lastSuppressible) {
      lastSuppressible = resource;
      lastAnnotated = Suppressions.annotated(resource);
    }
    return lastAnnotated;
  }

  /** The identity of {@code resource} in finding keys, built once per resource. */
  private String identity(Resource resource) {
    if (resource == lastIdentified) {
      return lastIdentity;
    }
    String identity = identities.get(resource);
    if (identity == null) {
      identity = FindingKeys.identity(resource, keys.defaultNamespace(), keys.base());
      identities.put(resource, identity);
    }
    lastIdentified = resource;
    lastIdentity = identity;
    return identity;
  }

  /**
   * One instance of each equal text (JSON Pointers such as {@code /metadata/name}, the messages of
   * related locations): they repeat across findings, which keep them until the report is written.
   */
  private String shared(String text) {
    String known = texts.putIfAbsent(text, text);
    return known != null ? known : text;
  }

  /**
   * The JSON Pointer of {@code node} in {@code resource}. With {@code share}, one instance of each
   * text across resources: related locations repeat the same few places of many objects (a role's
   * rules, a binding's subjects). A finding's own pointer is not looked up there, its key holds the
   * same text anyway.
   */
  private String pointer(RuleMetadata m, Resource resource, Node node, boolean share) {
    if (node.isMissing()) {
      return "";
    }
    for (int i = 0; i < pointedNodes.length; i++) {
      if (pointedNodes[i] == node && pointedIn[i] == resource) {
        if (share) {
          pointedPaths[i] = shared(pointedPaths[i]); // a finding's own pointer, first met unshared
        }
        return pointedPaths[i];
      }
    }
    String path = resource.pointerOf(node, scratch);
    if (path == null) {
      throw new IllegalArgumentException("rule " + m.id() + " reported a node outside " + resource.displayName());
    }
    if (share) {
      path = shared(path);
    }
    pointedNodes[nextPointed] = node;
    pointedIn[nextPointed] = resource;
    pointedPaths[nextPointed] = path;
    nextPointed = (nextPointed + 1) & (pointedNodes.length - 1);
    return path;
  }
}
