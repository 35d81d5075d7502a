/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.List;

/**
 * A view of a container's {@code ports} ({@code ContainerPort}: {@code containerPort},
 * {@code name}, {@code protocol}, {@code hostPort}, {@code hostIP}) with the API server's
 * defaults. Ports are the list items themselves; the methods here read one item and allocate
 * nothing:
 * <pre>{@code
 * ListNode ports = Ports.of(container);
 * for (int i = 0; i < ports.size(); i++) {
 *   if (Ports.effectiveHostPort(container.pod(), ports.get(i)) > 0) { ... }
 * }
 * }</pre>
 */
public final class Ports {

  /** The protocol of a port that names none ({@code SetDefaults_ContainerPort}). */
  public static final String DEFAULT_PROTOCOL = "TCP";

  private Ports() {}

  /** The container's {@code ports} list; empty when absent. */
  public static ListNode of(Container container) {
    return container.node().get("ports").asList();
  }

  /** The {@code containerPort} node of a port, or {@code MISSING}. */
  public static Node numberNode(Node port) {
    return port.get("containerPort");
  }

  /**
   * The {@code containerPort} of a port, or -1 when it is absent, not an integer or outside
   * 1-65535 (all of which the API server rejects; a quoted {@code "8080"} is a string to it).
   */
  public static int number(Node port) {
    return portNumber(port.get("containerPort"));
  }

  /** The {@code name} node of a port, or {@code MISSING}. */
  public static Node nameNode(Node port) {
    return port.get("name");
  }

  /** The name of a port, or {@code null} when unnamed (absent, null or empty). */
  public static String name(Node port) {
    String name = port.get("name").text();
    return name == null || name.isEmpty() ? null : name;
  }

  /** The {@code protocol} node of a port, or {@code MISSING}. */
  public static Node protocolNode(Node port) {
    return port.get("protocol");
  }

  /** The protocol of a port: {@code TCP} when absent, null or empty, as the API server defaults it. */
  public static String protocol(Node port) {
    String protocol = port.get("protocol").text();
    return protocol == null || protocol.isEmpty() ? DEFAULT_PROTOCOL : protocol;
  }

  /** The {@code hostPort} node of a port, or {@code MISSING}. */
  public static Node hostPortNode(Node port) {
    return port.get("hostPort");
  }

  /**
   * The {@code hostPort} as written: 0 when absent or 0 (no host port), -1 when not a valid port
   * number.
   */
  public static int hostPort(Node port) {
    Node node = port.get("hostPort");
    if (node.isNull()) {
      return 0;
    }
    long value = node.longValue(-1);
    return value == 0 ? 0 : portNumber(node);
  }

  /**
   * The host port the running pod binds: the {@code hostPort} when set, otherwise, in a pod with
   * {@code hostNetwork: true}, the {@code containerPort}, as the API server defaults it
   * ({@code defaultHostNetworkPorts} in {@code pkg/apis/core/v1/defaults.go}); 0 for none.
   */
  public static int effectiveHostPort(PodSpec pod, Node port) {
    int host = hostPort(port);
    if (host != 0) {
      return host;
    }
    return pod.spec().get("hostNetwork").isTrue() ? Math.max(number(port), 0) : 0;
  }

  /** The {@code hostIP} of a port, or {@code null}. */
  public static String hostIP(Node port) {
    return port.get("hostIP").text();
  }

  /**
   * The port named {@code name} with {@code protocol} that a Service's {@code targetPort} or a
   * NetworkPolicy's named port resolves to in {@code pod}: the first match among the regular
   * containers, then among the sidecars (init containers with {@code restartPolicy: Always}), as
   * {@code FindPort} in {@code pkg/api/v1/pod/util.go} looks; {@code MISSING} if none.
   */
  public static Node findNamed(PodSpec pod, String name, String protocol) {
    List<Container> containers = pod.containers();
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < containers.size(); i++) {
        Container c = containers.get(i);
        boolean wanted = pass == 0
            ? c.type() == Container.Type.REGULAR
            : c.type() == Container.Type.INIT && c.node().get("restartPolicy").textEquals("Always");
        if (!wanted) {
          continue;
        }
        ListNode ports = of(c);
        for (int j = 0; j < ports.size(); j++) {
          Node port = ports.get(j);
          if (port.get("name").textEquals(name) && protocol(port).equals(protocol)) {
            return port;
          }
        }
      }
    }
    return Node.MISSING;
  }

  private static int portNumber(Node node) {
    long value = node.longValue(-1);
    return value >= 1 && value <= 65535 ? (int) value : -1;
  }
}
