/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

/**
 * One node of an immutable manifest tree: a {@link MapNode}, a {@link ListNode}, a
 * {@link ScalarNode}, or {@link #MISSING}.
 *
 * <p>Every node knows the 1-based line and column where it starts in its source. Navigation never
 * fails and never allocates: asking a scalar or a missing node for a key returns {@link #MISSING},
 * so {@code root.get("spec").get("template").get("spec")} is safe on any input.
 */
public abstract sealed class Node permits MapNode, ListNode, ScalarNode, Node.Missing {

  /** The node returned for anything absent. Its line and column are 0. */
  public static final Node MISSING = new Missing();

  private final int line;
  private final int column;

  Node(int line, int column) {
    this.line = line;
    this.column = column;
  }

  /** 1-based line where this node starts; 0 for {@link #MISSING}. */
  public final int line() {
    return line;
  }

  /** 1-based column where this node starts; 0 for {@link #MISSING}. */
  public final int column() {
    return column;
  }

  /** The value under {@code key} if this is a map that has it, otherwise {@link #MISSING}. */
  public Node get(String key) {
    return MISSING;
  }

  /** The item at {@code index} if this is a list that long, otherwise {@link #MISSING}. */
  public Node get(int index) {
    return MISSING;
  }

  /** Number of entries of a map or items of a list; 0 for scalars and missing nodes. */
  public int size() {
    return 0;
  }

  public boolean isMissing() {
    return false;
  }

  public boolean isMap() {
    return false;
  }

  public boolean isList() {
    return false;
  }

  public boolean isScalar() {
    return false;
  }

  /** True for a missing node and for a null scalar ({@code null}, {@code ~}, empty). */
  public boolean isNull() {
    return false;
  }

  /** True only for a scalar that resolves to boolean {@code true} (including YAML 1.1 forms). */
  public boolean isTrue() {
    return false;
  }

  /** True only for a scalar that resolves to boolean {@code false} (including YAML 1.1 forms). */
  public boolean isFalse() {
    return false;
  }

  /** The text of a non-null scalar, otherwise {@code null}. */
  public String text() {
    return null;
  }

  /** The text of a non-null scalar, otherwise {@code fallback}. */
  public final String text(String fallback) {
    String text = text();
    return text == null ? fallback : text;
  }

  /** True if this is a non-null scalar whose text equals {@code value}. */
  public final boolean textEquals(String value) {
    String text = text();
    return text != null && text.equals(value);
  }

  /**
   * The integer value of a scalar that resolves to an integer, otherwise {@code fallback}.
   *
   * @see ScalarNode#longValue(long)
   */
  public long longValue(long fallback) {
    return fallback;
  }

  /** This node as a map, or an empty map if it is not one. */
  public MapNode asMap() {
    return MapNode.EMPTY;
  }

  /** This node as a list, or an empty list if it is not one. */
  public ListNode asList() {
    return ListNode.EMPTY;
  }

  static final class Missing extends Node {
    private Missing() {
      super(0, 0);
    }

    @Override
    public boolean isMissing() {
      return true;
    }

    @Override
    public boolean isNull() {
      return true;
    }

    @Override
    public String toString() {
      return "<missing>";
    }
  }
}
