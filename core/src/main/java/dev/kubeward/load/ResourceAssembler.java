/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.InlineSuppression;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ScalarNode;
import dev.kubeward.model.Source;
import dev.kubeward.model.WorkloadKinds;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the tree of a document into resources: lists are flattened into their items, and an
 * object without apiVersion or kind, or a document that is not a mapping, is an error. Stateless.
 */
final class ResourceAssembler {

  private final WorkloadKinds workloadKinds;

  ResourceAssembler(WorkloadKinds workloadKinds) {
    this.workloadKinds = workloadKinds;
  }

  /** Adds the resources of the document {@code docIndex} of {@code source}, or the error it is. */
  void toResources(Accumulator acc, Source source, int docIndex, Node root, List<InlineSuppression> comments) {
    if (!root.isMap()) {
      acc.errors.add(new LoadError(source.name(), root.line(), root.column(),
          "a manifest must be a mapping, not a " + (root.isList() ? "list" : "scalar")));
      acc.shapeErrors++;
      return;
    }
    if (root.asMap().get("kind").isNull()) {
      // Not a Kubernetes object by its shape (a values file, a workflow): an error here, which the
      // reader turns into a skipped file when no document of the file is an object.
      acc.shapeErrors++;
    }
    addObject(acc, source, docIndex, root.asMap(), comments);
  }

  /**
   * Numbers the unnamed configuration-file objects among {@code resources} from {@code from} on
   * (the objects of one file) when several share a kind, so that each has a name to show. A file
   * without such objects costs one look at each resource.
   */
  void numberUnnamed(List<Resource> resources, int from) {
    Map<GroupKind, Integer> counts = null;
    for (int i = from; i < resources.size(); i++) {
      Resource r = resources.get(i);
      if (r.isIdentifiedByFile()) {
        if (counts == null) {
          counts = new HashMap<>();
        }
        counts.merge(r.groupKind(), 1, Integer::sum);
      }
    }
    if (counts == null || counts.values().stream().allMatch(n -> n == 1)) {
      return;
    }
    Map<GroupKind, Integer> seen = new HashMap<>();
    for (int i = from; i < resources.size(); i++) {
      Resource r = resources.get(i);
      if (r.isIdentifiedByFile() && counts.get(r.groupKind()) > 1) {
        resources.set(i, r.withFileOrdinal(seen.merge(r.groupKind(), 1, Integer::sum)));
      }
    }
  }

  /**
   * Adds an object and the objects of its {@code items}. kubectl reads any object (with apiVersion
   * and kind) whose {@code items} is a list as a list, whatever its kind or name, creates its items
   * (lists nest) and not the object itself; an item with neither apiVersion nor kind takes those of
   * the list ({@code PodList} items are Pods, of the list's apiVersion), as the API server leaves
   * them out of the items of a typed list, and an item with only one of the two takes the other
   * when what it has agrees with the list (see {@code withListIdentity}). A plain {@code List}
   * names no item kind: its items must name their own. A {@code List} or {@code *List} kind is
   * only a wrapper, so only its items are resources; any other kind with an {@code items} list is a resource too, since tools that apply
   * objects as they are would create it, and its items are resources because kubectl would create
   * them.
   */
  private void addObject(Accumulator acc, Source source, int docIndex, MapNode map, List<InlineSuppression> comments) {
    Node items = map.get("items");
    String kind = map.get("kind").text("");
    if (!items.isList() || kind.isBlank() || map.get("apiVersion").text("").isBlank()) {
      addResource(acc, source, docIndex, map, comments);
      return;
    }
    boolean wrapper = kind.endsWith("List");
    if (!wrapper) {
      addResource(acc, source, docIndex, map, comments);
    }
    String itemKind = wrapper ? kind.substring(0, kind.length() - "List".length()) : kind;
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      if (!item.isMap()) {
        if (wrapper) {
          acc.errors.add(new LoadError(source.name(), item.line(), item.column(),
              "an item of a List must be a mapping"));
        }
        continue;
      }
      MapNode object = item.asMap();
      if (!itemKind.isEmpty() && map.get("apiVersion") instanceof ScalarNode apiVersion) {
        object = withListIdentity(object, apiVersion, itemKind, map.get("kind"));
      }
      addObject(acc, source, docIndex, object, comments);
    }
  }

  /**
   * An item of a typed list ({@code PodList}) with the identity the list gives it: an item with
   * neither apiVersion nor kind takes both; one with only the list's apiVersion takes the kind; one
   * with only the list's item kind takes the apiVersion. An item that says anything else of itself
   * is left as it is (an item of a plain {@code List} always is: such a list has no item kind).
   */
  private static MapNode withListIdentity(MapNode object, ScalarNode apiVersion, String kind, Node kindAt) {
    Node ownApiVersion = object.get("apiVersion");
    Node ownKind = object.get("kind");
    if (!ownApiVersion.isNull() && !ownKind.isNull()) {
      return object;
    }
    if (ownKind.isNull() && !ownApiVersion.isNull() && !ownApiVersion.textEquals(apiVersion.text())
        || ownApiVersion.isNull() && !ownKind.isNull() && !ownKind.textEquals(kind)) {
      return object;
    }
    return withIdentity(object, apiVersion, kind, kindAt);
  }

  /**
   * {@code object} with {@code apiVersion} and {@code kind} in front: its own where it has them,
   * otherwise the list's (placed where the list has its own).
   */
  private static MapNode withIdentity(MapNode object, ScalarNode apiVersion, String kind, Node kindAt) {
    int n = object.size();
    ScalarNode[] keys = new ScalarNode[n + 2];
    Node[] values = new Node[n + 2];
    int own = object.indexOf("apiVersion");
    if (own >= 0 && !object.value(own).isNull()) {
      keys[0] = object.keyNode(own);
      values[0] = object.value(own);
    } else {
      keys[0] = ScalarNode.ofString(apiVersion.line(), apiVersion.column(), "apiVersion", true);
      values[0] = apiVersion.copy();
    }
    own = object.indexOf("kind");
    if (own >= 0 && !object.value(own).isNull()) {
      keys[1] = object.keyNode(own);
      values[1] = object.value(own);
    } else {
      keys[1] = ScalarNode.ofString(kindAt.line(), kindAt.column(), "kind", true);
      values[1] = ScalarNode.ofString(kindAt.line(), kindAt.column(), kind, true);
    }
    int k = 2;
    for (int i = 0; i < n; i++) {
      String key = object.key(i);
      if (key.equals("apiVersion") || key.equals("kind")) {
        continue;
      }
      keys[k] = object.keyNode(i);
      values[k] = object.value(i);
      k++;
    }
    return MapNode.of(object.line(), object.column(), Arrays.copyOf(keys, k), Arrays.copyOf(values, k));
  }

  private void addResource(Accumulator acc, Source source, int docIndex, MapNode map, List<InlineSuppression> comments) {
    Node apiVersion = map.get("apiVersion");
    Node kind = map.get("kind");
    String problem = null;
    if (apiVersion.text() == null || apiVersion.text().isBlank()) {
      problem = kind.text() == null || kind.text().isBlank() ? "no apiVersion and no kind" : "no apiVersion";
    } else if (kind.text() == null || kind.text().isBlank()) {
      problem = "no kind";
    }
    if (problem != null) {
      acc.errors.add(new LoadError(source.name(), map.line(), map.column(),
          "not a Kubernetes object: " + problem));
      return;
    }
    acc.resources.add(Resource.of(source, docIndex, map, workloadKinds, comments));
  }
}
