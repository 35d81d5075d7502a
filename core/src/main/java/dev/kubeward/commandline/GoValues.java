/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

import java.util.ArrayList;
import java.util.List;

/**
 * How Go reads flag values: {@code strconv.ParseBool}, {@code ParseInt(s, 0, 64)},
 * {@code ParseFloat}, {@code time.ParseDuration} and the CSV reading of pflag's string slices. The
 * components Kubeward checks are Go programs; a value they would reject is a value the component
 * refuses to start with.
 */
final class GoValues {

  private GoValues() {}

  /** The values {@code strconv.ParseBool} reads as true. */
  static boolean isTrue(String s) {
    switch (s) {
      case "1":
      case "t":
      case "T":
      case "TRUE":
      case "true":
      case "True":
        return true;
      default:
        return false;
    }
  }

  /** The values {@code strconv.ParseBool} reads as false. */
  static boolean isFalse(String s) {
    switch (s) {
      case "0":
      case "f":
      case "F":
      case "FALSE":
      case "false":
      case "False":
        return true;
      default:
        return false;
    }
  }

  static boolean isBool(String s) {
    return isTrue(s) || isFalse(s);
  }

  /**
   * The value of {@code s} as {@code strconv.ParseInt(s, 0, 64)} reads it (sign; {@code 0x},
   * {@code 0o}, {@code 0b} or a leading {@code 0} for octal; underscores between digits), or
   * {@code fallback} when Go would reject it.
   */
  static long parseInt(String s, long fallback) {
    int n = s.length();
    if (n == 0) {
      return fallback;
    }
    int i = 0;
    boolean negative = false;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (i >= n) {
      return fallback;
    }
    int base = 10;
    int digitsFrom = i;
    if (s.charAt(i) == '0') {
      char p = n - i >= 3 ? Character.toLowerCase(s.charAt(i + 1)) : 0;
      if (p == 'b' || p == 'o' || p == 'x') {
        base = p == 'b' ? 2 : p == 'o' ? 8 : 16;
        digitsFrom = i + 2;
      } else {
        base = 8;
        digitsFrom = i + 1;
      }
    }
    // Accumulated negatively, as Long.parseLong does, so that Long.MIN_VALUE is reachable.
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long multiplyMin = limit / base;
    long value = 0;
    boolean underscores = false;
    for (int k = digitsFrom; k < n; k++) {
      char c = s.charAt(k);
      if (c == '_') {
        underscores = true;
        continue;
      }
      int d = c > 'z' ? -1 : Character.digit(c, base);
      if (d < 0 || value < multiplyMin) {
        return fallback;
      }
      value *= base;
      if (value < limit + d) {
        return fallback;
      }
      value -= d;
    }
    if (underscores && !underscoreOk(s)) {
      return fallback;
    }
    return negative ? value : -value;
  }

  static boolean isInt(String s) {
    return parseInt(s, 1) == parseInt(s, 2);
  }

  /**
   * Go's {@code underscoreOK}: underscores only between digits, or between a base prefix and a
   * digit.
   */
  private static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      i++;
    }
    boolean hex = false;
    if (s.length() - i >= 2 && s.charAt(i) == '0') {
      char p = Character.toLowerCase(s.charAt(i + 1));
      if (p == 'b' || p == 'o' || p == 'x') {
        hex = p == 'x';
        i += 2;
        saw = '0';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' || hex && Character.digit(c, 16) >= 0) {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  /**
   * True if {@code strconv.ParseFloat} accepts {@code s}: a decimal number with optional fraction
   * and exponent, a hexadecimal one with a {@code p} exponent, or {@code inf}, {@code infinity},
   * {@code nan} in any case (the first two signed or not).
   */
  static boolean isFloat(String s) {
    int n = s.length();
    int i = 0;
    if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      i = 1;
    }
    String rest = s.substring(i);
    if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
      return true;
    }
    if (i == 0 && rest.equalsIgnoreCase("nan")) {
      return true;
    }
    boolean hex = rest.length() > 2 && rest.charAt(0) == '0' && (rest.charAt(1) == 'x' || rest.charAt(1) == 'X');
    int k = hex ? 2 : 0;
    int radix = hex ? 16 : 10;
    boolean digits = false;
    boolean dot = false;
    for (; k < rest.length(); k++) {
      char c = rest.charAt(k);
      if (Character.digit(c, radix) >= 0 && c <= 'z') {
        digits = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (!digits) {
      return false;
    }
    if (k == rest.length()) {
      return !hex; // a hexadecimal float needs its p exponent
    }
    char e = Character.toLowerCase(rest.charAt(k));
    if (e != (hex ? 'p' : 'e')) {
      return false;
    }
    k++;
    if (k < rest.length() && (rest.charAt(k) == '+' || rest.charAt(k) == '-')) {
      k++;
    }
    if (k == rest.length()) {
      return false;
    }
    for (; k < rest.length(); k++) {
      char c = rest.charAt(k);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The value of a float {@link #isFloat} accepts, or {@code fallback}. */
  static double parseFloat(String s, double fallback) {
    if (!isFloat(s)) {
      return fallback;
    }
    String t = s.startsWith("+") ? s.substring(1) : s;
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("inf") || lower.equals("infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    if (lower.equals("-inf") || lower.equals("-infinity")) {
      return Double.NEGATIVE_INFINITY;
    }
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /**
   * The nanoseconds of a Go duration ({@code 1m0s}, {@code 300ms}, {@code -1.5h}, {@code 4h},
   * {@code 0}) as {@code time.ParseDuration} reads it, or {@code fallback} when Go would reject it
   * (no unit, an unknown unit, out of range).
   */
  static long parseDuration(String s, long fallback) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (s.substring(i).equals("0")) {
      return 0;
    }
    if (i == n) {
      return fallback;
    }
    double total = 0;
    while (i < n) {
      int start = i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      boolean pre = i > start;
      int fracStart = i;
      boolean post = false;
      if (i < n && s.charAt(i) == '.') {
        i++;
        fracStart = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        post = i > fracStart;
      }
      if (!pre && !post) {
        return fallback;
      }
      int unitStart = i;
      while (i < n && s.charAt(i) != '.' && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
        i++;
      }
      if (unitStart == i) {
        return fallback; // missing unit
      }
      long unit = unitNanos(s.substring(unitStart, i));
      if (unit < 0) {
        return fallback;
      }
      double number;
      try {
        number = Double.parseDouble(s.substring(start, unitStart).isEmpty() ? "0" : s.substring(start, unitStart));
      } catch (NumberFormatException e) {
        return fallback;
      }
      total += number * unit;
      if (total > 9.223372036854775807e18) {
        return fallback;
      }
    }
    long nanos = (long) total;
    return negative ? -nanos : nanos;
  }

  static boolean isDuration(String s) {
    return parseDuration(s, 1) == parseDuration(s, 2);
  }

  private static long unitNanos(String unit) {
    switch (unit) {
      case "ns":
        return 1L;
      case "us":
      case "\u00b5s": // micro sign
      case "\u03bcs": // Greek small letter mu
        return 1_000L;
      case "ms":
        return 1_000_000L;
      case "s":
        return 1_000_000_000L;
      case "m":
        return 60_000_000_000L;
      case "h":
        return 3_600_000_000_000L;
      default:
        return -1;
    }
  }

  /**
   * The fields of one CSV record as pflag's string slices read a value ({@code encoding/csv},
   * one record): comma-separated, a field may be quoted with {@code "} and {@code ""} inside it
   * stands for a quote; an empty value is no field at all. {@code null} when the CSV reader would
   * fail (a bare or unterminated quote).
   */
  static List<String> csv(String value) {
    List<String> fields = new ArrayList<>();
    if (value.isEmpty()) {
      return fields;
    }
    int n = value.length();
    int i = 0;
    while (true) {
      StringBuilder field = new StringBuilder();
      if (i < n && value.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            return null; // unterminated quote
          }
          char c = value.charAt(i);
          if (c == '"') {
            if (i + 1 < n && value.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field.append(c);
          i++;
        }
        if (i < n && value.charAt(i) != ',') {
          return null; // extraneous text after a quoted field
        }
      } else {
        while (i < n && value.charAt(i) != ',') {
          char c = value.charAt(i);
          if (c == '"') {
            return null; // bare quote
          }
          field.append(c);
          i++;
        }
      }
      fields.add(field.toString());
      if (i >= n) {
        return fields;
      }
      i++; // the comma
    }
  }
}
