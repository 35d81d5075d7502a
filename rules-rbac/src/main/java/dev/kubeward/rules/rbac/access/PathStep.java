/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;

/**
 * One object on the path that grants a permission: an identity mapping, a binding, the role it
 * binds, the role an aggregated rule comes from.
 *
 * @param kind the object's kind ({@code RoleBinding}, {@code ClusterRole}, {@code ConfigMap}...)
 * @param namespace its namespace, {@code null} for cluster-scoped objects
 * @param name its name
 * @param resource the scanned object, or {@code null} for a built-in one
 * @param at the node that explains the step (the subject, the rule), or {@link Node#MISSING}
 */
public record PathStep(String kind, String namespace, String name, Resource resource, Node at) {

  public PathStep {
    at = at == null ? Node.MISSING : at;
  }

  /** {@code Kind ns/name} or {@code Kind name}. */
  public String displayName() {
    return namespace == null ? kind + " " + name : kind + " " + namespace + "/" + name;
  }

  /** True if the object is built into the API server rather than in the scan. */
  public boolean builtIn() {
    return resource == null;
  }
}
