/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.Container;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Ports;
import java.util.List;

/**
 * One port entry of a policy rule: a number or range of one protocol, a whole protocol, or a named
 * port, which resolves on the destination pod's container ports (name, and protocol when the
 * entry gives one, must match; a name that resolves nowhere allows nothing).
 *
 * @param protocol TCP, UDP or SCTP; {@code null} for a named port of any protocol
 * @param from the first port, 0 for the whole protocol or a named port
 * @param to the last port
 * @param name the port name, or {@code null}
 * @param node where the entry is written
 */
record PortSpec(String protocol, int from, int to, String name, Node node) {

  /** A rule's ports: {@code null} (or no entry) means all of them. */
  static PortSet resolve(List<PortSpec> ports, Member dst) {
    if (ports == null) {
      return PortSet.ALL;
    }
    PortSet out = PortSet.NONE;
    for (PortSpec p : ports) {
      out = out.union(p.resolve(dst));
    }
    return out;
  }

  PortSet resolve(Member dst) {
    if (name == null) {
      return from == 0 ? PortSet.protocol(protocol) : PortSet.of(protocol, from, to);
    }
    if (dst == null || dst.hostNetwork) {
      return PortSet.NONE;
    }
    return named(dst.pod, name, protocol);
  }

  /** The ports named {@code name} (of {@code protocol}, or of any protocol when null) in {@code pod}. */
  static PortSet named(PodSpec pod, String name, String protocol) {
    if (protocol != null) {
      Node port = Ports.findNamed(pod, name, protocol);
      return port.isMissing() ? PortSet.NONE : single(protocol, Ports.number(port));
    }
    PortSet out = PortSet.NONE;
    for (Container c : pod.containers()) {
      boolean sidecar = c.type() == Container.Type.INIT && c.node().get("restartPolicy").textEquals("Always");
      if (c.type() != Container.Type.REGULAR && !sidecar) {
        continue;
      }
      ListNode ports = Ports.of(c);
      for (int i = 0; i < ports.size(); i++) {
        Node port = ports.get(i);
        if (port.get("name").textEquals(name)) {
          out = out.union(single(Ports.protocol(port), Ports.number(port)));
        }
      }
    }
    return out;
  }

  private static PortSet single(String protocol, int number) {
    return number < 1 ? PortSet.NONE : PortSet.of(protocol, number, number);
  }

  @Override
  public String toString() {
    if (name != null) {
      return (protocol == null ? "" : protocol + " ") + "\"" + name + "\"";
    }
    return from == 0 ? protocol : protocol + " " + (from == to ? Integer.toString(from) : from + "-" + to);
  }
}
