/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.hostile.TestRules;

/**
 * Coverage-guided fuzzing of a whole scan: load, views, rules (core's test rules, which read
 * containers, env, Secrets and selectors like real ones), suppression and ordering. No exception
 * may escape and no rule may fail on what the loader accepted. Without {@code JAZZER_FUZZ} this
 * replays {@code ScanFuzzTestInputs/scan/}; see {@code docs/fuzzing.md}.
 */
class ScanFuzzTest {

  private static final Kubeward SCANNER = Kubeward.builder().rules(TestRules.all()).build();

  // libFuzzer dictionary syntax: only \\, \" and \xNN escapes.
  @DictionaryEntries({"\\x0A---\\x0A", "apiVersion: v1\\x0A", "kind: Pod\\x0A", "kind: List\\x0A", "items:",
      "metadata:", "  name: ", "spec:", "template:", "containers:", "initContainers:", "ephemeralContainers:",
      "- name: ", "securityContext:", "privileged: ", "env:", "value: ", "selector:", "stringData:",
      "kind: Secret", "kind: Service", "kind: CronJob", "jobTemplate:", "<<: ", "&a ", "*a", "!!str ",
      "? ", "{{ ", "\\\"kind\\\": ", "\\\"items\\\": [", "ignore.kubeward.dev/", "\\x09", "\\x0D\\x0A",
      "\\xEF\\xBB\\xBF"})
  @FuzzTest(maxDuration = "5m")
  void scan(byte[] input) {
    ScanReport report = SCANNER.scan(SCANNER.loader().loadBytes("fuzz.yaml", input));
    Invariants.checkScan(report, "fuzz.yaml");
  }
}
