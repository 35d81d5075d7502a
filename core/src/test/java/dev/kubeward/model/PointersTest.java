/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PointersTest {

  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        annotations:
          example.com/a~b: "x"
      spec:
        containers:
          - name: app
            image: nginx:1.25
            ports:
              - containerPort: 8080
          - name: side
            image: busybox
      """;

  private final Resource pod = Manifests.one(POD);

  @Test
  void pointerOfEveryKindOfNode() {
    MapNode root = pod.root();
    Node container = root.get("spec").get("containers").get(0);
    Node image = container.get("image");

    assertThat(pod.pointerOf(root)).isEmpty();
    assertThat(pod.pointerOf(root.get("spec"))).isEqualTo("/spec");
    assertThat(pod.pointerOf(root.get("spec").get("containers"))).isEqualTo("/spec/containers");
    assertThat(pod.pointerOf(container)).isEqualTo("/spec/containers/0");
    assertThat(pod.pointerOf(image)).isEqualTo("/spec/containers/0/image");
    assertThat(pod.pointerOf(container.asMap().keyNode("image"))).isEqualTo("/spec/containers/0/image");
    assertThat(pod.pointerOf(container.get("ports").get(0).get("containerPort")))
        .isEqualTo("/spec/containers/0/ports/0/containerPort");
    assertThat(pod.pointerOf(root.get("spec").get("containers").get(1).get("image")))
        .isEqualTo("/spec/containers/1/image");
  }

  @Test
  void pointerOfEscapesSlashAndTilde() {
    Node annotation = pod.root().get("metadata").get("annotations").get("example.com/a~b");

    assertThat(pod.pointerOf(annotation)).isEqualTo("/metadata/annotations/example.com~1a~0b");
    assertThat(Pointers.resolve(pod.root(), "/metadata/annotations/example.com~1a~0b")).isSameAs(annotation);
    assertThat(Pointers.escape("a/b~c")).isEqualTo("a~1b~0c");
    assertThat(Pointers.escape("plain")).isEqualTo("plain");
  }

  @Test
  void pointerOfNodesOutsideTheResourceIsNull() {
    Resource other = Manifests.one(POD);

    assertThat(pod.pointerOf(other.root().get("spec"))).isNull();
    assertThat(pod.pointerOf(ScalarNode.ofString(1, 1, "web", true))).isNull();
  }

  @Test
  void resolveFollowsPointers() {
    Node port = Pointers.resolve(pod.root(), "/spec/containers/0/ports/0/containerPort");

    assertThat(port.longValue(-1)).isEqualTo(8080);
    assertThat(port.line()).isEqualTo(12);
    assertThat(port.column()).isEqualTo(26);
    assertThat(Pointers.resolve(pod.root(), "")).isSameAs(pod.root());
    assertThat(Pointers.resolve(pod.root(), "/spec/containers/1/name").text()).isEqualTo("side");
  }

  @Test
  void resolveGivesMissingForAnythingElse() {
    assertThat(Pointers.resolve(pod.root(), "spec")).isSameAs(Node.MISSING);
    assertThat(Pointers.resolve(pod.root(), "/spec/containers/x")).isSameAs(Node.MISSING);
    assertThat(Pointers.resolve(pod.root(), "/spec/containers/2")).isSameAs(Node.MISSING);
    assertThat(Pointers.resolve(pod.root(), "/spec/nothing/deeper")).isSameAs(Node.MISSING);
    assertThat(Pointers.resolve(pod.root(), "/metadata/name/0")).isSameAs(Node.MISSING);
  }

  @Test
  void resolveAndPointerOfAgreeOnEveryNode() {
    assertRoundTrip(pod, pod.root());
  }

  private static void assertRoundTrip(Resource resource, Node node) {
    String pointer = resource.pointerOf(node);
    assertThat(Pointers.resolve(resource.root(), pointer)).as(pointer).isSameAs(node);
    if (node instanceof MapNode map) {
      for (int i = 0; i < map.size(); i++) {
        assertRoundTrip(resource, map.value(i));
      }
    } else if (node instanceof ListNode list) {
      for (int i = 0; i < list.size(); i++) {
        assertRoundTrip(resource, list.get(i));
      }
    }
  }
}
