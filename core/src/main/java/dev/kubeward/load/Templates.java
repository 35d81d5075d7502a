/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.Placeholders;
import java.util.regex.Pattern;

/**
 * Recognises unrendered templates ({@code {{ ... }}}) that break a document, and words the advice
 * for them.
 *
 * <p>A template only breaks a document where the YAML does not parse, or where an action starts a
 * line outside a block scalar (a Helm action such as {@code {{- if .Values.x }}} or an
 * {@code include}): its shape then depends on the rendering. A document whose templates sit in
 * values ({@code image: repo:{{ .Values.tag }}}) is valid YAML and is read; its placeholders are
 * found by {@link Placeholders#holdsPlaceholder}.
 */
final class Templates {

  /** The start of every unrendered-template error; {@link #advice(String)} follows it. */
  static final String MESSAGE = "unrendered template ({{ ... }}) that is not valid YAML";

  private static final Pattern BLOCK_INDICATOR = Pattern.compile("[|>]([1-9][+-]?|[+-][1-9]?)?");

  private Templates() {}

  /**
   * Offset of the first {@code {{} that starts a line (after indentation) outside a block
   * scalar, or -1.
   */
  static int lineStartAction(String text) {
    int n = text.length();
    int i = 0;
    int blockParent = -1;
    while (i < n) {
      int end = i;
      while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      int indent = i;
      while (indent < end && text.charAt(indent) == ' ') {
        indent++;
      }
      int first = indent;
      while (first < end && text.charAt(first) == '\t') {
        first++;
      }
      boolean blank = first == end;
      if (blockParent >= 0 && (blank || indent - i > blockParent)) {
        i = next(text, end);
        continue;
      }
      blockParent = -1;
      if (first + 1 < end && text.charAt(first) == '{' && text.charAt(first + 1) == '{') {
        return first;
      }
      if (startsBlockScalar(text, first, end)) {
        blockParent = indent - i;
      }
      i = next(text, end);
    }
    return -1;
  }

  private static int next(String text, int end) {
    if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n') {
      return end + 2;
    }
    return end + 1;
  }

  /** True if the line ends with a block scalar indicator after {@code key:}, {@code -} or nothing. */
  private static boolean startsBlockScalar(String text, int from, int end) {
    String line = text.substring(from, end);
    int comment = line.indexOf(" #");
    if (comment >= 0) {
      line = line.substring(0, comment);
    }
    line = line.strip();
    int space = line.lastIndexOf(' ');
    String indicator = line.substring(space + 1);
    if (!BLOCK_INDICATOR.matcher(indicator).matches()) {
      return false;
    }
    String before = space < 0 ? "" : line.substring(0, space).strip();
    while (!before.isEmpty()) {
      int s = before.lastIndexOf(' ');
      String token = before.substring(s + 1);
      if (token.startsWith("&") || token.startsWith("!")) {
        before = s < 0 ? "" : before.substring(0, s).strip();
      } else {
        break;
      }
    }
    return before.isEmpty() || before.equals("-") || before.equals("---") || before.endsWith(":");
  }

  /**
   * What to do about a template that does not parse: with {@code chart} (the folder of the
   * {@code Chart.yaml} beside or above the file, as shown to the user), render the chart and scan
   * the output; without one, render the template with its own tool.
   */
  static String advice(String chart) {
    if (chart == null) {
      return "render it with the tool it is written for and scan the output (... | kubeward scan -)";
    }
    return "render the chart and scan the output: helm template . | kubeward scan - (in " + chart + ")";
  }
}
