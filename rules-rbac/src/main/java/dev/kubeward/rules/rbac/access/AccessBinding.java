/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.List;

/**
 * A RoleBinding or ClusterRoleBinding: its subjects and the role it refers to, resolved in the
 * model ({@code null} when the role is neither in the scan nor built in). Immutable.
 */
public final class AccessBinding {

  /**
   * One entry of {@code subjects}, as the authorizer reads it: a service account without a
   * namespace in a RoleBinding is in the binding's namespace.
   *
   * @param subject who
   * @param at the entry in the binding's tree, {@link Node#MISSING} for a built-in binding
   */
  public record Entry(Subject subject, Node at) {}

  private final String kind;
  private final String namespace;
  private final String name;
  private final Resource source;
  private final String roleKind;
  private final String roleName;
  private final Node roleRef;
  private final List<Entry> subjects;
  AccessRole role;

  AccessBinding(String kind, String namespace, String name, Resource source, String roleKind, String roleName,
      Node roleRef, List<Entry> subjects) {
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    this.source = source;
    this.roleKind = roleKind;
    this.roleName = roleName;
    this.roleRef = roleRef;
    this.subjects = List.copyOf(subjects);
  }

  /** A copy of this binding with its role not yet resolved, for another model. */
  AccessBinding unresolved() {
    return new AccessBinding(kind, namespace, name, source, roleKind, roleName, roleRef, subjects);
  }

  /** {@code RoleBinding} or {@code ClusterRoleBinding}. */
  public String kind() {
    return kind;
  }

  /** The effective namespace of a RoleBinding; {@code null} for a ClusterRoleBinding. */
  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** The scanned object, or {@code null} for a built-in binding. */
  public Resource source() {
    return source;
  }

  /** {@code roleRef.kind}: {@code Role} or {@code ClusterRole}. */
  public String roleKind() {
    return roleKind;
  }

  /** {@code roleRef.name}. */
  public String roleName() {
    return roleName;
  }

  /** The {@code roleRef} node ({@link Node#MISSING} for a built-in binding). */
  public Node roleRef() {
    return roleRef;
  }

  public List<Entry> subjects() {
    return subjects;
  }

  /** The role bound, or {@code null} when it is neither in the scan nor built in. */
  public AccessRole role() {
    return role;
  }

  /** {@code RoleBinding ns/name} or {@code ClusterRoleBinding name}. */
  public String displayName() {
    return namespace == null ? kind + " " + name : kind + " " + namespace + "/" + name;
  }

  PathStep step(Node at) {
    return new PathStep(kind, namespace, name, source, at);
  }

  @Override
  public String toString() {
    return displayName();
  }
}
