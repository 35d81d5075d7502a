/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

/**
 * Resolution of plain YAML scalars the way Kubernetes resolves them: {@code sigs.k8s.io/yaml}
 * on top of YAML 1.1 rules, where {@code y}, {@code Yes}, {@code ON}, {@code off} are booleans,
 * {@code ~} and {@code null} are null, and {@code 0x1F}, {@code 0o17}, {@code 017}, {@code 1_000}
 * are integers.
 */
public final class Scalars {

  private Scalars() {}

  /** Resolves a plain (unquoted) YAML scalar to a typed node at the given position. */
  public static ScalarNode resolvePlain(int line, int column, String text) {
    if (!text.isEmpty() && !mayResolve(text.charAt(0), text.length())) {
      return ScalarNode.ofString(line, column, text, true);
    }
    switch (text) {
      case "":
      case "~":
      case "null":
      case "Null":
      case "NULL":
        return ScalarNode.ofNull(line, column, text);
      case "y":
      case "Y":
      case "yes":
      case "Yes":
      case "YES":
      case "true":
      case "True":
      case "TRUE":
      case "on":
      case "On":
      case "ON":
        return ScalarNode.ofBoolean(line, column, text, true);
      case "n":
      case "N":
      case "no":
      case "No":
      case "NO":
      case "false":
      case "False":
      case "FALSE":
      case "off":
      case "Off":
      case "OFF":
        return ScalarNode.ofBoolean(line, column, text, false);
      default:
        break;
    }
    if (isInteger(text)) {
      return ScalarNode.ofNumber(line, column, text, true);
    }
    if (isFloat(text)) {
      return ScalarNode.ofNumber(line, column, text, false);
    }
    return ScalarNode.ofString(line, column, text, true);
  }

  /**
   * False if a plain scalar of {@code length} characters starting with {@code c} can only be a
   * string: every null, boolean, integer and float form starts with one of the characters below
   * (the same first-character table as {@code go-yaml}'s resolver), and the null and boolean words
   * are at most five characters long. Most keys and values of a manifest are strings, and this
   * spares them the look-ups.
   */
  private static boolean mayResolve(char c, int length) {
    switch (c) {
      case '~':
      case 'n':
      case 'N':
      case 'y':
      case 'Y':
      case 't':
      case 'T':
      case 'f':
      case 'F':
      case 'o':
      case 'O':
        return length <= 5;
      case '+':
      case '-':
      case '.':
        return true;
      default:
        return c >= '0' && c <= '9';
    }
  }

  /** True if {@code text} is a YAML 1.1 integer (as {@code sigs.k8s.io/yaml} reads it). */
  public static boolean isInteger(String text) {
    int n = text.length();
    if (n == 0) {
      return false;
    }
    int i = 0;
    char c = text.charAt(0);
    if (c == '+' || c == '-') {
      i++;
    }
    if (i >= n) {
      return false;
    }
    if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
      return digits(text, i + 2, 16);
    }
    if (text.startsWith("0b", i) || text.startsWith("0B", i)) {
      return digits(text, i + 2, 2);
    }
    if (text.startsWith("0o", i) || text.startsWith("0O", i)) {
      return digits(text, i + 2, 8);
    }
    return digits(text, i, 10);
  }

  private static boolean digits(String text, int from, int radix) {
    if (from >= text.length()) {
      return false;
    }
    boolean any = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        continue;
      }
      if (Character.digit(c, radix) < 0 || c > 'z') {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** True if {@code text} is a YAML 1.1 float, including {@code .inf} and {@code .nan}. */
  public static boolean isFloat(String text) {
    switch (text) {
      case ".inf":
      case ".Inf":
      case ".INF":
      case "+.inf":
      case "+.Inf":
      case "+.INF":
      case "-.inf":
      case "-.Inf":
      case "-.INF":
      case ".nan":
      case ".NaN":
      case ".NAN":
        return true;
      default:
        break;
    }
    int n = text.length();
    int i = 0;
    if (n > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
      i++;
    }
    boolean digits = false;
    boolean dot = false;
    boolean exp = false;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '_' && digits) {
        continue;
      } else if (c == '.' && !dot && !exp) {
        dot = true;
      } else if ((c == 'e' || c == 'E') && digits && !exp) {
        exp = true;
        if (i + 1 < n && (text.charAt(i + 1) == '+' || text.charAt(i + 1) == '-')) {
          i++;
        }
        if (i + 1 >= n) {
          return false;
        }
      } else {
        return false;
      }
    }
    return digits && (dot || exp);
  }

  /**
   * The value of a float in any form {@link #isFloat} accepts when it is a whole number in the
   * {@code long} range ({@code 0.0}, {@code -0.0}, {@code 1e3}, {@code 1_000.0}), else
   * {@code fallback}. Kubernetes' YAML reader and kubectl's JSON handling hold numbers as 64-bit
   * floats and write whole ones back as JSON integers, so the API server reads {@code runAsUser:
   * 0.0} as {@code 0}; the value is the one that float rounds to.
   */
  public static long wholeFloat(String text, long fallback) {
    if (!isFloat(text) || text.indexOf('n') >= 0 || text.indexOf('N') >= 0) {
      return fallback;
    }
    double d;
    try {
      d = Double.parseDouble(text.indexOf('_') >= 0 ? text.replace("_", "") : text);
    } catch (NumberFormatException e) {
      return fallback;
    }
    if (d != Math.rint(d) || d >= 0x1p63 || d < -0x1p63) {
      return fallback;
    }
    return (long) d;
  }

  /**
   * The value of an integer in any form {@link #isInteger} accepts; a leading {@code 0} followed
   * by octal digits is octal, as in YAML 1.1 ({@code 017} is 15; {@code 019} is 19, as Kubernetes
   * reads it). Returns {@code fallback} when out of range or invalid.
   */
  public static long parseLong(String text, long fallback) {
    if (!isInteger(text)) {
      return fallback;
    }
    String t = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
    boolean negative = false;
    int i = 0;
    if (t.charAt(0) == '+' || t.charAt(0) == '-') {
      negative = t.charAt(0) == '-';
      i = 1;
    }
    int radix = 10;
    if (t.startsWith("0x", i) || t.startsWith("0X", i)) {
      radix = 16;
      i += 2;
    } else if (t.startsWith("0b", i) || t.startsWith("0B", i)) {
      radix = 2;
      i += 2;
    } else if (t.startsWith("0o", i) || t.startsWith("0O", i)) {
      radix = 8;
      i += 2;
    } else if (t.length() - i > 1 && t.charAt(i) == '0') {
      // 017 is octal; 019 is not an integer to Go's parser and becomes the number 19.
      boolean octal = true;
      for (int k = i; k < t.length(); k++) {
        octal &= t.charAt(k) <= '7';
      }
      radix = octal ? 8 : 10;
      i += 1;
    }
    try {
      long v = Long.parseLong(t, i, t.length(), radix);
      return negative ? -v : v;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
