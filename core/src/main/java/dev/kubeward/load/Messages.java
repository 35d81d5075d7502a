/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import java.util.regex.Pattern;

/** Keeps parser messages free of input text: manifests hold Secrets. */
final class Messages {

  /** A parser token ({@code <scalar>}) or the tab marker, which a message may quote. */
  private static final Pattern TOKEN = Pattern.compile("<[a-z ]{3,40}>|\\\\t\\(TAB\\)");
  private static final Pattern SNIPPET = Pattern.compile("\\s*\\n.*", Pattern.DOTALL);
  private static final Pattern INDENTATION_HINT = Pattern.compile("\\.?\\s*\\(Do not use .* for indentation\\)");
  private static final Pattern TAG_HANDLE = Pattern.compile("(found undefined tag handle)\\s+\\S+");
  private static final Pattern ESCAPE = Pattern.compile("(found unknown escape character)\\s+\\S+");

  /**
   * Parser token names and phrases, each with the YAML words a user knows; applied after
   * redaction, so a message says what is wrong in YAML terms.
   */
  private static final String[][] WORDS = {
    {"expected the node content", "expected a value"},
    {", but got ", ", but found "},
    {"'<stream end>'", "the end of the input"},
    {"<stream end>", "the end of the input"},
    {"'<document start>'", "a document start (---)"},
    {"<document start>", "a document start (---)"},
    {"'<document end>'", "a document end (...)"},
    {"<document end>", "a document end (...)"},
    {"'<block end>'", "the end of an indented block"},
    {"<block end>", "the end of an indented block"},
    {"unexpected end of stream", "unexpected end of the input"},
    {"'<block mapping start>'", "a new mapping"},
    {"<block mapping start>", "a new mapping"},
    {"'<block sequence start>'", "a new list"},
    {"<block sequence start>", "a new list"},
    {"'<block entry>'", "a list item (-)"},
    {"<block entry>", "a list item (-)"},
    {"'<scalar>'", "a plain value"},
    {"<scalar>", "a plain value"},
    {"'<key>'", "a key"},
    {"<key>", "a key"},
    {"'<value>'", "a key's value (:)"},
    {"<value>", "a key's value (:)"},
    {"'<anchor>'", "an anchor (&)"},
    {"<anchor>", "an anchor (&)"},
    {"'<alias>'", "an alias (*)"},
    {"<alias>", "an alias (*)"},
    {"'<tag>'", "a tag (!)"},
    {"<tag>", "a tag (!)"},
    {"'<flow sequence start>'", "["},
    {"<flow sequence start>", "["},
    {"'<flow sequence end>'", "]"},
    {"<flow sequence end>", "]"},
    {"'<flow mapping start>'", "{"},
    {"<flow mapping start>", "{"},
    {"'<flow mapping end>'", "}"},
    {"<flow mapping end>", "}"},
    {"'<flow entry>'", ","},
    {"<flow entry>", ","},
  };

  private Messages() {}

  /** {@code message} with every parser token name put in YAML words. */
  private static String inYamlTerms(String message) {
    String out = message;
    for (String[] w : WORDS) {
      out = out.replace(w[0], w[1]);
    }
    return out;
  }

  /**
   * The first line of a parser message with every quotation of input removed (token names such
   * as {@code '<block end>'} are put in YAML words: "the end of an indented block"), without a
   * trailing period.
   */
  static String redact(String message) {
    if (message == null || message.isBlank()) {
      return "unexpected input";
    }
    String out = SNIPPET.matcher(message).replaceFirst("");
    if (out.contains("\\t(TAB)")) {
      return "found a tab character where YAML expects spaces for indentation";
    }
    out = INDENTATION_HINT.matcher(out).replaceAll("");
    out = TAG_HANDLE.matcher(out).replaceAll("$1");
    out = ESCAPE.matcher(out).replaceAll("$1");
    StringBuilder sb = new StringBuilder(out.length());
    int i = 0;
    while (i < out.length()) {
      char c = out.charAt(i);
      int close = c == '\'' || c == '"' ? out.indexOf(c, i + 1) : -1;
      if (close < 0) {
        sb.append(c);
        i++;
        continue;
      }
      String inner = out.substring(i + 1, close);
      boolean keep = inner.length() < 2 || TOKEN.matcher(inner).matches();
      sb.append(keep ? out.substring(i, close + 1) : c + "..." + c);
      i = close + 1;
    }
    // Parsers name the character they choke on; a control character (CR...) would break the line.
    StringBuilder plain = new StringBuilder(sb.length());
    for (int k = 0; k < sb.length(); k++) {
      char ch = sb.charAt(k);
      plain.append(unsafe(ch) ? '?' : ch);
    }
    out = plain.toString().trim();
    while (out.endsWith(".")) {
      out = out.substring(0, out.length() - 1).trim();
    }
    return out.isEmpty() ? "unexpected input" : inYamlTerms(out);
  }

  /**
   * A key for an error message, shortened so that a long key cannot carry a value, with every
   * character that could break or rewrite a report line replaced by {@code ?}.
   */
  static String key(String key) {
    String k = key.length() > 64 ? key.substring(0, 61) + "..." : key;
    StringBuilder sb = new StringBuilder(k.length());
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      sb.append(unsafe(c) ? '?' : c);
    }
    return sb.toString();
  }

  /**
   * True for a character that could break or rewrite a report line: a control character (C0,
   * DEL, C1), a Unicode line or paragraph separator, a bidirectional embedding, override or isolate.
   * The same set as the engine's finding messages.
   */
  private static boolean unsafe(char c) {
    return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }
}
