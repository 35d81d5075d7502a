/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

/**
 * What a value that stands for another value looks like: a placeholder left for a person or a
 * tool to fill in, not a value of its own. One definition for every rule and loader that must tell
 * a real value from a template's or an example's.
 *
 * <p>A placeholder is, after trimming: empty; a {@code <...>} description
 * ({@code <base64-encoded-password>}); a {@code ${VAR}} substitution; a {@code {{ ... }}} template
 * expression; or a run of three or more {@code X} (any case), alone or between separators
 * ({@code XXXX}, {@code xxx-xxx}). A Kubernetes {@code $(VAR)} reference is not a placeholder: it
 * names another variable of the container, see {@link #isReference(String)}. Nothing here
 * allocates or keeps any part of a value.
 */
public final class Placeholders {

  private Placeholders() {}

  /** True if {@code value} is a placeholder as this class defines it ({@code null} is one). */
  public static boolean isPlaceholder(String value) {
    if (value == null) {
      return true;
    }
    int from = 0;
    int to = value.length();
    while (from < to && Character.isWhitespace(value.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(value.charAt(to - 1))) {
      to--;
    }
    int n = to - from;
    if (n == 0) {
      return true;
    }
    char first = value.charAt(from);
    char last = value.charAt(to - 1);
    if (n >= 3 && first == '<' && last == '>') {
      return true;
    }
    if (n >= 4 && first == '$' && value.charAt(from + 1) == '{' && last == '}') {
      return true;
    }
    if (n >= 4 && first == '{' && value.charAt(from + 1) == '{' && last == '}' && value.charAt(to - 2) == '}') {
      return true;
    }
    return isXRun(value, from, to);
  }

  /** True if {@code value} is a Kubernetes {@code $(VAR)} reference to another environment variable. */
  public static boolean isReference(String value) {
    if (value == null) {
      return false;
    }
    String v = value.strip();
    return v.length() >= 4 && v.startsWith("$(") && v.endsWith(")") && v.indexOf(')') == v.length() - 1;
  }

  /** Only X (either case) and separators, with at least three X. */
  private static boolean isXRun(String value, int from, int to) {
    int xs = 0;
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c == 'x' || c == 'X') {
        xs++;
      } else if (c != '-' && c != '_' && c != '.' && c != '/' && c != ':') {
        return false;
      }
    }
    return xs >= 3;
  }
}
