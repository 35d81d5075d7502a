/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.regex.Pattern;

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
 * keeps any part of a value.
 *
 * <p>{@link #holdsPlaceholder(Node)} tells whether a value of a manifest is left to a template to
 * fill in: such a manifest is valid YAML, but its verdicts may change once rendered.
 */
public final class Placeholders {

  /** Helm's built-in objects and functions that only a chart uses. */
  private static final Pattern HELM = Pattern.compile(
      "\\.(Values|Release|Chart|Capabilities|Files|Template|Subcharts)\\b"
          + "|^(include|template|tpl|toYaml|required|lookup)\\b|\\|\\s*(nindent|indent|toYaml|quote)\\b");

  /** A deploy-time placeholder: one or a few bare words, maybe a Go template field. */
  private static final Pattern BARE = Pattern.compile("\\.?[A-Za-z_][A-Za-z0-9_]*( [A-Za-z0-9_]+)*");

  /** Argo Workflows variables that are single words. */
  private static final Pattern ARGO = Pattern.compile("item|retries|lastRetry");

  /** Go template keywords that stand alone, closing or continuing a run-time action. */
  private static final Pattern GO_KEYWORD = Pattern.compile("end|else|break|continue|nil|true|false");

  /** Fields of Prometheus and Alertmanager template data. */
  private static final Pattern RUN_TIME_FIELD = Pattern.compile(
      "\\.(Labels|Value|Annotations|ExternalLabels|ExternalURL|CommonLabels|CommonAnnotations"
          + "|GroupLabels|Status|Alerts|Receiver|StartsAt|EndsAt|GeneratorURL|Fingerprint)");

  private Placeholders() {}

  /**
   * True if {@code node} is a string scalar whose value a template still has to fill in, so that
   * a verdict on it may change once the manifest is rendered:
   * <ul>
   *   <li>a whole value {@code <...>} on one line without other angle brackets
   *       ({@code <your-image>});</li>
   *   <li>a {@code {{ ... }}} action of an unrendered template: in a plain (unquoted) scalar, as
   *       {@link #holdsTemplateAction(String, boolean)} says; in a quoted or block scalar, only an
   *       action that uses Helm's objects or functions ({@code "{{ .Values.image }}"}), because
   *       quoted and block text carries the run-time templates of Prometheus, Grafana and
   *       Alertmanager;</li>
   *   <li>a {@code ${NAME}} substitution of an upper-case name in a value without spaces
   *       ({@code ${TAG}}, {@code registry/app:${TAG}}); one in text with spaces is a shell's, one
   *       of another name a run-time variable ({@code ${binary_remote_addr}}, {@code ${2}}).</li>
   * </ul>
   * A Kubernetes {@code $(VAR)} reference is not a placeholder.
   */
  public static boolean holdsPlaceholder(Node node) {
    if (!(node instanceof ScalarNode scalar) || scalar.type() != ScalarNode.Type.STRING) {
      return false;
    }
    String value = scalar.rawText();
    if (value == null || value.isEmpty()) {
      return false;
    }
    boolean brace = value.indexOf('{') >= 0;
    if (!brace && value.indexOf('<') < 0) {
      return false;
    }
    String v = value.strip();
    if (v.length() >= 3 && v.charAt(0) == '<' && v.charAt(v.length() - 1) == '>' && v.indexOf('\n') < 0
        && noInnerAngles(v)) {
      return true;
    }
    if (!brace) {
      return false;
    }
    if (v.contains("{{") && holdsTemplateAction(v, scalar.isPlain())) {
      return true;
    }
    return v.contains("${") && !containsWhitespace(v) && holdsSubstitution(v);
  }

  /**
   * True if {@code v} holds a {@code ${NAME}} substitution as envsubst and deploy scripts write it:
   * an upper-case name, maybe with a default or a check ({@code ${TAG:-latest}}, {@code ${TAG?}}),
   * that is {@code \$\{[A-Z_][A-Z0-9_]*(:?[-=?+][^}]*)?\}} somewhere in it. Lower-case names and
   * others ({@code ${binary_remote_addr}}, {@code ${pvc.name}}, {@code ${2}}) are the run-time
   * variables of ingress controllers, CSI drivers and relabelling rules. Written out rather than
   * as a regular expression: values without spaces can be long (a dashboard's JSON), and a
   * search would start a match at every character of them.
   */
  static boolean holdsSubstitution(String v) {
    int n = v.length();
    for (int at = v.indexOf("${"); at >= 0; at = v.indexOf("${", at + 2)) {
      int i = at + 2;
      if (i >= n || !(isUpper(v.charAt(i)) || v.charAt(i) == '_')) {
        continue;
      }
      i++;
      while (i < n && (isUpper(v.charAt(i)) || v.charAt(i) == '_' || (v.charAt(i) >= '0' && v.charAt(i) <= '9'))) {
        i++;
      }
      if (i >= n) {
        return false; // no closing brace after any later "${" either
      }
      if (v.charAt(i) == '}') {
        return true;
      }
      int operator = v.charAt(i) == ':' ? i + 1 : i;
      if (operator < n && "-=?+".indexOf(v.charAt(operator)) >= 0 && v.indexOf('}', operator + 1) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean noInnerAngles(String v) {
    for (int i = 1; i < v.length() - 1; i++) {
      char c = v.charAt(i);
      if (c == '<' || c == '>') {
        return false;
      }
    }
    return true;
  }

  private static boolean containsWhitespace(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (Character.isWhitespace(v.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if {@code value} holds a {@code {{ ... }}} action of a template that was not rendered.
   * In a {@code plain} (unquoted) scalar that is an action which uses Helm's objects or functions
   * ({@code .Values}, {@code include}, {@code toYaml}), an unclosed one, or a bare placeholder of
   * one or a few words ({@code {{ ca_version }}}, {@code {{.Namespace}}}), as Jinja, sed and Go
   * templates of deploy scripts write them; anything else is a run-time template of the tool that
   * reads the object (Prometheus {@code {{ $labels.pod }}}, {@code {{ .Labels.job }}}, Argo
   * {@code {{inputs.parameters.x}}}, {@code {{item}}}). In quoted or block text, only an action
   * that uses Helm's objects or functions counts.
   */
  public static boolean holdsTemplateAction(String value, boolean plain) {
    int at = value.indexOf("{{");
    while (at >= 0) {
      int close = value.indexOf("}}", at + 2);
      if (close < 0) {
        return plain;
      }
      String action = value.substring(at + 2, close).strip();
      if (action.startsWith("-")) {
        action = action.substring(1).strip();
      }
      if (action.endsWith("-")) {
        action = action.substring(0, action.length() - 1).strip();
      }
      if (HELM.matcher(action).find() || plain && !isRunTime(action)) {
        return true;
      }
      at = value.indexOf("{{", close + 2);
    }
    return false;
  }

  private static boolean isRunTime(String action) {
    if (!BARE.matcher(action).matches()) {
      return true;
    }
    return ARGO.matcher(action).matches() || RUN_TIME_FIELD.matcher(action).matches()
        || GO_KEYWORD.matcher(action).matches();
  }

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
