/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A mapping node seen as an unmodifiable {@code Map<String, String>} in source order (labels,
 * annotations): a scalar's text, or {@code ""} for a null or a nested value. Nothing is copied,
 * so a resource costs no map of its own to make; look-ups go to the node.
 */
final class StringMapView extends AbstractMap<String, String> {

  private final MapNode map;

  private StringMapView(MapNode map) {
    this.map = map;
  }

  /** A view of {@code node}, or an empty map if it is not a mapping or is empty. */
  static Map<String, String> of(Node node) {
    return node.isMap() && node.size() > 0 ? new StringMapView(node.asMap()) : Map.of();
  }

  private static String text(Node value) {
    String text = value.isScalar() ? value.text() : null;
    return text == null ? "" : text;
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public boolean isEmpty() {
    return map.size() == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String k && map.has(k);
  }

  @Override
  public String get(Object key) {
    if (!(key instanceof String k)) {
      return null;
    }
    int i = map.indexOf(k);
    return i < 0 ? null : text(map.value(i));
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return map.size();
      }

      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < map.size();
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= map.size()) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(map.key(i), text(map.value(i)));
          }
        };
      }
    };
  }
}
