/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.HashMap;
import java.util.Map;

/** An immutable mapping that keeps its keys in source order, with the position of every key. */
public final class MapNode extends Node {

  static final MapNode EMPTY = new MapNode(0, 0, new ScalarNode[0], new Node[0]);

  private static final int INDEX_THRESHOLD = 12;

  private final ScalarNode[] keys;
  private final Node[] values;
  private final Map<String, Integer> index;
  /**
   * A cheap signature of each key of a small map (length and first character), scanned before
   * any string is compared: most keys of a map differ in one or the other.
   */
  private final int[] signatures;

  private MapNode(int line, int column, ScalarNode[] keys, Node[] values) {
    super(line, column);
    this.keys = keys;
    this.values = values;
    if (keys.length > INDEX_THRESHOLD) {
      Map<String, Integer> map = new HashMap<>(keys.length * 2);
      for (int i = 0; i < keys.length; i++) {
        map.putIfAbsent(keys[i].rawText(), i);
      }
      this.index = map;
      this.signatures = null;
    } else {
      this.index = null;
      int[] sig = new int[keys.length];
      for (int i = 0; i < keys.length; i++) {
        sig[i] = signature(keys[i].rawText());
      }
      this.signatures = sig;
    }
  }

  /**
   * A map from parallel arrays of keys and values; the arrays are taken as they are, so the caller
   * must not change them afterwards. Keys must be unique.
   */
  public static MapNode of(int line, int column, ScalarNode[] keys, Node[] values) {
    if (keys.length != values.length) {
      throw new IllegalArgumentException("keys and values must have the same length");
    }
    return new MapNode(line, column, keys, values);
  }

  @Override
  public Node get(String key) {
    int i = indexOf(key);
    return i < 0 ? MISSING : values[i];
  }

  private static int signature(String key) {
    return key.isEmpty() ? 0 : key.length() << 16 | key.charAt(0);
  }

  /** True if the map has {@code key}, whatever its value. */
  public boolean has(String key) {
    return indexOf(key) >= 0;
  }

  /** The position of {@code key} in source order, or -1. */
  public int indexOf(String key) {
    if (index != null) {
      Integer i = index.get(key);
      return i == null ? -1 : i;
    }
    int sig = signature(key);
    int[] sigs = signatures;
    for (int i = 0; i < sigs.length; i++) {
      if (sigs[i] == sig && keys[i].rawText().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** The key node of {@code key} (for pointing at a key), or {@link #MISSING}. */
  public Node keyNode(String key) {
    int i = indexOf(key);
    return i < 0 ? MISSING : keys[i];
  }

  /** The text of the i-th key in source order. */
  public String key(int i) {
    return keys[i].rawText();
  }

  /** The node of the i-th key in source order. */
  public ScalarNode keyNode(int i) {
    return keys[i];
  }

  /** The value of the i-th entry in source order. */
  public Node value(int i) {
    return values[i];
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean isMap() {
    return true;
  }

  @Override
  public MapNode asMap() {
    return this;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(keys[i].rawText()).append(": ").append(values[i]);
    }
    return sb.append('}').toString();
  }
}
