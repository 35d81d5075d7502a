/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Ingress backend ({@code service.name}, or {@code serviceName} of the beta API) or an HTTPRoute
 * or GRPCRoute {@code backendRef} of kind Service that names a Service the scan does not hold,
 * reported once per Service and route at the first reference (INFO). A namespace in which the scan
 * holds no Service at all is not judged.
 */
public final class BackendServiceMissing implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("backend-service-missing")
      .title("Ingress or route backend Service not in the scan")
      .severity(Severity.INFO)
      .topic(Topic.NETWORK)
      .kinds(GroupKind.INGRESS, GroupKind.EXTENSIONS_INGRESS, GroupKind.HTTP_ROUTE, GroupKind.GRPC_ROUTE,
          GroupKind.SERVICE)
      .rationale("An Ingress or a Gateway API route whose backend Service does not exist answers with errors,"
          + " usually after a rename on one side; and a route waiting for a name is taken over by whoever"
          + " creates a Service of that name in the namespace later. The rule looks each backend Service up"
          + " in its namespace (a route's backendRef may name another). The scan may hold only part of the"
          + " cluster, hence INFO, and namespaces without any Service in the scan are not judged.")
      .remediation("Point the backend at an existing Service, or add the Service to the manifests.")
      .build();

  /** The names of the Services of the scan by effective namespace, looked up without allocating. */
  private static final Inventory.Derived<Map<String, Set<String>>> SERVICE_NAMES = Inventory.Derived.of(
      "service names by namespace", inventory -> {
        Map<String, Set<String>> names = new HashMap<>();
        for (Resource service : inventory.ofKind(GroupKind.SERVICE)) {
          if (service.name() != null) {
            names.computeIfAbsent(inventory.namespaceOf(service), k -> new HashSet<>()).add(service.name());
          }
        }
        names.replaceAll((namespace, set) -> Set.copyOf(set));
        return Map.copyOf(names);
      });

  private static final GroupKind[] INGRESSES = {GroupKind.INGRESS, GroupKind.EXTENSIONS_INGRESS};
  private static final GroupKind[] ROUTES = {GroupKind.HTTP_ROUTE, GroupKind.GRPC_ROUTE};

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    for (GroupKind kind : INGRESSES) {
      List<Resource> ingresses = inventory.ofKind(kind);
      for (int k = 0; k < ingresses.size(); k++) {
        Resource ingress = ingresses.get(k);
        String namespace = inventory.namespaceOf(ingress);
        Set<String> seen = null;
        Node spec = ingress.root().get("spec");
        seen = check(inventory, context, ingress, namespace, backendName(spec.get("defaultBackend")), seen);
        seen = check(inventory, context, ingress, namespace, backendName(spec.get("backend")), seen);
        Node rules = spec.get("rules");
        for (int i = 0; i < rules.size(); i++) {
          Node paths = rules.get(i).get("http").get("paths");
          for (int j = 0; j < paths.size(); j++) {
            seen = check(inventory, context, ingress, namespace, backendName(paths.get(j).get("backend")), seen);
          }
        }
      }
    }
    for (GroupKind kind : ROUTES) {
      List<Resource> routes = inventory.ofKind(kind);
      for (int k = 0; k < routes.size(); k++) {
        Resource route = routes.get(k);
        String own = inventory.namespaceOf(route);
        Set<String> seen = null;
        Node rules = route.root().get("spec").get("rules");
        for (int i = 0; i < rules.size(); i++) {
          Node refs = rules.get(i).get("backendRefs");
          for (int j = 0; j < refs.size(); j++) {
            Node ref = refs.get(j);
            if (!ref.get("group").text("").isEmpty() || !ref.get("kind").text("Service").equals("Service")) {
              continue;
            }
            seen = check(inventory, context, route, ref.get("namespace").text(own), ref.get("name"), seen);
          }
        }
      }
    }
  }

  /** The Service name node of an Ingress backend, either API version; MISSING for a resource backend. */
  private static Node backendName(Node backend) {
    Node name = backend.get("service").get("name");
    return name.isMissing() ? backend.get("serviceName") : name;
  }

  /**
   * Reports the Service {@code name} of {@code namespace} if the scan lacks it and {@code holder} has
   * not been reported for it yet; the Services reported for {@code holder} so far (made on the first).
   */
  private static Set<String> check(Inventory inventory, Context context, Resource holder, String namespace, Node name,
      Set<String> seen) {
    String service = name.text();
    Set<String> present = inventory.derived(SERVICE_NAMES).get(namespace);
    if (service == null || service.isEmpty() || present == null || present.contains(service)) {
      return seen;
    }
    Set<String> reported = seen == null ? new HashSet<>() : seen;
    if (!reported.add(namespace + "/" + service)) {
      return reported;
    }
    context.finding(holder, name)
        .message(holder.displayName() + " sends traffic to Service " + namespace + "/" + service
            + ", which is not in the scan")
        .key("service:" + namespace + "/" + service)
        .report();
    return reported;
  }
}
