/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

/** Text helpers shared by the writers. */
final class Texts {

  private Texts() {}

  /**
   * {@code text} with every control character (C0, DEL, C1, line and paragraph separators) and
   * every bidirectional embedding, override and isolate written as a {@code \}{@code uXXXX}
   * escape, so that it stays on one line, cannot drive a terminal and cannot reorder what follows
   * it on the line.
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    int i = 0;
    while (i < text.length() && !isControl(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }
}
