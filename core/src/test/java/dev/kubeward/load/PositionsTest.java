/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static dev.kubeward.load.Loading.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionsTest {

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        labels:
          zeta: "1"
          alpha: "2"
        annotations: {b: x, a: y}
      spec:
        replicas: 3
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
              - name: app
                image: nginx:1.25
                args: [--port, "8080"]
      """;

  private final Resource r = one(DEPLOYMENT);

  private static String at(Node node) {
    return node.line() + ":" + node.column();
  }

  @Test
  void identityAndSource() {
    assertThat(r.apiVersion()).isEqualTo("apps/v1");
    assertThat(r.apiGroup()).isEqualTo("apps");
    assertThat(r.kind()).isEqualTo("Deployment");
    assertThat(r.name()).isEqualTo("web");
    assertThat(r.namespace()).isEqualTo("shop");
    assertThat(r.source().name()).isEqualTo("in.yaml");
    assertThat(r.documentIndex()).isZero();
    assertThat(r.line()).isEqualTo(1);
    assertThat(r.column()).isEqualTo(1);
    assertThat(r.displayName()).isEqualTo("Deployment shop/web");
  }

  @Test
  void everyKeyAndValueHasItsPosition() {
    MapNode root = r.root();
    MapNode metadata = root.get("metadata").asMap();
    MapNode container = root.get("spec").get("template").get("spec").get("containers").get(0).asMap();

    assertThat(at(root.keyNode("apiVersion"))).isEqualTo("1:1");
    assertThat(at(root.get("apiVersion"))).isEqualTo("1:13");
    assertThat(at(root.keyNode("metadata"))).isEqualTo("3:1");
    assertThat(at(metadata)).isEqualTo("4:3");
    assertThat(at(metadata.keyNode("namespace"))).isEqualTo("5:3");
    assertThat(at(metadata.get("namespace"))).isEqualTo("5:14");
    assertThat(at(metadata.get("labels").get("alpha"))).isEqualTo("8:12");
    assertThat(at(metadata.get("annotations"))).isEqualTo("9:16");
    assertThat(at(metadata.get("annotations").asMap().keyNode("a"))).isEqualTo("9:23");
    assertThat(at(metadata.get("annotations").get("a"))).isEqualTo("9:26");
    assertThat(at(root.get("spec").get("replicas"))).isEqualTo("11:13");
    assertThat(root.get("spec").get("replicas").longValue(0)).isEqualTo(3);
    assertThat(at(root.get("spec").get("template").get("spec").get("containers"))).isEqualTo("17:9");
    assertThat(at(container)).isEqualTo("17:11");
    assertThat(at(container.keyNode("image"))).isEqualTo("18:11");
    assertThat(at(container.get("image"))).isEqualTo("18:18");
    ListNode args = container.get("args").asList();
    assertThat(at(args)).isEqualTo("19:17");
    assertThat(at(args.get(0))).isEqualTo("19:18");
    assertThat(at(args.get(1))).isEqualTo("19:26");
    assertThat(args.get(1).text()).isEqualTo("8080");
  }

  @Test
  void mapsKeepKeyOrder() {
    assertThat(keys(r.root())).containsExactly("apiVersion", "kind", "metadata", "spec");
    assertThat(keys(r.root().get("metadata").asMap())).containsExactly("name", "namespace", "labels", "annotations");
    assertThat(r.labels().keySet()).containsExactly("zeta", "alpha");
    assertThat(r.annotations().keySet()).containsExactly("b", "a");
    assertThat(r.labels()).containsEntry("zeta", "1");
  }

  @Test
  void everyNodeOfTheTreeHasAPosition() {
    List<Node> all = new ArrayList<>();
    collect(r.root(), all);

    assertThat(all).hasSize(48);
    assertThat(all).allSatisfy(n -> {
      assertThat(n.line()).isBetween(1, 19);
      assertThat(n.column()).isPositive();
    });
  }

  private static void collect(Node node, List<Node> out) {
    out.add(node);
    if (node instanceof MapNode map) {
      for (int i = 0; i < map.size(); i++) {
        out.add(map.keyNode(i));
        collect(map.value(i), out);
      }
    } else if (node instanceof ListNode list) {
      for (int i = 0; i < list.size(); i++) {
        collect(list.get(i), out);
      }
    }
  }

  private static List<String> keys(MapNode map) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < map.size(); i++) {
      keys.add(map.key(i));
    }
    return keys;
  }

  @Test
  void unsetAndEmptyIdentityFields() {
    Resource anon = one("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          generateName: x-
          namespace: ""
        """);

    assertThat(anon.name()).isNull();
    assertThat(anon.namespace()).isNull();
    assertThat(anon.labels()).isEmpty();
    assertThat(anon.apiGroup()).isEmpty();
    assertThat(anon.displayName()).isEqualTo("ConfigMap x-*");
  }

  /** Plain boolean keys become "true" and "false", as in the JSON Kubernetes makes of YAML. */
  @Test
  void labelAndAnnotationValuesAreText() {
    Resource cm = one("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
          labels: {on: yes, n: 1, empty: , list: [a]}
        """);

    assertThat(cm.labels()).containsExactly(
        java.util.Map.entry("true", "yes"), java.util.Map.entry("false", "1"),
        java.util.Map.entry("empty", ""), java.util.Map.entry("list", ""));
  }
}
