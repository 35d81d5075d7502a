/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.ScalarNode;

/** Where a finding about a missing container field points. */
final class Targets {

  private Targets() {}

  /**
   * The container's {@code securityContext} key when its value is a map, otherwise the container
   * itself: the object that lacks a security context field.
   */
  static Node securityContextOf(Container c) {
    return c.securityContext().isMap() ? c.node().keyNode("securityContext") : c.node();
  }

  /** A scalar as written: quoted when it was a quoted string ({@code "true"} is not {@code true}). */
  static String spelled(Node n) {
    String text = n.text("null");
    return n instanceof ScalarNode s && !s.isPlain() ? "\"" + text + "\"" : text;
  }
}
