/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

/** Go's readings of flag values, for values the command-line view hands over as text. */
final class Go {

  private Go() {}

  /** {@code strconv.ParseBool}: {@code TRUE}, {@code FALSE}, or {@code null} for anything else. */
  static Boolean bool(String s) {
    if (s == null) {
      return null;
    }
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
      case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** A decimal integer (with an optional sign), or {@code null}. */
  static Long integer(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The seconds of a Go duration ({@code 1m0s}, {@code 90s}, {@code 1.5h}, {@code 0}), or {@code null}. */
  static Double seconds(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    int i = 0;
    boolean negative = s.charAt(0) == '-';
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      i = 1;
    }
    if (s.substring(i).equals("0")) {
      return 0.0;
    }
    double total = 0;
    boolean any = false;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        return null;
      }
      double number;
      try {
        number = Double.parseDouble(s.substring(start, i));
      } catch (NumberFormatException e) {
        return null;
      }
      int unit = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      double factor = switch (s.substring(unit, i)) {
        case "h" -> 3600;
        case "m" -> 60;
        case "s" -> 1;
        case "ms" -> 1e-3;
        case "us", "\u00b5s", "\u03bcs" -> 1e-6;
        case "ns" -> 1e-9;
        default -> -1;
      };
      if (factor < 0) {
        return null;
      }
      total += number * factor;
      any = true;
    }
    return any ? (negative ? -total : total) : null;
  }
}
