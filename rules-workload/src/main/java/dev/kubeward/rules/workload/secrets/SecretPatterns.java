/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import dev.kubeward.model.Placeholders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recognises secret-looking names and values without allocating: names by configurable words
 * (matched case-insensitively, ignoring {@code _ - .} separators, ending at a word boundary), values
 * by the formats of well-known credentials. Never returns or stores any part of a value.
 */
final class SecretPatterns {

  /** The words that make a name look secret, by default. */
  static final List<String> DEFAULT_NAME_PATTERNS = List.of("PASSWORD", "PASSWD", "PASSPHRASE", "SECRET",
      "TOKEN", "API_KEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL");

  /** Name endings that mark a reference to a secret rather than the secret, by default. */
  static final List<String> DEFAULT_IGNORED_SUFFIXES = List.of("_FILE", "_PATH", "_DIR", "_NAME", "_URL",
      "_URI", "_ENDPOINT", "_HOST", "_PORT", "_TTL", "_TIMEOUT", "_EXPIRY", "_LENGTH", "_TYPE", "_HEADER",
      "_ENABLED", "_POLICY", "_ID", "_TEMPLATE", "_REF", "_VERSION", "_AUDIENCE");

  /**
   * Passwords that ship as defaults of common software, or that people type when asked for one:
   * matched whole, after trimming, ignoring case.
   */
  static final List<String> DEFAULT_PASSWORDS = List.of("changeme", "change_me", "change-me", "changeit",
      "admin", "administrator", "admin123", "password", "password1", "password123", "passw0rd", "p@ssw0rd",
      "pass", "root", "toor", "secret", "123456", "1234567", "12345678", "123456789", "1234567890", "1234",
      "12345", "letmein", "default", "postgres", "mysql", "guest", "qwerty", "welcome", "test", "demo");

  private static final String[] DEFAULT_PASSWORD_ARRAY = passwords(DEFAULT_PASSWORDS);
  private static final String[] DEFAULT_WORDS = compile(DEFAULT_NAME_PATTERNS);
  private static final String[] DEFAULT_SUFFIXES = compile(DEFAULT_IGNORED_SUFFIXES);

  static final String PRIVATE_KEY = "a private key";
  static final String AWS_KEY = "an AWS access key id";
  static final String GITHUB = "a GitHub token";
  static final String SLACK = "a Slack token";
  static final String SLACK_WEBHOOK = "a Slack webhook URL";
  static final String GOOGLE = "a Google API key";
  static final String STRIPE = "a Stripe secret key";
  static final String JWT = "a JSON Web Token";
  static final String URL_PASSWORD = "a URL with an embedded password";

  private static final String PEM_HEADER = "-----BEGIN";
  private static final String SLACK_HOOKS = "hooks.slack.com/services/";
  private static final String URL_SCHEME = "://";

  private SecretPatterns() {}

  /** Upper-cased words without separators, for {@link #nameLooksSecret}. */
  static String[] compile(List<String> words) {
    String[] out = new String[words.size()];
    for (int i = 0; i < out.length; i++) {
      StringBuilder sb = new StringBuilder();
      for (char c : words.get(i).toCharArray()) {
        if (!isSeparator(c)) {
          sb.append(Character.toUpperCase(c));
        }
      }
      if (sb.length() == 0) {
        throw new IllegalArgumentException("secret name patterns must not be blank");
      }
      out[i] = sb.toString();
    }
    return out;
  }

  /**
   * True if {@code name} contains one of {@code words} (ending at a word boundary: the end, a
   * non-letter, a camel-case hump, or a plural {@code s}) and ends with none of {@code suffixes}.
   * {@code initials} are those of {@code words}.
   */
  static boolean nameLooksSecret(String name, String[] words, Initials initials, String[] suffixes) {
    // The words first: most names hold none of them, and then the suffixes need no look.
    if (!holdsWord(name, words, initials.words())) {
      return false;
    }
    for (String suffix : suffixes) {
      if (endsWithWord(name, suffix)) {
        return false;
      }
    }
    return true;
  }

  /**
   * True if one of {@code words} starts somewhere in {@code name} and ends at a word boundary;
   * {@code pairs} are the pairs of characters where one may start ({@link Initials#words}): most
   * places of a name start none, and cost one look-up.
   */
  private static boolean holdsWord(String name, String[] words, long[] pairs) {
    int n = name.length();
    for (int start = 0; start < n; start++) {
      char c = name.charAt(start);
      char d = start + 1 < n ? name.charAt(start + 1) : 0; // only a one-letter word takes the last place
      int pair = c << 7 | d;
      // beyond ASCII, upper-casing may make a letter of A to Z (U+017F is an S): look closer
      if ((c | d) < 128 && (pairs[pair >>> 6] & 1L << pair) == 0) {
        continue;
      }
      char first = upper(c);
      for (String word : words) {
        if (word.charAt(0) == first) {
          int end = matchAt(name, start, word);
          if (end >= 0 && rightBoundary(name, end)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** {@link Character#toUpperCase(char)}, without its table look-up for ASCII. */
  private static char upper(char c) {
    if (c < 128) {
      return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }
    return Character.toUpperCase(c);
  }

  /**
   * The pairs of ASCII characters that may start a candidate, as sets of bits {@code 128 × first + second}:
   * in {@code words}, the places where one of some words may start (its first letter in either case,
   * then its second letter in either case or a separator, or anything after a one-letter word); in
   * {@code candidates}, also those where a PEM header or a credential format of {@link #credentialIn}
   * may start. A place whose pair is not in the set cannot start what the set is for, so most places of a
   * text cost one table look-up. Made once per word list ({@link #initials}).
   */
  record Initials(long[] words, long[] candidates) {}

  /** The beginnings of the tokens of {@link #tokenAt}. */
  private static final String[] TOKEN_STARTS = {"AKIA", "ASIA", "gh", "github_pat_", "xox", "AIza", "sk_live_",
      "rk_live_", "eyJ"};

  /** The first two characters of the tokens, as pairs of ASCII characters in the layout of {@link Initials}. */
  private static final long[] TOKEN_PAIRS = pairsOf(TOKEN_STARTS);

  /** The first two characters of everything {@link #holdsCandidate} looks for besides the words. */
  private static final long[] FORMAT_PAIRS = or(TOKEN_PAIRS, pairsOf(new String[] {PEM_HEADER, SLACK_HOOKS, URL_SCHEME}));

  /** The {@link Initials} of the default words: declared after the tables {@link #initials} reads. */
  private static final Initials DEFAULT_INITIALS = initials(DEFAULT_WORDS);

  /** The {@link Initials} of compiled {@code words}. */
  static Initials initials(String[] words) {
    long[] pairs = new long[128 * 128 / 64];
    for (int first = 0; first < 128; first++) {
      for (String word : words) {
        if (word.charAt(0) != upper((char) first)) {
          continue;
        }
        for (int second = 0; second < 128; second++) {
          char c = (char) second;
          if (word.length() == 1 || isSeparator(c) || upper(c) == word.charAt(1)) {
            int pair = first << 7 | second;
            pairs[pair >>> 6] |= 1L << pair;
          }
        }
      }
    }
    return new Initials(pairs, or(pairs, FORMAT_PAIRS));
  }

  private static long[] pairsOf(String[] starts) {
    long[] pairs = new long[128 * 128 / 64];
    for (String start : starts) {
      int pair = start.charAt(0) << 7 | start.charAt(1);
      pairs[pair >>> 6] |= 1L << pair;
    }
    return pairs;
  }

  private static long[] or(long[] a, long[] b) {
    long[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] |= b[i];
    }
    return out;
  }

  /**
   * True if one of {@code words} occurs anywhere in {@code text} as {@link #nameLooksSecret} matches
   * it in a name (ignoring case and separators, but not looking at word boundaries): false means no
   * name taken from the text can look secret. {@code initials} are those of {@code words}.
   */
  static boolean mentionsAny(String text, String[] words, Initials initials) {
    return search(text, words, initials.words(), false);
  }

  /**
   * True if {@code text} holds a PEM header ({@code -----BEGIN}), a credential format
   * ({@link #credentialIn} is not null) or one of {@code words} ({@link #mentionsAny}), in one pass.
   */
  static boolean holdsCandidate(String text, String[] words, Initials initials) {
    return search(text, words, initials.candidates(), true);
  }

  private static boolean search(String text, String[] words, long[] pairs, boolean formats) {
    int n = text.length();
    if (n == 0) {
      return false;
    }
    char c = text.charAt(0);
    for (int i = 1; i < n; i++) {
      char d = text.charAt(i);
      int pair = c << 7 | d;
      // beyond ASCII, upper-casing may make a letter of A to Z (U+017F is an S): look closer
      if (((c | d) >= 128 || (pairs[pair >>> 6] & 1L << pair) != 0) && startsAt(text, i - 1, words, formats)) {
        return true;
      }
      c = d;
    }
    return startsAt(text, n - 1, words, formats);
  }

  /** True if one of {@code words}, or with {@code formats} a PEM header or a credential format, starts at {@code i}. */
  private static boolean startsAt(String text, int i, String[] words, boolean formats) {
    if (formats && formatAt(text, i)) {
      return true;
    }
    char first = upper(text.charAt(i));
    for (String word : words) {
      if (word.charAt(0) == first && matchAt(text, i, word) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if a PEM header or a credential format that {@link #credentialIn} looks for place by place
   * starts at {@code i} of {@code s}: a Slack webhook ({@code i} at its {@code hooks}), a URL with a
   * password ({@code i} at its {@code ://}) or a token, which must not follow a letter or a digit.
   */
  private static boolean formatAt(String s, int i) {
    switch (s.charAt(i)) {
      case '-':
        return s.startsWith(PEM_HEADER, i);
      case 'h':
        return s.startsWith(SLACK_HOOKS, i) && isSlackWebhook(s, i);
      case ':':
        return s.startsWith(URL_SCHEME, i) && isUrlPassword(s, i);
      case 'A': case 'g': case 'x': case 's': case 'r': case 'e':
        return (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))) && tokenAt(s, i) != null;
      default:
        return false;
    }
  }

  /** End index of {@code word} matched at {@code start}, skipping separators in the name; or -1. */
  private static int matchAt(String name, int start, String word) {
    int i = start;
    for (int k = 0; k < word.length(); k++) {
      while (k > 0 && i < name.length() && isSeparator(name.charAt(i))) {
        i++;
      }
      if (i >= name.length() || upper(name.charAt(i)) != word.charAt(k)) {
        return -1;
      }
      i++;
    }
    return i;
  }

  private static boolean rightBoundary(String name, int end) {
    if (end >= name.length()) {
      return true;
    }
    char next = name.charAt(end);
    if (!Character.isLetter(next)) {
      return true;
    }
    if (Character.isUpperCase(next) && Character.isLowerCase(name.charAt(end - 1))) {
      return true;
    }
    if (next != 's' && next != 'S') {
      return false;
    }
    if (end + 1 == name.length()) {
      return true;
    }
    char after = name.charAt(end + 1);
    return !Character.isLetter(after) || (next == 's' && Character.isUpperCase(after));
  }

  private static boolean endsWithWord(String name, String suffix) {
    int n = suffix.length();
    int from = name.length() - n;
    if (from <= 0 || !name.regionMatches(true, from, suffix, 0, n)) {
      return false;
    }
    char before = name.charAt(from - 1);
    return isSeparator(before) || (Character.isUpperCase(name.charAt(from)) && Character.isLowerCase(before));
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.';
  }

  /**
   * True for values that cannot be a literal secret: a placeholder as {@link Placeholders} defines it
   * ({@code <...>}, {@code ${VAR}}, {@code {{ ... }}}, blank, XXX runs), a {@code $(VAR)} reference,
   * a SOPS-encrypted {@code ENC[...]} value, a path, a URL without credentials, a boolean word, or a number of up to five digits
   * (durations, ports, counts).
   */
  static boolean isPlaceholder(String value) {
    String v = value.strip();
    int n = v.length();
    if (Placeholders.isPlaceholder(v) || Placeholders.isReference(v) || v.charAt(0) == '/'
        || v.startsWith("ENC[")) {
      return true;
    }
    if (v.contains("://")) {
      return true;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") || v.equalsIgnoreCase("yes")
        || v.equalsIgnoreCase("no") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("off")) {
      return true;
    }
    if (n <= 5) {
      for (int i = 0; i < n; i++) {
        if (v.charAt(i) < '0' || v.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** What kind of credential {@code value} contains, as a noun phrase, or {@code null}. */
  static String credentialIn(String value) {
    int begin = value.indexOf("-----BEGIN ");
    if (begin >= 0) {
      int key = value.indexOf("PRIVATE KEY", begin);
      int newline = value.indexOf('\n', begin);
      if (key >= 0 && (newline < 0 || key < newline)) {
        return PRIVATE_KEY;
      }
    }
    for (int at = value.indexOf(SLACK_HOOKS); at >= 0; at = value.indexOf(SLACK_HOOKS, at + 1)) {
      if (isSlackWebhook(value, at)) {
        return SLACK_WEBHOOK;
      }
    }
    int n = value.length();
    for (int i = 0; i + 1 < n; i++) {
      char c = value.charAt(i);
      char d = value.charAt(i + 1);
      int pair = c << 7 | d;
      if ((c | d) >= 128 || (TOKEN_PAIRS[pair >>> 6] & 1L << pair) == 0) {
        continue; // no token starts with these two characters
      }
      if (i > 0 && Character.isLetterOrDigit(value.charAt(i - 1))) {
        continue;
      }
      String kind = tokenAt(value, i);
      if (kind != null) {
        return kind;
      }
    }
    for (int scheme = value.indexOf(URL_SCHEME); scheme >= 0; scheme = value.indexOf(URL_SCHEME, scheme + 3)) {
      if (isUrlPassword(value, scheme)) {
        return URL_PASSWORD;
      }
    }
    return null;
  }

  /**
   * The kind of token ({@link #AWS_KEY}, {@link #GITHUB}, ...) that starts at {@code i} of {@code s},
   * whatever comes before it, or {@code null}.
   */
  static String tokenAt(String s, int i) {
    int n = s.length();
    if (i >= n) {
      return null;
    }
    char c = s.charAt(i);
    if ((c == 'A' && (s.startsWith("AKIA", i) || s.startsWith("ASIA", i)))
        && run(s, i + 4, UPPER_DIGIT) == 16 && endOfToken(s, i + 20)) {
      return AWS_KEY;
    }
    if (c == 'g' && s.startsWith("gh", i) && i + 3 < n && "pousr".indexOf(s.charAt(i + 2)) >= 0
        && s.charAt(i + 3) == '_' && run(s, i + 4, ALNUM) == 36) {
      return GITHUB;
    }
    if (c == 'g' && s.startsWith("github_pat_", i) && run(s, i + 11, WORD) >= 22) {
      return GITHUB;
    }
    if (c == 'x' && s.startsWith("xox", i) && i + 4 < n && "abeprs".indexOf(s.charAt(i + 3)) >= 0
        && s.charAt(i + 4) == '-' && run(s, i + 5, SLACK_CHARS) >= 10) {
      return SLACK;
    }
    if (c == 'A' && s.startsWith("AIza", i) && run(s, i + 4, BASE64URL) == 35) {
      return GOOGLE;
    }
    if ((c == 's' || c == 'r') && s.startsWith("k_live_", i + 1) && run(s, i + 8, ALNUM) >= 16) {
      return STRIPE;
    }
    if (c == 'e' && isJwt(s, i)) {
      return JWT;
    }
    return null;
  }

  /**
   * {@code hooks.slack.com/services/T<team>/B<channel>/<secret>} at {@code at}: workspace and channel ids
   * of upper-case letters and digits, a secret of at least 20 letters and digits; {@code .../services/XXX}
   * is an example.
   */
  private static boolean isSlackWebhook(String value, int at) {
    int i = at + SLACK_HOOKS.length();
    if (i < value.length() && value.charAt(i) == 'T') {
      int team = run(value, i + 1, UPPER_DIGIT);
      int b = i + 1 + team;
      if (team >= 6 && b + 1 < value.length() && value.charAt(b) == '/' && value.charAt(b + 1) == 'B') {
        int channel = run(value, b + 2, UPPER_DIGIT);
        int s = b + 2 + channel;
        return channel >= 6 && s < value.length() && value.charAt(s) == '/' && run(value, s + 1, ALNUM) >= 20;
      }
    }
    return false;
  }

  private static final int UPPER_DIGIT = 0;
  private static final int ALNUM = 1;
  private static final int WORD = 2;
  private static final int BASE64URL = 3;
  private static final int SLACK_CHARS = 4;

  /** Length of the run of characters of {@code type} starting at {@code from}. */
  private static int run(String s, int from, int type) {
    int i = from;
    while (i < s.length() && accepts(type, s.charAt(i))) {
      i++;
    }
    return i - from;
  }

  private static boolean accepts(int type, char c) {
    boolean upper = c >= 'A' && c <= 'Z';
    boolean alnum = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    switch (type) {
      case UPPER_DIGIT:
        return upper || (c >= '0' && c <= '9');
      case ALNUM:
        return alnum;
      case WORD:
        return alnum || c == '_';
      case BASE64URL:
        return alnum || c == '_' || c == '-';
      default:
        return alnum || c == '-';
    }
  }

  private static boolean endOfToken(String s, int i) {
    return i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
  }

  /** {@code eyJ<header>.eyJ<payload>.<signature>}: base64url JSON header and payload. */
  private static boolean isJwt(String s, int i) {
    if (!s.startsWith("eyJ", i)) {
      return false;
    }
    int header = run(s, i, BASE64URL);
    int dot = i + header;
    if (header < 10 || dot >= s.length() || s.charAt(dot) != '.' || !s.startsWith("eyJ", dot + 1)) {
      return false;
    }
    int payload = run(s, dot + 1, BASE64URL);
    int dot2 = dot + 1 + payload;
    return payload >= 10 && dot2 < s.length() && s.charAt(dot2) == '.';
  }

  /**
   * {@code scheme://user:password@host} with its {@code ://} at {@code scheme}, and a password that is not
   * a {@code $(VAR)} placeholder.
   */
  private static boolean isUrlPassword(String s, int scheme) {
    int colon = -1;
    for (int i = scheme + 3; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '?' || c == '#' || Character.isWhitespace(c)) {
        return false;
      }
      if (c == ':' && colon < 0) {
        colon = i;
      } else if (c == '@') {
        return colon >= 0 && i > colon + 1 && s.charAt(colon + 1) != '$';
      }
    }
    return false;
  }

  /** The trimmed entries of {@code words}, without duplicates. */
  static String[] passwords(List<String> words) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : words) {
      if (w.isBlank()) {
        throw new IllegalArgumentException("default passwords must not be blank");
      }
      out.add(w.strip());
    }
    return out.toArray(new String[0]);
  }

  /** True if {@code value}, trimmed, is one of {@code passwords}, ignoring case. Allocates nothing. */
  static boolean isDefaultPassword(String value, String[] passwords) {
    if (value == null) {
      return false;
    }
    int from = 0;
    int to = value.length();
    while (from < to && Character.isWhitespace(value.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(value.charAt(to - 1))) {
      to--;
    }
    for (String p : passwords) {
      if (p.length() == to - from && value.regionMatches(true, from, p, 0, p.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if default-password, with its built-in list, reports {@code value} under {@code name}: the
   * name looks secret by the default words and the value is a built-in default password. The rules
   * that report leaked values leave these to default-password while it runs.
   */
  static boolean isBuiltInDefaultPassword(String name, String value) {
    return isDefaultPassword(value, DEFAULT_PASSWORD_ARRAY) && nameLooksSecret(name, DEFAULT_WORDS, DEFAULT_INITIALS, DEFAULT_SUFFIXES);
  }

  /** True if {@code name} looks secret by the default words and suffixes. */
  static boolean nameLooksSecretByDefault(String name) {
    return nameLooksSecret(name, DEFAULT_WORDS, DEFAULT_INITIALS, DEFAULT_SUFFIXES);
  }

  /**
   * The bytes {@code value} stands for, decoded as the API server decodes a Secret's {@code data}
   * (Go's {@code encoding/json} into {@code []byte}, that is {@code base64.StdEncoding}): the standard
   * alphabet with {@code =} padding, the length a multiple of four, carriage returns and line feeds
   * ignored anywhere, anything else (spaces, URL-safe {@code -_}, missing padding) an error. Trailing
   * bits need not be zero. {@code null} if the value is not valid base64.
   */
  static byte[] decodeBase64(String value) {
    int n = value.length();
    int count = 0;
    int pad = 0;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') {
        continue;
      }
      if (c == '=') {
        pad++;
      } else if (pad > 0 || base64Digit(c) < 0) {
        return null; // a character outside the alphabet, or data after padding
      }
      count++;
    }
    if (count % 4 != 0 || pad > 2) {
      return null;
    }
    byte[] out = new byte[count / 4 * 3 - pad];
    int bits = 0;
    int nbits = 0;
    int o = 0;
    for (int i = 0; i < n; i++) {
      int d = base64Digit(value.charAt(i));
      if (d < 0) {
        continue;
      }
      bits = (bits << 6) | d;
      nbits += 6;
      if (nbits >= 8) {
        nbits -= 8;
        if (o < out.length) {
          out[o++] = (byte) (bits >> nbits);
        }
      }
    }
    return out;
  }

  private static int base64Digit(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  }

  /** {@code bytes} as UTF-8 text, or {@code null} if they are not valid UTF-8 (binary data). */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
