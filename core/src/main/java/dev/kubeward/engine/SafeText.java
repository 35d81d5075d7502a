/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

/** Text from the input made safe to print on one report line. */
final class SafeText {

  private SafeText() {}

  /**
   * {@code text} with every character that could break or rewrite a report line (control
   * characters such as line breaks and terminal escapes, Unicode line separators, bidirectional
   * overrides) replaced by {@code ?}. Messages quote names and values from the input, which an
   * attacker may have chosen to forge or hide lines of a report.
   */
  static String oneLine(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= ' ' && c < '\u007f') {
        if (sb != null) {
          sb.append(c);
        }
        continue;
      }
      boolean unsafe = Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
          || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
      if (unsafe && sb == null) {
        sb = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (sb != null) {
        sb.append(unsafe ? '?' : c);
      }
    }
    return sb == null ? text : sb.toString();
  }
}
