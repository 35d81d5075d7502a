/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import java.util.ArrayList;
import java.util.List;

/**
 * Normalisation and matching of host paths. {@code /var/run} is read as {@code /run}: it is a
 * symbolic link to it on every current Linux distribution, and hostPath follows links on the node.
 */
final class HostPaths {

  private HostPaths() {}

  /**
   * The absolute, normalised form of {@code path}: repeated slashes, {@code .} and {@code ..}
   * segments and a trailing slash removed, {@code /var/run} read as {@code /run}. Returns
   * {@code path} itself (no allocation) when it is already normal.
   */
  static String normalise(String path) {
    if (isNormal(path)) {
      return path;
    }
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (!segments.isEmpty()) {
          segments.remove(segments.size() - 1);
        }
        continue;
      }
      segments.add(s);
    }
    if (segments.size() >= 2 && segments.get(0).equals("var") && segments.get(1).equals("run")) {
      segments.remove(0);
    }
    return "/" + String.join("/", segments);
  }

  private static boolean isNormal(String path) {
    int n = path.length();
    if (n == 0 || path.charAt(0) != '/') {
      return false;
    }
    if (n == 1) {
      return true;
    }
    if (path.charAt(n - 1) == '/' || path.endsWith("/.") || path.endsWith("/..")) {
      return false;
    }
    if (path.contains("//") || path.contains("/./") || path.contains("/../")) {
      return false;
    }
    return !(path.startsWith("/var/run") && (n == 8 || path.charAt(8) == '/'));
  }

  /**
   * True if mounting {@code path} exposes {@code entry}: it is the entry, or one of its ancestors,
   * or, when {@code subtree} is set, anything beneath it. Both must be normalised.
   */
  static boolean exposes(String path, String entry, boolean subtree) {
    if (path.equals(entry) || path.length() == 1 || isBeneath(entry, path)) {
      return true;
    }
    return subtree && (entry.length() == 1 || isBeneath(path, entry));
  }

  /** True if {@code child} lies strictly beneath {@code parent}. */
  private static boolean isBeneath(String child, String parent) {
    return child.length() > parent.length() && child.startsWith(parent) && child.charAt(parent.length()) == '/';
  }
}
