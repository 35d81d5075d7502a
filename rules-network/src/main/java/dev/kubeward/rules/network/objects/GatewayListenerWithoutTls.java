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
import java.util.List;

/**
 * A Gateway API listener of protocol HTTP (MEDIUM), TCP or UDP (LOW), at its protocol. An HTTP
 * listener whose routes in the scan all redirect to https (a {@code RequestRedirect} filter with
 * {@code scheme: https} on every rule of every HTTPRoute attached to it) is the usual port-80
 * redirect and is left alone.
 */
public final class GatewayListenerWithoutTls implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("gateway-listener-without-tls")
      .title("Gateway listener without TLS")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .kinds(GroupKind.GATEWAY, GroupKind.HTTP_ROUTE)
      .rationale("A Gateway listener of protocol HTTP serves its routes in plain text, so credentials and"
          + " session cookies cross the network readable and changeable (MEDIUM); TCP and UDP listeners pass"
          + " bytes through unencrypted unless the application encrypts them itself (LOW). HTTPS and TLS"
          + " listeners terminate or pass through TLS. An HTTP listener whose attached HTTPRoutes in the scan"
          + " do nothing but redirect to https (RequestRedirect with scheme: https on every rule) is the"
          + " usual port-80 redirect and is not reported.")
      .remediation("Use protocol HTTPS (or TLS) with a certificateRefs Secret, and keep an HTTP listener only"
          + " for a redirect to https.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    List<Resource> gateways = inventory.ofKind(GroupKind.GATEWAY);
    for (int g = 0; g < gateways.size(); g++) {
      Resource gateway = gateways.get(g);
      Node listeners = gateway.root().get("spec").get("listeners");
      for (int i = 0; i < listeners.size(); i++) {
        Node listener = listeners.get(i);
        Node protocol = listener.get("protocol");
        String p = protocol.text("");
        boolean http = p.equals("HTTP");
        if (!http && !p.equals("TCP") && !p.equals("UDP")) {
          continue;
        }
        if (http && onlyRedirects(inventory, gateway, listener)) {
          continue;
        }
        String name = listener.get("name").text("#" + i);
        context.finding(gateway, protocol)
            .message(gateway.displayName() + " listener " + name + " on port " + listener.get("port").text("?")
                + " speaks " + p + " without TLS")
            .severity(http ? Severity.MEDIUM : Severity.LOW)
            .key("listener:" + name)
            .report();
      }
    }
  }

  /** True if HTTPRoutes of the scan attach to {@code listener} and every rule of them redirects to https. */
  private static boolean onlyRedirects(Inventory inventory, Resource gateway, Node listener) {
    String gatewayNamespace = inventory.namespaceOf(gateway);
    boolean attached = false;
    List<Resource> routes = inventory.ofKind(GroupKind.HTTP_ROUTE);
    for (int r = 0; r < routes.size(); r++) {
      Resource route = routes.get(r);
      if (!attaches(inventory, route, gateway, gatewayNamespace, listener)) {
        continue;
      }
      attached = true;
      Node rules = route.root().get("spec").get("rules");
      if (rules.size() == 0) {
        return false;
      }
      for (int i = 0; i < rules.size(); i++) {
        if (!redirectsToHttps(rules.get(i))) {
          return false;
        }
      }
    }
    return attached;
  }

  private static boolean attaches(Inventory inventory, Resource route, Resource gateway, String gatewayNamespace,
      Node listener) {
    Node parents = route.root().get("spec").get("parentRefs");
    for (int i = 0; i < parents.size(); i++) {
      Node ref = parents.get(i);
      String group = ref.get("group").text("gateway.networking.k8s.io");
      String kind = ref.get("kind").text("Gateway");
      String namespace = ref.get("namespace").text(inventory.namespaceOf(route));
      if (!group.equals("gateway.networking.k8s.io") || !kind.equals("Gateway")
          || !ref.get("name").textEquals(gateway.name()) || !namespace.equals(gatewayNamespace)) {
        continue;
      }
      Node section = ref.get("sectionName");
      Node port = ref.get("port");
      if ((section.isNull() || section.textEquals(listener.get("name").text("")))
          && (port.isNull() || port.longValue(-1) == listener.get("port").longValue(-2))) {
        return true;
      }
    }
    return false;
  }

  private static boolean redirectsToHttps(Node rule) {
    Node filters = rule.get("filters");
    for (int i = 0; i < filters.size(); i++) {
      Node f = filters.get(i);
      if (f.get("type").textEquals("RequestRedirect") && f.get("requestRedirect").get("scheme").textEquals("https")) {
        return true;
      }
    }
    return false;
  }
}
