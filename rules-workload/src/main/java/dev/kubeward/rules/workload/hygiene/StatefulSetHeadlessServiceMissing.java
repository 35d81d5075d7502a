/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

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
 * A StatefulSet without {@code spec.serviceName}, or, when the scan holds Services of its
 * namespace, one whose serviceName names none of them, a Service that is not headless, or one that
 * selects none of its pods.
 */
public final class StatefulSetHeadlessServiceMissing implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("stateful-set-headless-service-missing")
      .title("StatefulSet without its headless Service")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(GroupKind.STATEFUL_SET, GroupKind.SERVICE)
      .optIn()
      .rationale("A StatefulSet's pods get their stable network names (pod-0.<serviceName>.<namespace>.svc)"
          + " only from the headless Service (clusterIP: None) that spec.serviceName names and that selects"
          + " them; peers that find each other by those names (databases, quorum systems) fail to form a"
          + " cluster without it. The API server has never required serviceName, and Kubernetes 1.33 marked"
          + " it optional, but the OpenAPI schema of earlier versions lists it as required, so kubectl's"
          + " client-side validation and schema validators (kubeconform --strict) reject a StatefulSet without"
          + " it. Reported: a missing or empty serviceName (at spec); and, only when the scan holds at least"
          + " one Service in the StatefulSet's namespace (a scan of the StatefulSet alone, or of a chart"
          + " whose Services come from elsewhere, would otherwise report every one), a serviceName that names"
          + " no Service of the namespace (INFO), a Service that is not headless, or a headless Service whose"
          + " selector does not match the pod template's labels. Peers: kube-score statefulset-has-servicename.")
      .remediation("Create a Service with clusterIP: None whose selector matches the StatefulSet's pod labels, and"
          + " name it in spec.serviceName.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    List<Resource> sets = inventory.ofKind(GroupKind.STATEFUL_SET);
    for (int i = 0; i < sets.size(); i++) {
      check(inventory, sets.get(i), context);
    }
  }

  private static void check(Inventory inventory, Resource set, Context context) {
    Node spec = set.root().get("spec");
    if (!spec.isMap() || set.podSpec() == null) {
      return;
    }
    Node serviceName = spec.get("serviceName");
    String name = serviceName.text();
    if (name == null || name.isEmpty()) {
      context.finding(set, set.root().keyNode("spec"))
          .message(set.displayName() + (serviceName.isMissing() ? " sets no" : " has an empty") + " spec.serviceName:"
              + " its pods get no stable DNS names, and schema validation before Kubernetes 1.33 rejects it")
          .key("service-name")
          .report();
      return;
    }
    String namespace = inventory.namespaceOf(set);
    if (inventory.ofKind(GroupKind.SERVICE, namespace).isEmpty()) {
      return;
    }
    List<Resource> named = inventory.named(GroupKind.SERVICE, namespace, name);
    if (named.isEmpty()) {
      context.finding(set, serviceName)
          .message(set.displayName() + " names Service " + name + " in spec.serviceName, which is not among the"
              + " scanned Services of namespace " + namespace)
          .severity(Severity.INFO)
          .key("service-name")
          .report();
      return;
    }
    Resource service = named.get(0);
    Node clusterIp = service.root().get("spec").get("clusterIP");
    if (!clusterIp.textEquals("None")) {
      context.finding(set, serviceName)
          .message(set.displayName() + "'s Service " + name + " is not headless ("
              + (clusterIp.isNull() ? "clusterIP is not set" : "clusterIP: " + clusterIp.text())
              + "): its pods get no stable DNS names")
          .related(service, clusterIp.isNull() ? Node.MISSING : clusterIp, service.displayName() + " is not headless")
          .key("service-name")
          .report();
      return;
    }
    if (!Services.selects(service, set.podSpec().metadata().get("labels"))) {
      context.finding(set, serviceName)
          .message(set.displayName() + "'s headless Service " + name + " does not select its pods, which then get no"
              + " stable DNS names")
          .related(service, Services.selector(service), service.displayName() + "'s selector")
          .key("service-name")
          .report();
    }
  }
}
