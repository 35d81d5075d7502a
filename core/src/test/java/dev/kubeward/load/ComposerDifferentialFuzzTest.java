/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the token composer against the event composer: for any text, both
 * must deliver the same trees (types, values, styles, positions) and the same failure, and the
 * token path alone must never accept what the event composer rejects (see {@link ComposerDiff}).
 * Without {@code JAZZER_FUZZ} this replays {@code ComposerDifferentialFuzzTestInputs/tokensAgreeWithEvents/};
 * see {@code docs/fuzzing.md}.
 */
class ComposerDifferentialFuzzTest {

  // libFuzzer dictionary syntax: only \\, \" and \xNN escapes.
  @DictionaryEntries({"\\x0A---\\x0A", "\\x0A...\\x0A", "%YAML 1.1\\x0A", "%TAG ! x:\\x0A", ": ", "- ", "? ", "[", "]",
      "{", "}", ", ", "&a ", "*a", "!!str ", "!!int ", "!!map ", "! ", "!x ", "!<x> ", "<<: ", "|\\x0A", "|2\\x0A",
      ">-\\x0A", "\\x27", "\\\"", "# ", "\\x0A  ", "\\x09", "~", "yes", "0x1F", "{{ ", "kind: Pod\\x0A"})
  @FuzzTest(maxDuration = "5m")
  void tokensAgreeWithEvents(byte[] input) {
    new ComposerDiff().check("fuzz", new String(input, StandardCharsets.UTF_8));
  }
}
