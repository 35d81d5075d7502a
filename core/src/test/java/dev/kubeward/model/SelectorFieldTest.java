/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each row of the selector table, absent, empty and set, against the meaning Kubernetes gives it. */
class SelectorFieldTest {

  private static final Map<String, String> WEB = Map.of("app", "web");
  private static final Map<String, String> DB = Map.of("app", "db");

  private static String policy(String podSelector) {
    return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n"
        + (podSelector == null ? "" : "  podSelector: " + podSelector + "\n")
        + "  policyTypes: [Ingress]\n";
  }

  private static String peer(String peer) {
    return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n"
        + "  podSelector: {}\n  ingress:\n    - from:\n        - " + peer + "\n";
  }

  private static String service(String spec) {
    return "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: " + spec + "\n";
  }

  private static String budget(String apiVersion, String selector) {
    return "apiVersion: " + apiVersion + "\nkind: PodDisruptionBudget\nmetadata: {name: b}\nspec:\n  minAvailable: 1\n"
        + (selector == null ? "" : "  selector: " + selector + "\n");
  }

  private static String workload(String apiVersion, String kind, String selector, String templateLabels) {
    return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: w}\nspec:\n"
        + (selector == null ? "" : "  selector: " + selector + "\n")
        + "  template:\n    metadata: {labels: " + templateLabels + "}\n"
        + "    spec: {containers: [{name: c, image: nginx}]}\n";
  }

  private static String webhook(String fields) {
    return "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata: {name: v}\n"
        + "webhooks:\n  - {name: v.example.com, " + fields + "}\n";
  }

  static Stream<Arguments> rows() {
    String root = "";
    String firstPeer = "/spec/ingress/0/from/0";
    String firstWebhook = "/webhooks/0";
    return Stream.of(
        row(SelectorField.NETWORK_POLICY_POD_SELECTOR, policy(null), root, Selection.Kind.EVERYTHING),
        row(SelectorField.NETWORK_POLICY_POD_SELECTOR, policy("{}"), root, Selection.Kind.EVERYTHING),
        row(SelectorField.NETWORK_POLICY_POD_SELECTOR, policy("null"), root, Selection.Kind.EVERYTHING),
        row(SelectorField.NETWORK_POLICY_POD_SELECTOR, policy("{matchLabels: {}}"), root, Selection.Kind.EVERYTHING),
        row(SelectorField.NETWORK_POLICY_POD_SELECTOR, policy("{matchLabels: {app: web}}"), root,
            Selection.Kind.MATCHING),
        row(SelectorField.NETWORK_POLICY_PEER_POD_SELECTOR, peer("{podSelector: {matchLabels: {app: web}}}"),
            firstPeer, Selection.Kind.MATCHING),
        row(SelectorField.NETWORK_POLICY_PEER_POD_SELECTOR, peer("{podSelector: {}}"), firstPeer,
            Selection.Kind.EVERYTHING),
        row(SelectorField.NETWORK_POLICY_PEER_POD_SELECTOR, peer("{namespaceSelector: {matchLabels: {team: a}}}"),
            firstPeer, Selection.Kind.EVERYTHING),
        row(SelectorField.NETWORK_POLICY_PEER_POD_SELECTOR, peer("{ipBlock: {cidr: 10.0.0.0/8}}"), firstPeer,
            Selection.Kind.NOTHING),
        row(SelectorField.NETWORK_POLICY_PEER_NAMESPACE_SELECTOR, peer("{podSelector: {matchLabels: {app: web}}}"),
            firstPeer, Selection.Kind.OWN_NAMESPACE),
        row(SelectorField.NETWORK_POLICY_PEER_NAMESPACE_SELECTOR, peer("{namespaceSelector: {}}"), firstPeer,
            Selection.Kind.EVERYTHING),
        row(SelectorField.NETWORK_POLICY_PEER_NAMESPACE_SELECTOR,
            peer("{namespaceSelector: {matchLabels: {app: web}}, podSelector: {}}"), firstPeer, Selection.Kind.MATCHING),
        row(SelectorField.NETWORK_POLICY_PEER_NAMESPACE_SELECTOR, peer("{ipBlock: {cidr: 10.0.0.0/8}}"), firstPeer,
            Selection.Kind.NOTHING),
        row(SelectorField.SERVICE_SELECTOR, service("{ports: [{port: 80}]}"), root, Selection.Kind.NOTHING),
        row(SelectorField.SERVICE_SELECTOR, service("{selector: {}}"), root, Selection.Kind.NOTHING),
        row(SelectorField.SERVICE_SELECTOR, service("{selector: {app: web}}"), root, Selection.Kind.MATCHING),
        row(SelectorField.SERVICE_SELECTOR, service("{type: ExternalName, externalName: x.example.com,"
            + " selector: {app: web}}"), root, Selection.Kind.NOTHING),
        row(SelectorField.POD_DISRUPTION_BUDGET_SELECTOR, budget("policy/v1", "{}"), root, Selection.Kind.EVERYTHING),
        row(SelectorField.POD_DISRUPTION_BUDGET_SELECTOR, budget("policy/v1beta1", "{}"), root, Selection.Kind.NOTHING),
        row(SelectorField.POD_DISRUPTION_BUDGET_SELECTOR, budget("policy/v1", null), root, Selection.Kind.NOTHING),
        row(SelectorField.POD_DISRUPTION_BUDGET_SELECTOR, budget("policy/v1beta1", null), root, Selection.Kind.NOTHING),
        row(SelectorField.POD_DISRUPTION_BUDGET_SELECTOR, budget("policy/v1", "{matchLabels: {app: web}}"), root,
            Selection.Kind.MATCHING),
        row(SelectorField.POD_DISRUPTION_BUDGET_SELECTOR, budget("policy/v1beta1", "{matchLabels: {app: web}}"), root,
            Selection.Kind.MATCHING),
        row(SelectorField.WORKLOAD_SELECTOR, workload("apps/v1", "Deployment", "{matchLabels: {app: web}}",
            "{app: web}"), root, Selection.Kind.MATCHING),
        row(SelectorField.WORKLOAD_SELECTOR, workload("apps/v1", "Deployment", null, "{app: web}"), root,
            Selection.Kind.NOTHING),
        row(SelectorField.WORKLOAD_SELECTOR, workload("apps/v1", "StatefulSet", "{}", "{app: web}"), root,
            Selection.Kind.NOTHING),
        row(SelectorField.WORKLOAD_SELECTOR, workload("extensions/v1beta1", "Deployment", null, "{app: web}"), root,
            Selection.Kind.MATCHING),
        row(SelectorField.WORKLOAD_SELECTOR, workload("extensions/v1beta1", "DaemonSet", null, "{}"), root,
            Selection.Kind.NOTHING),
        row(SelectorField.REPLICATION_CONTROLLER_SELECTOR, workload("v1", "ReplicationController", "{app: web}",
            "{app: web, extra: x}"), root, Selection.Kind.MATCHING),
        row(SelectorField.REPLICATION_CONTROLLER_SELECTOR, workload("v1", "ReplicationController", null, "{app: web}"),
            root, Selection.Kind.MATCHING),
        row(SelectorField.REPLICATION_CONTROLLER_SELECTOR, workload("v1", "ReplicationController", "{}", "{app: web}"),
            root, Selection.Kind.MATCHING),
        row(SelectorField.REPLICATION_CONTROLLER_SELECTOR, workload("v1", "ReplicationController", null, "{}"), root,
            Selection.Kind.NOTHING),
        row(SelectorField.WEBHOOK_NAMESPACE_SELECTOR, webhook("sideEffects: None"), firstWebhook,
            Selection.Kind.EVERYTHING),
        row(SelectorField.WEBHOOK_NAMESPACE_SELECTOR,
            webhook("namespaceSelector: {matchExpressions: [{key: app, operator: In, values: [web]}]}"), firstWebhook,
            Selection.Kind.MATCHING),
        row(SelectorField.WEBHOOK_OBJECT_SELECTOR, webhook("objectSelector: {}"), firstWebhook,
            Selection.Kind.EVERYTHING),
        row(SelectorField.WEBHOOK_OBJECT_SELECTOR, webhook("objectSelector: {matchLabels: {app: web}}"), firstWebhook,
            Selection.Kind.MATCHING));
  }

  private static Arguments row(SelectorField field, String yaml, String holder, Selection.Kind kind) {
    return Arguments.of(field, yaml, holder, kind);
  }

  @ParameterizedTest(name = "{0} {3}: {1}")
  @MethodSource("rows")
  void eachFieldKeepsItsOwnMeaning(SelectorField field, String yaml, String holderPointer, Selection.Kind kind) {
    Resource r = Manifests.one(yaml);
    Node holder = Pointers.resolve(r.root(), holderPointer);

    assertThat(field.kinds()).contains(r.groupKind());
    assertThat(field.kindOf(holder, r.apiVersion())).isEqualTo(kind);
    Selection selection = field.select(holder, r.apiVersion());
    assertThat(selection.kind()).isEqualTo(kind);
    switch (kind) {
      case NOTHING -> {
        assertThat(selection.matches(WEB)).isFalse();
        assertThat(selection.matches(DB)).isFalse();
        assertThat(selection.selector()).isNull();
      }
      case EVERYTHING -> {
        assertThat(selection.matches(WEB)).isTrue();
        assertThat(selection.matches(DB)).isTrue();
      }
      case MATCHING -> {
        assertThat(selection.matches(WEB)).isTrue();
        assertThat(selection.matches(DB)).isFalse();
        assertThat(selection.node().isMissing()).isFalse();
      }
      case OWN_NAMESPACE -> {
        assertThat(selection.selector()).isNull();
        assertThatThrownBy(() -> selection.matches(WEB)).isInstanceOf(IllegalStateException.class);
      }
      default -> throw new AssertionError(kind);
    }
    if (field.holdsAtRoot()) {
      Selection fromResource = field.select(r);
      assertThat(fromResource.kind()).isEqualTo(kind);
      assertThat(fromResource.node()).isSameAs(selection.node());
    }
  }

  @Test
  void theSelectionPointsAtTheSelector() {
    Resource r = Manifests.one(policy("{matchLabels: {app: web}}"));

    Selection s = SelectorField.NETWORK_POLICY_POD_SELECTOR.select(r);
    assertThat(s.node()).isSameAs(r.root().get("spec").get("podSelector"));
    assertThat(s.node().line()).isEqualTo(5);
    assertThat(SelectorField.NETWORK_POLICY_POD_SELECTOR.node(r.root())).isSameAs(s.node());
    assertThat(SelectorField.NETWORK_POLICY_POD_SELECTOR.path()).isEqualTo("spec.podSelector");
  }

  @Test
  void aDefaultedSelectorPointsAtTheTemplateLabels() {
    Resource r = Manifests.one(workload("v1", "ReplicationController", null, "{app: web}"));

    Selection s = SelectorField.REPLICATION_CONTROLLER_SELECTOR.select(r);
    assertThat(s.node()).isSameAs(r.root().get("spec").get("template").get("metadata").get("labels"));
  }

  @Test
  void peerRowsAreReadFromThePeer() {
    Resource r = Manifests.one(peer("{podSelector: {}}"));

    assertThat(SelectorField.NETWORK_POLICY_PEER_POD_SELECTOR.holdsAtRoot()).isFalse();
    assertThatThrownBy(() -> SelectorField.NETWORK_POLICY_PEER_POD_SELECTOR.select(r))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NETWORK_POLICY_PEER_POD_SELECTOR is read from a part of a resource, not from its root");
  }

  @Test
  void selectionsAreConsistent() {
    assertThatThrownBy(() -> new Selection(Selection.Kind.MATCHING, null, Node.MISSING))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Selection(Selection.Kind.NOTHING, LabelSelector.everything(), Node.MISSING))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Selection.everything(Node.MISSING).selector()).isSameAs(LabelSelector.everything());
  }
}
