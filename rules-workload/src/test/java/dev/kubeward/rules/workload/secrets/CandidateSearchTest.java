/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass search for candidates ({@link SecretPatterns#holdsCandidate}, {@link SecretPatterns#mentionsAny})
 * and the pre-check built on it ({@link SecretInConfigMap#holdsNoCandidate}) answer exactly as their
 * definitions: a PEM header, {@link SecretPatterns#credentialIn} or a word matched place by place, read as
 * the text is and, where escapes could change that, as it reads decoded.
 */
class CandidateSearchTest {

  private static final HardcodedEnvSecret.Params DEFAULTS = HardcodedEnvSecret.Params.of(
      SecretPatterns.DEFAULT_NAME_PATTERNS, SecretPatterns.DEFAULT_IGNORED_SUFFIXES);

  private static boolean holds(String text) {
    return SecretPatterns.holdsCandidate(text, DEFAULTS.namePatterns(), DEFAULTS.initials());
  }

  @Test
  void wordsAreFoundInAnyCaseAndBeyondAscii() {
    assertThat(holds("PaSsWoRd")).isTrue();
    assertThat(holds("x: pRIVATE.key")).isTrue();
    // U+017F (long s) and U+0131 (dotless i) upper-case to S and I
    assertThat(holds("\u017Fecret")).isTrue();
    assertThat(holds("ap\u0131_key")).isTrue();
    assertThat(holds("s\u00E9cret")).isFalse();
    assertThat(holds("tok\u00E9n")).isFalse();
  }

  @Test
  void candidatesAreFoundAtTheVeryStartAndEndOfAValue() {
    assertThat(holds("token")).isTrue();
    assertThat(holds("a: token")).isTrue();
    assertThat(holds("tokeN")).isTrue();
    assertThat(holds("toke")).isFalse();
    assertThat(holds("AKIAIOSFODNN7EXAMPLF")).isTrue();
    assertThat(holds("key: AKIAIOSFODNN7EXAMPLF")).isTrue();
    assertThat(holds("key: AKIAIOSFODNN7EXAMP")).isFalse();
    assertThat(holds("-----BEGIN")).isTrue();
    assertThat(holds("x -----BEGI")).isFalse();
    assertThat(holds("http://u:p@h")).isTrue();
    assertThat(holds("http://u:p@")).isTrue();
    assertThat(holds("http://u:@h")).isFalse();
    assertThat(holds("")).isFalse();
    assertThat(holds("t")).isFalse();
  }

  @Test
  void aOneLetterWordIsFoundAtTheLastPlace() {
    assertThat(mentions("abc q", "Q")).isTrue();
    assertThat(mentions("q", "Q")).isTrue();
    assertThat(mentions("abc", "Q")).isFalse();
    assertThat(mentions("x_1", "X1")).isTrue();
    assertThat(mentions("\u00E4pfel", "\u00C4PFEL")).isTrue();
    assertThat(mentions("apfel", "\u00C4PFEL")).isFalse();
  }

  @Test
  void tokensMustNotFollowALetterOrADigitAsTheTextReads() {
    assertThat(holds("xAKIAIOSFODNN7EXAMPLF")).isFalse();
    assertThat(holds("\"AKIAIOSFODNN7EXAMPLF\"")).isTrue();
    assertThat(holds("\\nAKIAIOSFODNN7EXAMPLF")).isFalse(); // as it is: after an n
  }

  @Test
  void credentialFormatsAreFoundAtEitherEndOfAValue() {
    String ghp = "ghp_" + "a1".repeat(18);
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig";
    assertThat(SecretPatterns.credentialIn("AKIAIOSFODNN7EXAMPLF")).isEqualTo(SecretPatterns.AWS_KEY);
    assertThat(SecretPatterns.credentialIn("id=ASIAIOSFODNN7EXAMPLF")).isEqualTo(SecretPatterns.AWS_KEY);
    assertThat(SecretPatterns.credentialIn("token " + ghp)).isEqualTo(SecretPatterns.GITHUB);
    assertThat(SecretPatterns.credentialIn(jwt)).isEqualTo(SecretPatterns.JWT);
    assertThat(SecretPatterns.credentialIn("k: AIza" + "B".repeat(35))).isEqualTo(SecretPatterns.GOOGLE);
    assertThat(SecretPatterns.credentialIn("rk_live_" + "0".repeat(16))).isEqualTo(SecretPatterns.STRIPE);
    assertThat(SecretPatterns.credentialIn("xoxb-0123456789")).isEqualTo(SecretPatterns.SLACK);
    assertThat(SecretPatterns.credentialIn("redis://:pw@cache")).isEqualTo(SecretPatterns.URL_PASSWORD);
    // a letter beyond ASCII is a letter: before the token it joins a word, after it the token goes on
    assertThat(SecretPatterns.credentialIn("\u00E9AKIAIOSFODNN7EXAMPLF")).isNull();
    assertThat(SecretPatterns.credentialIn("AKIAIOSFODNN7EXAMPLF\u00E9")).isNull();
    assertThat(SecretPatterns.credentialIn("xAKIAIOSFODNN7EXAMPLF")).isNull();
    assertThat(SecretPatterns.credentialIn("xoxb-012345678")).isNull();
    assertThat(SecretPatterns.credentialIn("A")).isNull();
    assertThat(SecretPatterns.credentialIn("gh")).isNull();
    assertThat(SecretPatterns.credentialIn("")).isNull();
    // the first kind found wins: a webhook before a token before a URL, whatever their places
    assertThat(SecretPatterns.credentialIn("redis://:pw@cache " + jwt)).isEqualTo(SecretPatterns.JWT);
    assertThat(SecretPatterns.credentialIn(jwt + " https://hooks.slack.com/services/T0123456/B0123456/"
        + "abcdefghijklmnopqrstuvwx")).isEqualTo(SecretPatterns.SLACK_WEBHOOK);
  }

  @Test
  void escapesAreReadAsDecodedWhereTheyCouldMakeACredential() {
    // an escape that ends in a letter ends a word before a token only once decoded
    assertThat(noCandidate("{\"n\": \"a\\nAKIAIOSFODNN7EXAMPLF\"}")).isFalse();
    assertThat(noCandidate("{\"n\": \"a\\tghp_abcdefghijklmnopqrstuvwxyz0123456789\"}")).isFalse();
    assertThat(noCandidate("{\"n\": \"a\\0eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig\"}")).isFalse();
    // not so after an escaped backslash ("\\n" is a backslash and an n), an invalid escape or at the very end
    assertThat(noCandidate("{\"n\": \"a\\\\nAKIAIOSFODNN7EXAMPLF\"}")).isTrue();
    assertThat(noCandidate("{\"n\": \"a\\qAKIAIOSFODNN7EXAMPLF\"}")).isTrue();
    assertThat(noCandidate("{\"n\": \"a\\nAKIAIOSFODNN7EXAMPL\"}")).isTrue();
    assertThat(noCandidate("{\"n\": [1]}\\n")).isTrue();
    assertThat(noCandidate("{\"n\": [1]}\\")).isTrue();
    // escaped slashes complete a URL or a Slack webhook
    assertThat(noCandidate("{\"u\": \"https:\\/\\/user:pw@db\"}")).isFalse();
    assertThat(noCandidate("{\"u\": \"https:\\/\\/db\\/x\"}")).isTrue();
    assertThat(noCandidate("{\"u\": \"https:\\/\\/hooks.slack.com\\/services\\/T0123456\\/B0123456\\/"
        + "abcdefghijklmnopqrstuvwx\"}")).isFalse();
    // an escape that stands for a letter is decoded and everything is looked for again
    assertThat(noCandidate("{\"k\": \"\\u0041KIAIOSFODNN7EXAMPLF\"}")).isFalse();
    assertThat(noCandidate("{\"k\": \"\\u0041\"}")).isTrue();
  }

  private static boolean noCandidate(String text) {
    boolean answer = SecretInConfigMap.holdsNoCandidate(text, DEFAULTS);
    assertThat(answer).as("as defined, for %s", text).isEqualTo(noCandidateAsDefined(text, DEFAULTS));
    return answer;
  }

  @Test
  void generatedTextsAreJudgedAsDefined() {
    String[] pieces = {"pass", "PASSWORD", "pa_s-s.word", "-", "_", ".", "ToKeN", "tok", "\u017Fecret", "ap\u0131",
        "api", "key", "AKIA", "ASIA", "IOSFODNN7EXAMPLF", "ghp_", "abcdefghijklmnopqrstuvwxyz0123456789",
        "github_pat_", "xoxb-", "AIza", "sk_live_", "rk_live_", "eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiIxIn0",
        "hooks.slack.com/services/", "hooks.slack.com\\/services\\/", "T0123456", "/B0123456/", "\\/B0123456\\/",
        "://", "https:", ":\\/\\/", "u:pw@h", "$", "@", ":", "/", "\\n", "\\t", "\\\"", "\\\\", "\\x41", "\\u0061",
        "\\q", "\\", "\\\n", "\n", " ", "-----BEGIN", "-----BEGIN ", " RSA PRIVATE KEY", "x", "1", "Z", "\u00E9",
        "{", "\"", "n", "e", "s", "r", "A", "g", "h", "c", "t", "secret", "credential", "passphrase"};
    Random random = new Random(20240607);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      assertThat(holds(text)).as("candidate in %s", text).isEqualTo(holdsAsDefined(text, DEFAULTS.namePatterns()));
      noCandidate(text);
    }
  }

  @Test
  void otherWordListsAreSearchedAsDefined() {
    List<List<String>> lists = List.of(List.of("Q"), List.of("X1", "pin"), List.of("\u00C4pfel", "s"),
        List.of("a-b", "1_2"));
    String[] pieces = {"q", "Q", "x", "X", "1", "_", "-", ".", "pin", "P_I-N", "\u00E4pfel", "\u00C4PFEL", "s", "\u017F",
        "a", "b", "2", " ", "\\n", "\\u0051"};
    Random random = new Random(7);
    for (List<String> list : lists) {
      HardcodedEnvSecret.Params params = HardcodedEnvSecret.Params.of(list, SecretPatterns.DEFAULT_IGNORED_SUFFIXES);
      for (int round = 0; round < 3_000; round++) {
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(6); k >= 0; k--) {
          sb.append(pieces[random.nextInt(pieces.length)]);
        }
        String text = sb.toString();
        assertThat(SecretPatterns.mentionsAny(text, params.namePatterns(), params.initials()))
            .as("%s in %s", list, text).isEqualTo(mentionsAsDefined(text, params.namePatterns()));
        assertThat(SecretInConfigMap.holdsNoCandidate(text, params))
            .as("%s in %s", list, text).isEqualTo(noCandidateAsDefined(text, params));
      }
    }
  }

  @Test
  void namesAreJudgedAsWithoutTheFilterOfInitials() {
    // With every pair of characters let through, nameLooksSecret tries each word at each place: the
    // filter of Initials may only skip places where no word starts.
    long[] everything = new long[128 * 128 / 64];
    java.util.Arrays.fill(everything, -1L);
    SecretPatterns.Initials none = new SecretPatterns.Initials(everything, everything);
    String[][] lists = {DEFAULTS.namePatterns(), SecretPatterns.compile(List.of("q", "db-pass", "x.y"))};
    String[] suffixes = DEFAULTS.ignoredSuffixes();
    String[] parts = {"pass", "PASS", "word", "secret", "token", "key", "api", "_", "-", ".", "q", "x", "y",
        "db", "\u017F", "\u0131", "\u00E9", "ref", "name", "Path", "1"};
    Random random = new Random(11);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder name = new StringBuilder();
      for (int k = random.nextInt(6); k > 0; k--) {
        name.append(parts[random.nextInt(parts.length)]);
      }
      for (String[] words : lists) {
        String n = name.toString();
        assertThat(SecretPatterns.nameLooksSecret(n, words, SecretPatterns.initials(words), suffixes))
            .as(n).isEqualTo(SecretPatterns.nameLooksSecret(n, words, none, suffixes));
      }
    }
    assertThat(SecretPatterns.nameLooksSecret("q", lists[1], SecretPatterns.initials(lists[1]), suffixes)).isTrue();
    assertThat(SecretPatterns.nameLooksSecret("my\u017Fecret", lists[0], SecretPatterns.initials(lists[0]), suffixes))
        .isTrue();
  }

  private static boolean mentions(String text, String word) {
    String[] words = SecretPatterns.compile(List.of(word));
    boolean answer = SecretPatterns.mentionsAny(text, words, SecretPatterns.initials(words));
    assertThat(answer).isEqualTo(mentionsAsDefined(text, words));
    return answer;
  }

  /** The pre-check as first written: the text as it is, then decoded when it has escapes. */
  private static boolean noCandidateAsDefined(String text, HardcodedEnvSecret.Params params) {
    String[] words = params.namePatterns();
    if (holdsAsDefined(text, words)) {
      return false;
    }
    if (text.indexOf('\\') < 0) {
      return true;
    }
    String decoded = SecretInConfigMap.decoded(text);
    if (mayMakeText(text) || !lettersAndDigits(words)) {
      return !holdsAsDefined(decoded, words);
    }
    return SecretPatterns.credentialIn(decoded) == null;
  }

  private static boolean holdsAsDefined(String text, String[] words) {
    return text.contains("-----BEGIN") || SecretPatterns.credentialIn(text) != null || mentionsAsDefined(text, words);
  }

  /** Each word tried at each place, upper-casing every character and skipping separators after the first. */
  private static boolean mentionsAsDefined(String text, String[] words) {
    int n = text.length();
    for (int start = 0; start < n; start++) {
      for (String word : words) {
        int i = start;
        int k = 0;
        while (k < word.length()) {
          while (k > 0 && i < n && "_-.".indexOf(text.charAt(i)) >= 0) {
            i++;
          }
          if (i >= n || Character.toUpperCase(text.charAt(i)) != word.charAt(k)) {
            break;
          }
          i++;
          k++;
        }
        if (k == word.length()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mayMakeText(String text) {
    for (int i = text.indexOf('\\'); i >= 0 && i + 1 < text.length(); i = text.indexOf('\\', i + 2)) {
      if ("xuU\n\r".indexOf(text.charAt(i + 1)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean lettersAndDigits(String[] words) {
    for (String word : words) {
      if (!word.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
