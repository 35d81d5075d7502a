/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

/** An immutable sequence of nodes. */
public final class ListNode extends Node {

  static final ListNode EMPTY = new ListNode(0, 0, new Node[0]);

  private final Node[] items;

  private ListNode(int line, int column, Node[] items) {
    super(line, column);
    this.items = items;
  }

  /** A list over {@code items}, taken as it is: the caller must not change it afterwards. */
  public static ListNode of(int line, int column, Node[] items) {
    return new ListNode(line, column, items);
  }

  @Override
  public Node get(int index) {
    return index >= 0 && index < items.length ? items[index] : MISSING;
  }

  @Override
  public int size() {
    return items.length;
  }

  @Override
  public boolean isList() {
    return true;
  }

  @Override
  public ListNode asList() {
    return this;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(items[i]);
    }
    return sb.append(']').toString();
  }
}
