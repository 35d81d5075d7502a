/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static dev.kubeward.load.Loading.errors;
import static dev.kubeward.load.Loading.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Resource;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Typed lists as the API server returns them ({@code kubectl get pods -o json}): the items of a
 * {@code PodList} carry no apiVersion and no kind, and are Pods of the list's apiVersion.
 */
class TypedListTest {

  /** What {@code GET /api/v1/namespaces/shop/pods} answers, trimmed: items without kind. */
  private static final String POD_LIST_JSON = """
      {
          "kind": "PodList",
          "apiVersion": "v1",
          "metadata": {
              "resourceVersion": "4711"
          },
          "items": [
              {
                  "metadata": {
                      "name": "web-1",
                      "namespace": "shop"
                  },
                  "spec": {
                      "containers": [
                          {"name": "web", "image": "web:1.0"}
                      ]
                  }
              },
              {
                  "apiVersion": "v1",
                  "kind": "Pod",
                  "metadata": {
                      "name": "web-2",
                      "namespace": "shop"
                  },
                  "spec": {
                      "containers": []
                  }
              }
          ]
      }
      """;

  @Test
  void itemsOfAPodListInJsonArePodsOfTheListsApiVersion() {
    LoadResult result = Loader.defaults().loadBytes("pods.json", POD_LIST_JSON.getBytes(StandardCharsets.UTF_8));

    assertThat(result.errors()).isEmpty();
    assertThat(result.resources())
        .extracting(Resource::apiVersion, Resource::kind, Resource::namespace, Resource::name, Resource::line)
        .containsExactly(tuple("v1", "Pod", "shop", "web-1", 8), tuple("v1", "Pod", "shop", "web-2", 19));
    Resource first = result.resources().get(0);
    assertThat(first.groupKind()).isSameAs(GroupKind.POD);
    assertThat(first.isWorkload()).isTrue();
    assertThat(first.podSpec().containers()).hasSize(1);
    assertThat(first.pointerOf(first.podSpec().containers().get(0).image()))
        .isEqualTo("/spec/containers/0/image");
    // The kind an item was given points where the list names its own.
    assertThat(first.root().get("kind").line()).isEqualTo(2);
    // An item that names itself keeps its own nodes.
    assertThat(result.resources().get(1).root().get("kind").line()).isEqualTo(21);
  }

  @Test
  void itemsOfTypedListsInYamlTakeTheKindWithoutTheSuffixAndTheGroupOfTheList() {
    LoadResult result = load("""
        apiVersion: apps/v1
        kind: DeploymentList
        items:
          - metadata: {name: kindless, namespace: shop}
            spec: {template: {spec: {containers: []}}}
          - apiVersion: apps/v1
            metadata: {name: api-version-only, namespace: shop}
          - kind: Deployment
            metadata: {name: kind-only, namespace: shop}
          - {apiVersion: apps/v1, kind: Deployment, metadata: {name: both, namespace: shop}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicyList
        items:
          - metadata: {name: deny, namespace: shop}
            spec: {podSelector: {}}
        ---
        apiVersion: v1
        kind: NamespaceList
        items:
          - metadata: {name: shop, labels: {team: a}}
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.resources()).extracting(Resource::groupKind, Resource::name).containsExactly(
        tuple(GroupKind.DEPLOYMENT, "kindless"),
        tuple(GroupKind.DEPLOYMENT, "api-version-only"),
        tuple(GroupKind.DEPLOYMENT, "kind-only"),
        tuple(GroupKind.DEPLOYMENT, "both"),
        tuple(GroupKind.NETWORK_POLICY, "deny"),
        tuple(GroupKind.NAMESPACE, "shop"));
    assertThat(result.resources()).extracting(Resource::apiVersion)
        .containsExactly("apps/v1", "apps/v1", "apps/v1", "apps/v1", "networking.k8s.io/v1", "v1");
    assertThat(result.resources().get(5).labels()).containsEntry("team", "a");
  }

  @Test
  void anItemThatSaysSomethingElseOfItselfIsNotGuessed() {
    LoadResult result = load("""
        apiVersion: v1
        kind: PodList
        items:
          - apiVersion: apps/v1
            metadata: {name: other-group}
          - kind: Service
            metadata: {name: other-kind}
          - {apiVersion: v1, kind: Service, metadata: {name: named-itself}}
        """);

    assertThat(result.resources()).extracting(Resource::kind, Resource::name)
        .containsExactly(tuple("Service", "named-itself"));
    assertThat(errors(result)).containsExactly(
        "in.yaml:4:5: not a Kubernetes object: no kind",
        "in.yaml:6:5: not a Kubernetes object: no apiVersion");
  }

  @Test
  void itemsOfAPlainListMustNameTheirOwnKind() {
    LoadResult result = load("""
        apiVersion: v1
        kind: List
        items:
          - metadata: {name: kindless}
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: named}}
        """);

    assertThat(result.resources()).extracting(Resource::kind, Resource::name)
        .containsExactly(tuple("ConfigMap", "named"));
    assertThat(errors(result)).containsExactly("in.yaml:4:5: not a Kubernetes object: no apiVersion and no kind");
  }
}
