/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;

/**
 * Coverage-guided fuzzing of the loader: any bytes, as a file would hold them. The loader must
 * return (never throw) and every error and node must carry a position. Without
 * {@code JAZZER_FUZZ} this replays {@code LoaderFuzzTestInputs/loadBytes/}; see
 * {@code docs/fuzzing.md}.
 */
class LoaderFuzzTest {

  private static final Loader LOADER = Loader.defaults();

  // libFuzzer dictionary syntax: only \\, \" and \xNN escapes.
  @DictionaryEntries({"\\x0A---\\x0A", "apiVersion: v1\\x0A", "kind: Pod\\x0A", "kind: List\\x0A", "items:",
      "metadata:", "  name: ", "spec:", "template:", "containers:", "initContainers:", "ephemeralContainers:",
      "- name: ", "securityContext:", "privileged: ", "env:", "value: ", "selector:", "stringData:",
      "kind: Secret", "kind: Service", "kind: CronJob", "jobTemplate:", "<<: ", "&a ", "*a", "!!str ",
      "? ", "{{ ", "\\\"kind\\\": ", "\\\"items\\\": [", "ignore.kubeward.dev/", "\\x09", "\\x0D\\x0A",
      "\\xEF\\xBB\\xBF"})
  @FuzzTest(maxDuration = "5m")
  void loadBytes(byte[] input) {
    LoadResult result = LOADER.loadBytes("fuzz.yaml", input);
    Invariants.checkLoad(result, "fuzz.yaml");
  }
}
