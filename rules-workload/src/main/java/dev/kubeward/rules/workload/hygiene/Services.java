/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.Container;
import dev.kubeward.model.ControllerLabels;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Ports;
import dev.kubeward.model.Resource;
import dev.kubeward.model.Selection;
import dev.kubeward.model.SelectorField;
import dev.kubeward.model.ServiceSelectors;
import java.util.List;

/**
 * Which Service of the scan sends traffic to a workload's pods: one of the workload's namespace
 * whose selector ({@link SelectorField#SERVICE_SELECTOR}: absent, empty or on an ExternalName
 * Service it selects nothing) matches the pod template's labels. The candidates are the Services
 * that {@link ServiceSelectors} finds for the workload through its per-scan index, not every
 * Service of the namespace; each is then tested here. Read in the trees, so that a look-up
 * allocates nothing.
 */
final class Services {

  private Services() {}

  /**
   * A Service in {@code workload}'s namespace whose selector matches its pod template's labels (one
   * of its own file first, else the first in scan order), or null. With {@code readinessGated}, a Service with
   * {@code publishNotReadyAddresses: true} (its endpoints include pods that are not ready) does
   * not count.
   */
  static Resource routingTo(Inventory inventory, Resource workload, boolean readinessGated) {
    List<Resource> services = selecting(inventory, workload);
    Resource found = null;
    for (int i = 0; i < services.size(); i++) {
      Resource service = services.get(i);
      if (routes(service, workload, readinessGated)) {
        found = preferred(workload, found, service);
      }
    }
    return found;
  }

  /**
   * Of {@code found} (or null) and {@code candidate}, the Service to name: the first in scan order,
   * unless a later one comes from the workload's own file, which is the one its author wrote for it.
   */
  static Resource preferred(Resource workload, Resource found, Resource candidate) {
    if (found == null) {
      return candidate;
    }
    String source = workload.source().name();
    return !found.source().name().equals(source) && candidate.source().name().equals(source) ? candidate : found;
  }

  /**
   * The Services of {@code workload}'s namespace whose selector {@linkplain #selects selects} its
   * pods, in scan order: the only ones {@link #routes} can accept, found without walking the others.
   */
  static List<Resource> selecting(Inventory inventory, Resource workload) {
    return ServiceSelectors.of(inventory).selecting(workload);
  }

  /**
   * True if {@code service} (of {@code workload}'s namespace) selects the workload's pods and is
   * not {@linkplain #scrapeOnly only a metrics endpoint}; with {@code readinessGated}, not if it
   * sets {@code publishNotReadyAddresses: true}.
   */
  static boolean routes(Resource service, Resource workload, boolean readinessGated) {
    PodSpec pod = workload.podSpec();
    if (pod == null) {
      return false;
    }
    Node labels = pod.metadata().get("labels");
    if (labels.size() == 0) {
      return false;
    }
    if (readinessGated && service.root().get("spec").get("publishNotReadyAddresses").isTrue()) {
      return false;
    }
    return !scrapeOnly(service) && selects(service, labels);
  }

  /**
   * True if every port of {@code service} is named as a metrics port ({@code metrics},
   * {@code http-metrics}...): a scrape target for monitoring, not a way in for clients.
   */
  static boolean scrapeOnly(Resource service) {
    Node ports = service.root().get("spec").get("ports");
    for (int i = 0; i < ports.size(); i++) {
      String name = ports.get(i).get("name").text();
      if (name == null || !name.contains("metrics")) {
        return false;
      }
    }
    return ports.size() > 0;
  }

  /**
   * True if a port of {@code service} targets a port that {@code container} declares: a
   * {@code targetPort} name it gives one of its ports, or a number (the {@code port} when
   * {@code targetPort} is absent) it declares as a containerPort, with the same protocol.
   */
  static boolean targets(Resource service, Container container) {
    Node ports = service.root().get("spec").get("ports");
    for (int i = 0; i < ports.size(); i++) {
      Node port = ports.get(i);
      ListNode declared = Ports.of(container);
      for (int j = 0; j < declared.size(); j++) {
        if (matches(port, declared.get(j))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True if some port of {@code service} (or the Service itself, when it lists none) targets no
   * port that a long-running container of {@code pod} declares, so that which container gets its
   * traffic cannot be told from the manifests.
   */
  static boolean hasUnattributedPort(Resource service, PodSpec pod) {
    Node ports = service.root().get("spec").get("ports");
    if (ports.size() == 0) {
      return true;
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < ports.size(); i++) {
      boolean found = false;
      for (int c = 0; c < containers.size() && !found; c++) {
        Container container = containers.get(c);
        boolean longRunning = container.type() == Container.Type.REGULAR
            || (container.type() == Container.Type.INIT && container.node().get("restartPolicy").textEquals("Always"));
        if (!longRunning) {
          continue;
        }
        ListNode declared = Ports.of(container);
        for (int j = 0; j < declared.size() && !found; j++) {
          found = matches(ports.get(i), declared.get(j));
        }
      }
      if (!found) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Node servicePort, Node containerPort) {
    String protocol = Ports.protocol(servicePort);
    if (!protocol.equals(Ports.protocol(containerPort))) {
      return false;
    }
    Node target = servicePort.get("targetPort");
    if (target.isNull()) {
      target = servicePort.get("port");
    }
    long number = target.longValue(-1);
    if (number > 0) {
      return number == Ports.number(containerPort);
    }
    String name = target.text();
    return name != null && !name.isEmpty() && name.equals(Ports.name(containerPort));
  }

  /** True if {@code service}'s selector matches the pod template {@code labels}. */
  static boolean selects(Resource service, Node labels) {
    if (SelectorField.SERVICE_SELECTOR.kindOf(service.root(), service.apiVersion()) != Selection.Kind.MATCHING) {
      return false;
    }
    // A selector of controller labels only is not read as routing to a particular workload.
    return ControllerLabels.matchedEntries(selector(service).asMap(), labels) > 0;
  }

  /** The selector node of {@code service}, or {@code MISSING}, for related locations. */
  static Node selector(Resource service) {
    return SelectorField.SERVICE_SELECTOR.node(service.root());
  }
}
