package dev.kubeward.model;

/** JSON Pointer (RFC 6901) helpers. */
public final class Pointers {

  private Pointers() {}

  /** Escapes one reference token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  public static String escape(String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return token;
    }
    return token.replace("~", "~0").replace("/", "~1");
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

  static boolean find(Node at, Node target, StringBuilder path) {
    if (at instanceof MapNode map) {
      for (int i = 0; i < map.size(); i++) {
        int mark = path.length();
        path.append('/').append(escape(map.key(i)));
        if (map.value(i) == target || map.keyNode(i) == target || find(map.value(i), target, path)) {
          return true;
        }
        path.setLength(mark);
      }
    } else if (at instanceof ListNode list) {
      for (int i = 0; i < list.size(); i++) {
        int mark = path.length();
        path.append('/').append(i);
        if (list.get(i) == target || find(list.get(i), target, path)) {
          return true;
        }
        path.setLength(mark);
      }
    }
    return false;
  }
}
