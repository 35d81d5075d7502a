/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.Objects;

/**
 * A comment {@code # kubeward:ignore <rule-id> <reason>} in the document of an object: findings of
 * the rule on the object are suppressed with the reason. A comment without a reason (or without a
 * rule id) suppresses nothing and is itself reported.
 *
 * @param ruleId the rule named, {@code ""} if the comment names none
 * @param reason the rest of the comment after the rule id, trimmed; {@code ""} if there is none
 * @param line 1-based line of the comment's {@code #}
 * @param column 1-based column of the comment's {@code #}
 */
public record InlineSuppression(String ruleId, String reason, int line, int column) {

  /** The marker that starts such a comment, after the {@code #}. */
  public static final String MARKER = "kubeward:ignore";

  public InlineSuppression {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(reason, "reason");
  }

  /** An inline suppression from a comment's position and its {@code ruleId} and {@code reason}. */
  public static InlineSuppression of(String ruleId, String reason, int line, int column) {
    return new InlineSuppression(ruleId, reason, line, column);
  }

  /**
   * The inline suppression a comment's text (after the {@code #}) makes, or {@code null} if it is
   * not a {@code kubeward:ignore} comment.
   */
  public static InlineSuppression parse(String comment, int line, int column) {
    String text = comment.strip();
    if (!text.startsWith(MARKER)) {
      return null;
    }
    String rest = text.substring(MARKER.length());
    if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
      return null;
    }
    rest = rest.strip();
    int space = 0;
    while (space < rest.length() && !Character.isWhitespace(rest.charAt(space))) {
      space++;
    }
    return new InlineSuppression(rest.substring(0, space), rest.substring(space).strip(), line, column);
  }

  /** True if the comment names a rule and gives a reason, so that it suppresses the rule's findings. */
  public boolean suppresses() {
    return !ruleId.isEmpty() && !reason.isBlank();
  }
}
