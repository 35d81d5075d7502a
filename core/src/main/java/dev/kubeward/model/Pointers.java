/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.ArrayList;
import java.util.List;

/** JSON Pointer (RFC 6901) helpers. */
public final class Pointers {

  private Pointers() {}

  /** Escapes one reference token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  public static String escape(String token) {
    // One pass over the (short) token: it runs for every step of every pointer a finding gets.
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '~' || c == '/') {
        return token.replace("~", "~0").replace("/", "~1");
      }
    }
    return token;
  }

  /** The node at {@code pointer} below {@code root}, or {@link Node#MISSING}. */
  public static Node resolve(Node root, String pointer) {
    if (pointer.isEmpty()) {
      return root;
    }
    if (pointer.charAt(0) != '/') {
      return Node.MISSING;
    }
    Node current = root;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (current.isList()) {
        try {
          current = current.get(Integer.parseInt(token));
        } catch (NumberFormatException e) {
          return Node.MISSING;
        }
      } else {
        current = current.get(token);
      }
      if (current.isMissing()) {
        return current;
      }
    }
    return current;
  }

  /**
   * Appends to {@code path} the pointer of {@code target} below {@code at}, if it is there. The
   * tree is searched by identity first and the pointer written once, so that the search builds no
   * text for the branches it leaves.
   */
  static boolean find(Node at, Node target, StringBuilder path) {
    int start = path.length();
    if (guided(at, target, path)) {
      return true;
    }
    // Alias copies and merged entries keep the positions of their source, so the guess by
    // position can miss them: then search the whole tree.
    path.setLength(start);
    List<Object> route = new ArrayList<>();
    if (!route(at, target, route)) {
      return false;
    }
    for (int i = route.size() - 1; i >= 0; i--) {
      Object token = route.get(i);
      path.append('/');
      if (token instanceof String key) {
        path.append(escape(key));
      } else {
        path.append((int) (Integer) token);
      }
    }
    return true;
  }

  /**
   * Appends the pointer of {@code target} below {@code at} as {@link #route} would find it, but
   * descending only into the last child that starts at or before {@code target}: in source order
   * that child is the only one that can hold it. Cheap, and enough for every node whose position is
   * where it stands in the tree; on a miss {@code path} holds a partial route, which the caller drops.
   */
  private static boolean guided(Node at, Node target, StringBuilder path) {
    int line = target.line();
    int column = target.column();
    Node current = at;
    while (true) {
      if (current instanceof MapNode map) {
        int best = -1;
        for (int i = 0; i < map.size(); i++) {
          Node value = map.value(i);
          if (value == target || map.keyNode(i) == target) {
            path.append('/').append(escape(map.key(i)));
            return true;
          }
          if ((value.isMap() || value.isList()) && startsBefore(value, line, column)) {
            best = i;
          }
        }
        if (best < 0) {
          return false;
        }
        path.append('/').append(escape(map.key(best)));
        current = map.value(best);
      } else if (current instanceof ListNode list) {
        int best = -1;
        for (int i = 0; i < list.size(); i++) {
          Node item = list.get(i);
          if (item == target) {
            path.append('/').append(i);
            return true;
          }
          if ((item.isMap() || item.isList()) && startsBefore(item, line, column)) {
            best = i;
          }
        }
        if (best < 0) {
          return false;
        }
        path.append('/').append(best);
        current = list.get(best);
      } else {
        return false;
      }
    }
  }

  private static boolean startsBefore(Node node, int line, int column) {
    return node.line() < line || (node.line() == line && node.column() <= column);
  }

  /** True if {@code target} is below {@code at}; the route is added innermost token first. */
  private static boolean route(Node at, Node target, List<Object> route) {
    if (at instanceof MapNode map) {
      for (int i = 0; i < map.size(); i++) {
        if (map.value(i) == target || map.keyNode(i) == target || route(map.value(i), target, route)) {
          route.add(map.key(i));
          return true;
        }
      }
    } else if (at instanceof ListNode list) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) == target || route(list.get(i), target, route)) {
          route.add(i);
          return true;
        }
      }
    }
    return false;
  }
}
