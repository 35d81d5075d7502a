/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import java.util.Locale;

/**
 * JSON string literals for commands that write small JSON documents by hand (the answers of
 * {@code pss plan} and {@code network reach}); the reports use a JSON generator.
 */
public final class JsonText {

  private JsonText() {}

  /**
   * {@code s} as a JSON string literal, quotes included: {@code "} and {@code \} escaped, control
   * characters and the line separators U+2028 and U+2029 written as escapes.
   */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
