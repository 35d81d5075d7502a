/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import java.util.regex.Pattern;

/**
 * Recognises unrendered templates ({@code {{ ... }}}) without mistaking the run-time templates
 * that real manifests carry for them.
 *
 * <p>Three places give a template away: a line that starts with {@code {{} outside a block scalar
 * (a Helm action such as {@code {{- if .Values.x }}}), a document that is not valid YAML and holds
 * {@code {{}, and a plain (unquoted) scalar with an action such as {@code repo:{{ .Values.tag }}}.
 * Quoted and block scalars are text: Prometheus alert annotations, Alertmanager and Grafana
 * templates, scripts. In a plain scalar, an action is taken for an unrendered template when it
 * uses Helm's objects or functions ({@code .Values}, {@code include}, {@code toYaml}) or is a bare
 * placeholder of one or a few words ({@code {{ ca_version }}}, {@code {{.Namespace}}}), as
 * Jinja, sed and Go templates of deploy scripts write them. Anything else is a run-time template
 * of the tool that reads the object and loads as text: Prometheus
 * ({@code {{ $labels.pod }}}, {@code {{ "60" | humanizeDuration }}}, {@code {{ .Labels.job }}}),
 * Argo Workflows ({@code {{inputs.parameters.x}}}, {@code {{item}}}).
 */
final class Templates {

  /** The message of every unrendered-template error. */
  static final String MESSAGE = "unrendered Helm template ({{ ... }}); render it with 'helm template' first";

  /** Helm's built-in objects and functions that only a chart uses. */
  private static final Pattern HELM = Pattern.compile(
      "\\.(Values|Release|Chart|Capabilities|Files|Template|Subcharts)\\b"
          + "|^(include|template|tpl|toYaml|required|lookup)\\b|\\|\\s*(nindent|indent|toYaml|quote)\\b");

  /** A deploy-time placeholder: one or a few bare words, maybe a Go template field. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\.?[A-Za-z_][A-Za-z0-9_]*( [A-Za-z0-9_]+)*");

  /** Argo Workflows variables that are single words. */
  private static final Pattern ARGO = Pattern.compile("item|retries|lastRetry");

  /** Go template keywords that stand alone, closing or continuing a run-time action. */
  private static final Pattern GO_KEYWORD = Pattern.compile("end|else|break|continue|nil|true|false");

  /** Fields of Prometheus and Alertmanager template data. */
  private static final Pattern RUN_TIME_FIELD = Pattern.compile(
      "\\.(Labels|Value|Annotations|ExternalLabels|ExternalURL|CommonLabels|CommonAnnotations"
          + "|GroupLabels|Status|Alerts|Receiver|StartsAt|EndsAt|GeneratorURL|Fingerprint)");

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
   * True if a plain scalar holds a template action that is not a known run-time template (see
   * the class comment).
   */
  static boolean isUnrenderedPlain(String value) {
    int at = value.indexOf("{{");
    while (at >= 0) {
      int close = value.indexOf("}}", at + 2);
      if (close < 0) {
        return true;
      }
      String action = value.substring(at + 2, close).strip();
      if (action.startsWith("-")) {
        action = action.substring(1).strip();
      }
      if (action.endsWith("-")) {
        action = action.substring(0, action.length() - 1).strip();
      }
      if (!isRunTime(action)) {
        return true;
      }
      at = value.indexOf("{{", close + 2);
    }
    return false;
  }

  private static boolean isRunTime(String action) {
    if (HELM.matcher(action).find()) {
      return false;
    }
    if (!PLACEHOLDER.matcher(action).matches()) {
      return true;
    }
    return ARGO.matcher(action).matches() || RUN_TIME_FIELD.matcher(action).matches()
        || GO_KEYWORD.matcher(action).matches();
  }
}
