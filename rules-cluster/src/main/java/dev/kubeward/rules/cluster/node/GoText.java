/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.node;

import dev.kubeward.model.Scalars;
import java.util.ArrayList;
import java.util.List;

/**
 * How the kubelet reads the text of a flag: Go's {@code strconv.ParseBool}, integers, durations and
 * comma-separated lists. Used for flags given outside a container's command line (kubeadm's
 * {@code kubeletExtraArgs}), which kubeadm writes as {@code --name=value}.
 */
final class GoText {

  private GoText() {}

  /** True for the spellings {@code strconv.ParseBool} reads as true. */
  static boolean isTrue(String s) {
    return s != null && switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      default -> false;
    };
  }

  /** True for the spellings {@code strconv.ParseBool} reads as false. */
  static boolean isFalse(String s) {
    return s != null && switch (s) {
      case "0", "f", "F", "FALSE", "false", "False" -> true;
      default -> false;
    };
  }

  /** The integer {@code s} holds, or {@code fallback}. */
  static long integer(String s, long fallback) {
    return s == null ? fallback : Scalars.parseLong(s.trim(), fallback);
  }

  /**
   * 1 if {@code s} is a Go duration of zero ({@code 0}, {@code 0s}, {@code 0h0m0s}), 0 if it is a
   * duration that is not zero, -1 if it is no duration.
   */
  static int isZeroDuration(String s) {
    if (s == null) {
      return -1;
    }
    String t = s.trim();
    if (t.startsWith("+") || t.startsWith("-")) {
      t = t.substring(1);
    }
    if (t.equals("0")) {
      return 1;
    }
    if (t.isEmpty()) {
      return -1;
    }
    boolean zero = true;
    int i = 0;
    while (i < t.length()) {
      int start = i;
      while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
        i++;
      }
      if (i == start) {
        return -1;
      }
      String number = t.substring(start, i);
      for (int k = 0; k < number.length(); k++) {
        char c = number.charAt(k);
        if (c != '0' && c != '.') {
          zero = false;
        }
      }
      int unit = i;
      while (i < t.length() && !Character.isDigit(t.charAt(i)) && t.charAt(i) != '.') {
        i++;
      }
      switch (t.substring(unit, i)) {
        case "ns", "us", "\u00b5s", "\u03bcs", "ms", "s", "m", "h":
          break;
        default:
          return -1;
      }
    }
    return zero ? 1 : 0;
  }

  /** The non-empty items of a comma-separated list, trimmed. */
  static List<String> items(String s) {
    List<String> items = new ArrayList<>();
    if (s != null) {
      for (String item : s.split(",", -1)) {
        String t = item.trim();
        if (!t.isEmpty()) {
          items.add(t);
        }
      }
    }
    return items;
  }
}
