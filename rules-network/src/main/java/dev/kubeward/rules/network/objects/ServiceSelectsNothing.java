/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.ControllerLabels;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Resource;
import dev.kubeward.model.Selection;
import dev.kubeward.model.SelectorField;
import dev.kubeward.model.ServiceSelectors;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Service whose selector matches the pod template labels of no workload of its namespace in the
 * scan, reported at the selector (INFO). Labels that controllers add to the pods they create
 * ({@code statefulset.kubernetes.io/pod-name}, {@code pod-template-hash}...) are not in any
 * template and match any pod of the right workload. Left alone: Services without a selector
 * (endpoints managed elsewhere), ExternalName Services, and Services in a namespace where the scan
 * holds no workload, or holds custom resources an operator may turn into pods (a Prometheus, a
 * postgresql cluster), since the scan then does not show every pod there.
 */
public final class ServiceSelectsNothing implements InventoryRule {

  /** Groups of custom resources that never make pods. */
  private static final Set<String> PODLESS_GROUPS = Set.of(
      "cert-manager.io", "acme.cert-manager.io", "bitnami.com", "external-secrets.io", "networking.istio.io",
      "security.istio.io", "telemetry.istio.io", "policy.linkerd.io", "cilium.io", "crd.projectcalico.org");

  /** Kinds of the Prometheus operator's group that configure, rather than make, pods. */
  private static final Set<String> PODLESS_MONITORING = Set.of(
      "ServiceMonitor", "PodMonitor", "PrometheusRule", "Probe", "ScrapeConfig", "AlertmanagerConfig");

  private static final RuleMetadata METADATA = RuleMetadata.builder("service-selects-nothing")
      .title("Service selects no workload in the scan")
      .severity(Severity.INFO)
      .topic(Topic.NETWORK)
      .kinds(GroupKind.SERVICE, RuleMetadata.WORKLOADS)
      .rationale("A Service whose selector matches no pod has no endpoints: clients get connection errors,"
          + " and an Ingress or Gateway in front of it serves errors. Usually a label was renamed on one side"
          + " only; it can also leave the name free for a pod that takes the label later, which then"
          + " receives the traffic. The rule matches the selector against the pod template labels of the"
          + " workloads of the Service's namespace in the scan (custom workload kinds included; labels that"
          + " controllers add to their pods, such as statefulset.kubernetes.io/pod-name, match the pods of"
          + " any workload). The scan may hold only part of the cluster, hence INFO, and a namespace"
          + " without any workload in the scan, or with custom resources that an operator may turn into"
          + " pods, is not judged.")
      .remediation("Make the Service's selector match the labels of the pod template it should send traffic"
          + " to, or delete the Service.")
      .build();

  /**
   * The namespaces whose pods the scan shows: it holds a workload there and no custom resource (of
   * a group outside Kubernetes' own) that an operator might turn into pods. Once per scan, rather
   * than a walk of the namespace per Service.
   */
  private static final Inventory.Derived<Set<String>> JUDGED = Inventory.Derived.of(
      "namespaces whose pods the scan shows", ServiceSelectsNothing::judged);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    List<Resource> services = inventory.ofKind(GroupKind.SERVICE);
    if (services.isEmpty()) {
      return;
    }
    Set<String> judged = inventory.derived(JUDGED);
    ServiceSelectors selectors = ServiceSelectors.of(inventory);
    for (int s = 0; s < services.size(); s++) {
      Resource service = services.get(s);
      if (SelectorField.SERVICE_SELECTOR.kindOf(service.root(), service.apiVersion()) != Selection.Kind.MATCHING) {
        continue;
      }
      String namespace = inventory.namespaceOf(service);
      MapNode selector = SelectorField.SERVICE_SELECTOR.node(service.root()).asMap();
      if (!judged.contains(namespace) || selectsWorkload(inventory, selectors, service, namespace, selector)) {
        continue;
      }
      context.finding(service, selector)
          .message(service.displayName() + " selects no workload in the scan (selector "
              + Texts.labels(selector) + " matches no pod template in namespace " + namespace + ")")
          .key("selector")
          .report();
    }
  }

  /**
   * True if the pod template labels of a workload of {@code namespace} hold every entry of the
   * Service's {@code selector} but those that controllers add to pods. A selector with another entry
   * is answered by {@link ServiceSelectors}, worked out once per scan without matching every Service
   * against every workload of its namespace; one of controller labels only matches any pod template,
   * found by walking the namespace to its first workload. Matched in the tree, without building a
   * selector or a result list, so that a Service that selects something costs no allocation.
   */
  private static boolean selectsWorkload(Inventory inventory, ServiceSelectors selectors, Resource service,
      String namespace, MapNode selector) {
    if (selectors.selectsSome(service)) {
      return true;
    }
    for (int i = 0; i < selector.size(); i++) {
      if (!ControllerLabels.contains(selector.key(i))) {
        return false;
      }
    }
    List<Resource> all = inventory.inNamespace(namespace);
    for (int i = 0; i < all.size(); i++) {
      Resource r = all.get(i);
      if (r.isWorkload() && r.podSpec() != null && ControllerLabels.matchedEntries(selector, r.podSpec().metadata().get("labels")) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The namespaces of {@link #JUDGED}. */
  private static Set<String> judged(Inventory inventory) {
    Set<String> workloads = new HashSet<>();
    Set<String> custom = new HashSet<>();
    List<Resource> all = inventory.all();
    for (int i = 0; i < all.size(); i++) {
      Resource r = all.get(i);
      String namespace = inventory.namespaceOf(r);
      if (namespace == null) {
        continue;
      }
      if (r.isWorkload()) {
        workloads.add(namespace);
      } else if (isCustom(r.groupKind())) {
        custom.add(namespace);
      }
    }
    workloads.removeAll(custom);
    return Set.copyOf(workloads);
  }

  /**
   * True for kinds of a group that Kubernetes itself does not serve (a custom resource), except
   * well-known ones that never make pods (monitoring configuration, certificates, secrets, mesh
   * routing).
   */
  private static boolean isCustom(GroupKind kind) {
    String group = kind.group();
    if (group.indexOf('.') < 0 || group.endsWith(".k8s.io") || PODLESS_GROUPS.contains(group)) {
      return false;
    }
    return !(group.equals("monitoring.coreos.com") && PODLESS_MONITORING.contains(kind.kind()));
  }
}
