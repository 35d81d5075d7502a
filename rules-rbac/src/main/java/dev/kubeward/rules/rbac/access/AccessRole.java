/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access;

import dev.kubeward.model.Resource;
import java.util.List;

/**
 * A Role or ClusterRole as the API server holds it: every scanned copy of it, the built-in
 * definition of the same name (unless a copy sets {@code rbac.authorization.kubernetes.io/autoupdate:
 * "false"}), and its effective rules, which for an aggregated ClusterRole are the rules of every
 * ClusterRole its selectors reach, transitively. Immutable once the model is built.
 */
public final class AccessRole {

  private final String kind;
  private final String namespace;
  private final String name;
  private final List<Resource> sources;
  private final boolean builtIn;
  private final boolean aggregated;
  List<PolicyRule> rules = List.of();
  List<AccessRole> aggregatedFrom = List.of();

  AccessRole(String kind, String namespace, String name, List<Resource> sources, boolean builtIn, boolean aggregated) {
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    this.sources = List.copyOf(sources);
    this.builtIn = builtIn;
    this.aggregated = aggregated;
  }

  /** {@code Role} or {@code ClusterRole}. */
  public String kind() {
    return kind;
  }

  /** The namespace of a Role; {@code null} for a ClusterRole. */
  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** The scanned copies, in source order; empty for a built-in role the scan does not hold. */
  public List<Resource> sources() {
    return sources;
  }

  /** True if the built-in policy defines this role and the scan does not replace it. */
  public boolean builtIn() {
    return builtIn;
  }

  /** True if the role has an aggregationRule, so that its own rules are ignored. */
  public boolean aggregated() {
    return aggregated;
  }

  /** The effective rules: the role's own, or, when aggregated, those of the roles it aggregates. */
  public List<PolicyRule> rules() {
    return rules;
  }

  /** The roles whose own rules an aggregated role takes, in name order; empty when not aggregated. */
  public List<AccessRole> aggregatedFrom() {
    return aggregatedFrom;
  }

  /** {@code ClusterRole name} or {@code Role namespace/name}. */
  public String displayName() {
    return namespace == null ? kind + " " + name : kind + " " + namespace + "/" + name;
  }

  @Override
  public String toString() {
    return displayName();
  }
}
