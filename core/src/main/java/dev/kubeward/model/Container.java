/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

/**
 * A view of one container of a pod spec: regular, init or ephemeral. Points into the tree;
 * copies nothing.
 */
public final class Container {

  /** Which list of the pod spec the container is in. */
  public enum Type {
    INIT("initContainers", "init container"),
    REGULAR("containers", "container"),
    EPHEMERAL("ephemeralContainers", "ephemeral container");

    private final String field;
    private final String label;

    Type(String field, String label) {
      this.field = field;
      this.label = label;
    }

    /** The pod spec field that holds containers of this type. */
    public String field() {
      return field;
    }

    /** How a message names a container of this type ({@code "init container"}). */
    public String label() {
      return label;
    }
  }

  private final PodSpec pod;
  private final Type type;
  private final int index;
  private final MapNode node;
  private final Node image;
  private final Node securityContext;
  private final String pointer;

  Container(PodSpec pod, Type type, int index, MapNode node) {
    this.image = node.get("image");
    this.securityContext = node.get("securityContext");
    this.pod = pod;
    this.type = type;
    this.index = index;
    this.node = node;
    this.pointer = pod.pointer() + "/" + type.field() + "/" + index;
  }

  public PodSpec pod() {
    return pod;
  }

  public Type type() {
    return type;
  }

  /** Index within its list ({@code containers}, {@code initContainers} or {@code ephemeralContainers}). */
  public int index() {
    return index;
  }

  /** The container object itself. */
  public MapNode node() {
    return node;
  }

  /** The JSON Pointer of the container object inside its resource. */
  public String pointer() {
    return pointer;
  }

  /** {@code name}, or {@code ""} when absent. */
  public String name() {
    return node.get("name").text("");
  }

  /** {@code image}, or {@code MISSING}. */
  public Node image() {
    return image;
  }

  /** The container's own {@code securityContext}, or {@code MISSING}. */
  public Node securityContext() {
    return securityContext;
  }

  /**
   * The effective value of a security context field: the container's own when it sets one (not
   * null), otherwise the pod's ({@code spec.securityContext}), otherwise {@code MISSING}. Fields
   * that exist only at one level simply resolve there.
   */
  public Node effectiveSecurityContext(String field) {
    Node own = securityContext.get(field);
    if (!own.isNull()) {
      return own;
    }
    return pod.securityContext().get(field);
  }

  /**
   * {@code type name}, e.g. {@code container "app"}, for messages; {@code container #0} (by index
   * in its list) when the container has no name, as Knative allows.
   */
  public String describe() {
    String name = name();
    return name.isEmpty() ? type.label() + " #" + index : type.label() + " \"" + name + "\"";
  }

  @Override
  public String toString() {
    return describe();
  }
}
