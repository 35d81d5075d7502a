/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import dev.kubeward.load.LoadLimits;
import dev.kubeward.load.Yaml;
import dev.kubeward.load.YamlException;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ScalarNode;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A ConfigMap entry that holds a credential: a value in a known credential format, or a
 * secret-sounding key with a literal value. The message names the key, never the value.
 */
public final class SecretInConfigMap implements ResourceRule {

  private static final ParameterKey<List<String>> NAME_PATTERNS = ParameterKey.ofList("namePatterns",
      SecretPatterns.DEFAULT_NAME_PATTERNS, "Words that make a key look secret; matched as in"
      + " hardcoded-env-secret.");
  private static final ParameterKey<List<String>> IGNORED_SUFFIXES = ParameterKey.ofList("ignoredNameSuffixes",
      SecretPatterns.DEFAULT_IGNORED_SUFFIXES, "Key endings that mark a reference to a secret rather than the"
      + " secret itself.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("secret-in-config-map")
      .title("Secret-looking value in a ConfigMap")
      .severity(Severity.HIGH)
      .topic(Topic.SECRETS)
      .kinds(GroupKind.CONFIG_MAP)
      .parameters(NAME_PATTERNS, IGNORED_SUFFIXES)
      .rationale("ConfigMaps are not treated as confidential: they are readable by far more subjects than"
          + " Secrets (view roles, CI logs, kubectl describe), never encrypted at rest by an"
          + " EncryptionConfiguration meant for Secrets, and copied freely between environments. The rule"
          + " looks for the same credential formats and secret-sounding names as hardcoded-env-secret,"
          + " in data (binaryData is not inspected), leaves well-known default passwords to default-password while"
          + " that rule runs, and never prints a value.")
      .remediation("Move the value into a Secret or an external secret store and rotate the exposed credential.")
      .build();

  private final HardcodedEnvSecret.Params params;

  public SecretInConfigMap() {
    this(Parameters.defaults(METADATA));
  }

  private SecretInConfigMap(Parameters parameters) {
    this.params = HardcodedEnvSecret.Params.of(parameters.get(NAME_PATTERNS), parameters.get(IGNORED_SUFFIXES));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new SecretInConfigMap(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    if (resource.root().get("sops").isMap()) {
      return; // a SOPS-encrypted file: the values are ciphertext
    }
    boolean defaultsShown = DefaultPassword.shown(context, resource);
    MapNode data = resource.root().get("data").asMap();
    for (int i = 0; i < data.size(); i++) {
      Node value = data.value(i);
      String key = data.key(i);
      String text = value.text();
      if (!mayHoldDocument(text)) {
        String kind = flagged(key, text, params, defaultsShown); // no lambda on the quiet path
        if (kind != null) {
          report(resource, context, value, key, null, null, kind);
        }
        continue;
      }
      if (holdsNothing(key, text, params)) {
        continue; // as inspect() would, before a lambda is made
      }
      inspectParsed(key, value, text, params, defaultsShown,
          (v, k, embedded, at, kind) -> report(resource, context, v, k, embedded, at, kind));
    }
  }

  private static void report(Resource resource, Context context, Node value, String key, String embedded, int[] at,
      String kind) {
    String where = embedded == null ? "under key \"" + key + "\""
        : "under key \"" + embedded + "\" of the " + format(value) + " in \"" + key + "\"";
    FindingBuilder finding = context.finding(resource, value).key(embedded == null ? key : key + "/" + embedded);
    if (at != null) {
      finding.position(at[0], at[1]);
    }
    finding.message(BY_NAME.equals(kind)
        ? resource.displayName() + " holds a literal value " + where + ", whose name says it is a secret (value not shown)"
        : resource.displayName() + " holds a value that looks like " + kind + " " + where + " (value not shown)")
        .report();
  }

  /** True if {@code text} may hold a YAML or JSON document: it spans lines or starts with a bracket. */
  static boolean mayHoldDocument(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '{' || first == '[' || text.indexOf('\n') >= 0;
  }

  /** What {@link #flagged} returns for a literal value under a secret-looking key. */
  static final String BY_NAME = "a secret, by its key";

  /** Receives what {@link #inspect} finds in one ConfigMap entry. */
  interface Sink {
    /**
     * A credential in entry {@code key} (whose value node is {@code value}): {@code embedded} is the
     * dotted path of the key inside a YAML or JSON document the value holds, or {@code null} for the
     * value itself; {@code at} the source line and column inside a literal block, or {@code null};
     * {@code kind} as {@link #flagged} returns it.
     */
    void found(Node value, String key, String embedded, int[] at, String kind);
  }

  /** Limits for a document embedded in a value: the loader's defaults, within the value's length. */
  private static final LoadLimits EMBEDDED_LIMITS = LoadLimits.DEFAULTS;

  /**
   * Inspects ConfigMap entry {@code key}: a value that holds a YAML or JSON mapping or list is
   * searched entry by entry like a manifest (names and formats of its scalars), anything else (and a
   * document in which nothing is found) is judged whole by {@link #flagged}.
   */
  static void inspect(String key, Node value, HardcodedEnvSecret.Params params, boolean defaultsShown, Sink sink) {
    String text = value.text();
    if (text == null || text.isEmpty()) {
      return;
    }
    if (holdsNothing(key, text, params)) {
      return; // no need to parse it
    }
    inspectParsed(key, value, text, params, defaultsShown, sink);
  }

  /**
   * True if nothing in ConfigMap entry {@code key} with the non-empty value {@code text} could be
   * reported, parsed or not: the key does not look secret and the value holds no candidate.
   */
  private static boolean holdsNothing(String key, String text, HardcodedEnvSecret.Params params) {
    return !SecretPatterns.nameLooksSecret(key, params.namePatterns(), params.initials(), params.ignoredSuffixes())
        && holdsNoCandidate(text, params);
  }

  /** {@link #inspect} without the pre-check: the value parsed whenever it may hold a document. */
  static void inspectParsed(String key, Node value, String text, HardcodedEnvSecret.Params params, boolean defaultsShown,
      Sink sink) {
    Node document = embedded(text);
    if (document != null) {
      int[] found = {0};
      // default-password judges whole values only, so inside a document nothing is left to it
      walk(document, null, null, value, key, params, false, (v, k, e, at, kind) -> {
        found[0]++;
        sink.found(v, k, e, at, kind);
      });
      if (found[0] > 0) {
        return;
      }
      String kind = SecretPatterns.credentialIn(text); // in a comment, say
      if (kind != null) {
        sink.found(value, key, null, null, kind);
      }
      return;
    }
    String kind = flagged(key, text, params, defaultsShown);
    if (kind != null) {
      sink.found(value, key, null, null, kind);
    }
  }

  /**
   * True if no key or scalar of a document parsed from {@code text} can be reported: the text holds
   * no credential format and none of the secret-looking words, read both as it is (plain, single-quoted
   * and block scalars keep a backslash) and with the escape sequences of double-quoted scalars
   * decoded ({@link #decoded}), which is how a JSON string reads. Every key and scalar of a parsed
   * document is a piece of one of the two (aliases and merge keys repeat pieces, folding only turns
   * line breaks into spaces), except where a PEM header broken over lines makes the parsed text
   * differ: then the value is parsed.
   */
  static boolean holdsNoCandidate(String text, HardcodedEnvSecret.Params params) {
    if (SecretPatterns.holdsCandidate(text, params.namePatterns(), params.initials())) {
      return false;
    }
    int backslash = text.indexOf('\\');
    if (backslash < 0) {
      return true;
    }
    if (escapesMayMakeText(text) || !lettersAndDigits(params.namePatterns())) {
      return !SecretPatterns.holdsCandidate(decoded(text), params.namePatterns(), params.initials());
    }
    // The other escapes stand for quotes, slashes, backslashes, spaces and control characters: they
    // make no letter, dash or separator, so no word or PEM header that the text as it is lacks; but
    // they may end a word before a token ("\nAKIA...") or complete a URL ("https:\/\/..."), which only
    // the credential formats look at.
    return !credentialDecoded(text, backslash);
  }

  /**
   * {@code credentialIn(decoded(text)) != null}, for a {@code text} that holds no credential as it is and
   * whose escapes stand for no letter or digit and join no lines; decoded only if it escapes a slash.
   * Each escape then stands for one character that is no letter, digit, dash, underscore, dot, colon or
   * at sign: a token, made of those, reads the same decoded, and only what comes before it can differ (as
   * it is, {@code \nAKIA...} puts a letter before the key id). A URL or a Slack webhook can only be
   * completed by an escaped slash. {@code backslash} is the first backslash of {@code text}.
   */
  private static boolean credentialDecoded(String text, int backslash) {
    // escapes as decoded() reads them: each backslash that does not end an escape starts one
    for (int i = backslash; i >= 0 && i + 1 < text.length(); i = text.indexOf('\\', i + 2)) {
      char e = text.charAt(i + 1);
      if (e == '/') {
        return SecretPatterns.credentialIn(decoded(text)) != null;
      }
      boolean valid = simpleEscape(e) != 0 || e == '0';
      if (valid && Character.isLetterOrDigit(e) && SecretPatterns.tokenAt(text, i + 2) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if an escape of {@code text} may stand for a letter or a digit ({@code \x}, {@code \}{@code u},
   * {@code \U}) or join two lines (an escaped line break).
   */
  private static boolean escapesMayMakeText(String text) {
    for (int i = text.indexOf('\\'); i >= 0 && i + 1 < text.length(); i = text.indexOf('\\', i + 2)) {
      char e = text.charAt(i + 1);
      if (e == 'x' || e == 'u' || e == 'U' || e == '\n' || e == '\r') {
        return true;
      }
    }
    return false;
  }

  private static boolean lettersAndDigits(String[] words) {
    for (String word : words) {
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * {@code text} with every escape sequence of a YAML double-quoted scalar (JSON's included) replaced
   * by the character it stands for, and an escaped line break joined with the next line as the
   * parser joins it. A backslash that starts no valid escape is kept: in a double-quoted scalar the
   * document would not parse (and the value is then judged whole, as it is), elsewhere it is text.
   */
  static String decoded(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == n) {
        out.append(c);
        i++;
        continue;
      }
      char e = text.charAt(i + 1);
      int hex = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
      if (hex > 0) {
        int cp = hexAt(text, i + 2, hex);
        if (cp >= 0 && Character.isValidCodePoint(cp)) {
          out.appendCodePoint(cp);
          i += 2 + hex;
        } else {
          out.append(c);
          i++;
        }
        continue;
      }
      if (e == '\r' || e == '\n') {
        i += 2;
        if (e == '\r' && i < n && text.charAt(i) == '\n') {
          i++;
        }
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
          i++;
        }
        continue;
      }
      char simple = simpleEscape(e);
      if (simple == 0 && e != '0') {
        out.append(c);
        i++;
        continue;
      }
      out.append(simple);
      i += 2;
    }
    return out.toString();
  }

  /** What {@code \e} stands for in a double-quoted scalar, or 0 when it is no escape (or {@code \0}). */
  private static char simpleEscape(char e) {
    switch (e) {
      case '0': return 0;
      case 'a': return 0x07;
      case 'b': return '\b';
      case 't': case '\t': return '\t';
      case 'n': return '\n';
      case 'v': return 0x0b;
      case 'f': return '\f';
      case 'r': return '\r';
      case 'e': return 0x1b;
      case ' ': return ' ';
      case '"': return '"';
      case '/': return '/';
      case '\\': return '\\';
      case 'N': return '\u0085';
      case '_': return '\u00a0';
      case 'L': return '\u2028';
      case 'P': return '\u2029';
      default: return 0;
    }
  }

  private static int hexAt(String text, int from, int digits) {
    if (from + digits > text.length()) {
      return -1;
    }
    int value = 0;
    for (int k = from; k < from + digits; k++) {
      int d = Character.digit(text.charAt(k), 16);
      if (d < 0 || value > (Integer.MAX_VALUE >> 4)) {
        return -1;
      }
      value = (value << 4) | d;
    }
    return value;
  }

  /** The mapping or list a multi-line or bracketed value holds as YAML or JSON, or {@code null}. */
  private static Node embedded(String text) {
    if (!mayHoldDocument(text)) {
      return null;
    }
    try {
      Node root = Yaml.parseTree("embedded", text, EMBEDDED_LIMITS);
      return (root.isMap() || root.isList()) && root.size() > 0 ? root : null;
    } catch (YamlException e) {
      return null; // not YAML, or over the limits: judged whole
    }
  }

  private static String format(Node value) {
    String text = value.text().stripLeading();
    return text.startsWith("{") || text.startsWith("[") ? "JSON" : "YAML";
  }

  private static void walk(Node node, String name, String path, Node value, String key,
      HardcodedEnvSecret.Params params, boolean defaultsShown, Sink sink) {
    if (node instanceof MapNode map) {
      for (int i = 0; i < map.size(); i++) {
        String k = map.key(i);
        walk(map.value(i), k, path == null ? k : path + "." + k, value, key, params, defaultsShown, sink);
      }
    } else if (node.isList()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), name, (path == null ? "" : path) + "[" + i + "]", value, key, params, defaultsShown, sink);
      }
    } else {
      String kind = flagged(name == null ? "" : name, node.text(), params, defaultsShown);
      if (kind != null) {
        int[] at = null;
        if (value instanceof ScalarNode scalar && scalar.literalContentColumn() > 0) {
          at = new int[] {value.line() + node.line(), scalar.literalContentColumn() - 1 + node.column()};
        }
        sink.found(value, key, path, at, kind);
      }
    }
  }

  /**
   * Whether this rule reports the ConfigMap entry {@code key}: {@code text} in a known credential
   * format (the format's noun phrase), a literal under a secret-looking key ({@link #BY_NAME}), or
   * {@code null} for nothing; {@code defaultsShown} if default-password runs and is seen on the ConfigMap.
   */
  static String flagged(String key, String text, HardcodedEnvSecret.Params params, boolean defaultsShown) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String kind = SecretPatterns.credentialIn(text);
    if (kind != null) {
      return kind;
    }
    if (SecretPatterns.nameLooksSecret(key, params.namePatterns(), params.initials(), params.ignoredSuffixes())
        && !SecretPatterns.isPlaceholder(text)
        && !(defaultsShown && SecretPatterns.isBuiltInDefaultPassword(key, text))) {
      return BY_NAME;
    }
    return null;
  }
}
