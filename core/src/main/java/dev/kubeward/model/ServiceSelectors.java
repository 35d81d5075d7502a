/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Services of a scan select which workloads' pods, worked out once per scan ({@link #of}).
 *
 * <p>A Service selects a workload when both are in the same {@linkplain Inventory#namespaceOf
 * effective namespace}, its selector ({@link SelectorField#SERVICE_SELECTOR}) matches by labels
 * (absent, {@code {}} or on an ExternalName Service it selects nothing), and the pod template's labels
 * hold every entry of it but those on {@linkplain ControllerLabels controller labels}, with at least
 * one entry left ({@link ControllerLabels#matchedEntries} above 0): a selector of controller labels
 * only is not read as selecting a particular workload.
 *
 * <p>Each such Service is indexed by its namespace and its first entry that is not on a controller
 * label, which every pod template it selects carries; a workload then tries only the Services
 * indexed under one of its own labels instead of every Service of its namespace, so that the whole
 * costs one pass over the Services and one over the workloads' labels rather than workloads times
 * Services. Look-ups allocate nothing.
 */
public final class ServiceSelectors {

  private static final Inventory.Derived<ServiceSelectors> KEY =
      Inventory.Derived.of("services by the workloads they select", ServiceSelectors::new);

  /**
   * The Services that select each workload with at least one, in scan order: the {@link Resource}
   * when there is one (most workloads), else the list.
   */
  private final Map<Resource, Object> byWorkload = new IdentityHashMap<>();
  /** The Services that select at least one workload. */
  private final Set<Resource> selectingSome = Collections.newSetFromMap(new IdentityHashMap<>());

  private ServiceSelectors(Inventory inventory) {
    // Namespace, then key, then value of the indexed selector entry, to the Service indexed there
    // (most) or the list of them in scan order: nested, as the inventory's buckets are, so that no
    // key is made per look-up.
    Map<String, Map<String, Map<String, Object>>> index = new HashMap<>();
    List<Resource> services = inventory.ofKind(GroupKind.SERVICE);
    for (int i = 0; i < services.size(); i++) {
      Resource service = services.get(i);
      String namespace = inventory.namespaceOf(service);
      int entry = indexedEntry(service);
      if (namespace == null || entry < 0) {
        continue;
      }
      MapNode selector = selector(service);
      index.computeIfAbsent(namespace, k -> new HashMap<>())
          .computeIfAbsent(selector.key(entry), k -> new HashMap<>(4))
          .merge(selector.value(entry).text(""), service, ServiceSelectors::add);
    }
    if (index.isEmpty()) {
      return;
    }
    Map<Resource, Integer> scanOrder = null;
    List<Resource> workloads = inventory.workloads();
    for (int w = 0; w < workloads.size(); w++) {
      Resource workload = workloads.get(w);
      Map<String, Map<String, Object>> byKey = index.get(inventory.namespaceOf(workload));
      if (byKey == null) {
        continue;
      }
      Node labels = workload.podSpec().metadata().get("labels");
      MapNode map = labels.asMap();
      Object found = null;
      int buckets = 0;
      for (int j = 0; j < map.size(); j++) {
        String key = map.key(j);
        Map<String, Object> byValue = byKey.get(key);
        // Only a key's first entry counts, as the match reads it (Node#get).
        if (byValue == null || map.indexOf(key) != j) {
          continue;
        }
        Object candidates = byValue.get(map.value(j).text(""));
        if (candidates == null) {
          continue;
        }
        buckets++;
        for (int c = 0, n = size(candidates); c < n; c++) {
          Resource service = get(candidates, c);
          if (ControllerLabels.matchedEntries(selector(service), labels) > 0) {
            found = found == null ? service : add(found, service);
            selectingSome.add(service);
          }
        }
      }
      if (found instanceof List<?> && buckets > 1) {
        // Each bucket is in scan order; found through several labels, they are merged into it.
        if (scanOrder == null) {
          scanOrder = new IdentityHashMap<>();
          for (int i = 0; i < services.size(); i++) {
            scanOrder.put(services.get(i), i);
          }
        }
        Map<Resource, Integer> order = scanOrder;
        asList(found).sort((a, b) -> Integer.compare(order.get(a), order.get(b)));
      }
      if (found != null) {
        byWorkload.put(workload, found instanceof Resource ? found : Collections.unmodifiableList(asList(found)));
      }
    }
  }

  /** The Service selectors of {@code inventory}, worked out on first use and shared by every rule. */
  public static ServiceSelectors of(Inventory inventory) {
    return inventory.derived(KEY);
  }

  /**
   * The Services that select the pods of {@code workload} (a resource of this scan), in scan order;
   * empty when there is none or it has no pod template.
   */
  @SuppressWarnings("unchecked")
  public List<Resource> selecting(Resource workload) {
    Object services = byWorkload.get(workload);
    return services == null ? List.of() : services instanceof Resource one ? one.asList() : (List<Resource>) services;
  }

  /**
   * True if {@code service} (a resource of this scan) selects the pods of at least one workload of
   * the scan, as {@link #selecting} reads it: a Service whose selector holds controller labels only
   * selects none.
   */
  public boolean selectsSome(Resource service) {
    return selectingSome.contains(service);
  }

  /** {@code services} (a Service or a list of them) with {@code service} added last. */
  private static Object add(Object services, Object service) {
    if (services instanceof Resource first) {
      List<Resource> list = new ArrayList<>(2);
      list.add(first);
      list.add((Resource) service);
      return list;
    }
    asList(services).add((Resource) service);
    return services;
  }

  private static int size(Object services) {
    return services instanceof Resource ? 1 : asList(services).size();
  }

  private static Resource get(Object services, int i) {
    return services instanceof Resource one ? one : asList(services).get(i);
  }

  @SuppressWarnings("unchecked")
  private static List<Resource> asList(Object services) {
    return (List<Resource>) services;
  }

  /**
   * The position in {@code service}'s selector of its first entry that is not on a controller
   * label, or -1 when it selects nothing by labels or has no such entry.
   */
  private static int indexedEntry(Resource service) {
    if (SelectorField.SERVICE_SELECTOR.kindOf(service.root(), service.apiVersion()) != Selection.Kind.MATCHING) {
      return -1;
    }
    MapNode selector = selector(service);
    for (int i = 0; i < selector.size(); i++) {
      if (!ControllerLabels.contains(selector.key(i))) {
        return i;
      }
    }
    return -1;
  }

  private static MapNode selector(Resource service) {
    return SelectorField.SERVICE_SELECTOR.node(service.root()).asMap();
  }
}
