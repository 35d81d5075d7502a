/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input too big or too deep to trust to the test JVM: each case is generated into a
 * directory {@code in/} next to a good neighbour ({@code good.yaml}, a privileged Pod) and scanned
 * by {@link ScanMain} in a child JVM with {@code -Xmx256m}. The child must finish, print no stack
 * trace, report the hostile document as an error with its position, and still report the
 * neighbours' findings (the one in {@code good.yaml} and the one after the hostile document).
 */
class HeavyInputTest {

  private static final String LIMIT_BYTES = "document is larger than the limit of 8388608 bytes";
  private static final String LIMIT_DEPTH = "nesting deeper than the limit of 256";
  private static final String LIMIT_ALIASES = "aliases expand to more than 100000 nodes (alias bomb?)";
  private static final String GOOD = "finding " + Pods.finding("in/good.yaml:9:19", "good");

  @TempDir
  Path work;

  private Path in;

  @BeforeEach
  void goodNeighbour() throws IOException {
    in = Files.createDirectory(work.resolve("in"));
    Files.writeString(in.resolve("good.yaml"), Pods.privileged("good"));
  }

  @Test
  void nestedAliasBombIsAnErrorAtTheAliasThatCrossesTheLimit() throws Exception {
    // Billion laughs: a0 holds 9 scalars, each a(i) 9 aliases of a(i-1): 10^9 nodes if expanded.
    StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: laughs\ndata:\n");
    yaml.append("  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      yaml.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    yaml.append("---\n").append(Pods.privileged("next"));
    Files.writeString(in.resolve("laughs.yaml"), yaml);

    // a1..a4 expand to 74,718 nodes; the first *a4 of a5 (line 11, column 12) adds 66,430 more.
    assertThat(scan()).containsExactly(
        "files 2 documents 3 resources 2",
        "error in/laughs.yaml:11:12: " + LIMIT_ALIASES,
        GOOD,
        "finding " + Pods.finding("in/laughs.yaml:25:19", "next"),
        "exit 2");
  }

  @Test
  void wideAliasBombIsAnErrorAtTheAliasThatCrossesTheLimit() throws Exception {
    // One anchor of 1,000 items, aliased 1,000 times: a million nodes if expanded.
    StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n");
    yaml.append("  a: &a [").append(String.join(", ", java.util.Collections.nCopies(1000, "x"))).append("]\n");
    yaml.append("  b: [").append(String.join(", ", java.util.Collections.nCopies(1000, "*a"))).append("]\n");
    yaml.append("---\n").append(Pods.privileged("next"));
    Files.writeString(in.resolve("wide.yaml"), yaml);

    // Each *a is 1,001 nodes: the 100th (line 7, column 7 + 99 * 4) crosses 100,000.
    assertThat(scan()).containsExactly(
        "files 2 documents 3 resources 2",
        "error in/wide.yaml:7:" + (7 + 99 * 4) + ": " + LIMIT_ALIASES,
        GOOD,
        "finding " + Pods.finding("in/wide.yaml:17:19", "next"),
        "exit 2");
  }

  @Test
  void twoHundredThousandLevelsOfYamlAreAnErrorAtTheFirstLevelTooDeep() throws Exception {
    int levels = 200_000;
    try (Writer w = writer(in.resolve("deep.yaml"))) {
      // Block style: compact nested sequences "- - - ... x" on one line.
      repeat(w, "- ", levels);
      w.write("x\n---\n");
      // Flow sequences.
      repeat(w, "[", levels);
      repeat(w, "]", levels);
      w.write("\n---\n");
      // Flow mappings.
      repeat(w, "{a: ", levels);
      w.write("x");
      repeat(w, "}", levels);
      w.write("\n---\n");
      w.write(Pods.privileged("next"));
    }

    // The 257th level starts at column 2 * 256 + 1, 256 + 1 and 4 * 256 + 1.
    assertThat(scan()).containsExactly(
        "files 2 documents 5 resources 2",
        "error in/deep.yaml:1:513: " + LIMIT_DEPTH,
        "error in/deep.yaml:3:257: " + LIMIT_DEPTH,
        "error in/deep.yaml:5:1025: " + LIMIT_DEPTH,
        "finding " + Pods.finding("in/deep.yaml:15:19", "next"),
        GOOD,
        "exit 2");
  }

  @Test
  void twoHundredThousandLevelsOfJsonAreAnErrorAtTheFirstLevelTooDeep() throws Exception {
    int levels = 200_000;
    try (Writer w = writer(in.resolve("deep-array.json"))) {
      w.write(Pods.privilegedJson("first"));
      repeat(w, "[", levels);
      repeat(w, "]", levels);
      w.write("\n");
    }
    try (Writer w = writer(in.resolve("deep-object.json"))) {
      w.write(Pods.privilegedJson("first"));
      repeat(w, "{\"a\": ", levels);
      w.write("1");
      repeat(w, "}", levels);
      w.write("\n");
    }
    int column = Pods.privilegedJson("first").indexOf("true") + 1;

    assertThat(scan()).containsExactly(
        "files 3 documents 5 resources 3",
        "error in/deep-array.json:2:257: " + LIMIT_DEPTH,
        "error in/deep-object.json:2:" + (6 * 256 + 1) + ": " + LIMIT_DEPTH,
        "finding " + Pods.finding("in/deep-array.json:1:" + column, "first"),
        "finding " + Pods.finding("in/deep-object.json:1:" + column, "first"),
        GOOD,
        "exit 2");
  }

  @Test
  void twentyMegabyteScalarIsAnErrorForItsDocumentOnly() throws Exception {
    try (Writer w = writer(in.resolve("big.yaml"))) {
      w.write(Pods.privileged("first"));
      w.write("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: ");
      repeat(w, "x", 20 << 20);
      w.write("\n---\n");
      w.write(Pods.privileged("next"));
    }
    try (Writer w = writer(in.resolve("big.json"))) {
      w.write(Pods.privilegedJson("first"));
      w.write("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"big\"},\n");
      w.write(" \"data\": {\"k\": \"");
      repeat(w, "x", 20 << 20);
      w.write("\"}}\n");
    }
    int column = Pods.privilegedJson("first").indexOf("true") + 1;

    assertThat(scan()).containsExactly(
        "files 3 documents 6 resources 4",
        "error in/big.json:2:1: " + LIMIT_BYTES,
        "error in/big.yaml:11:1: " + LIMIT_BYTES,
        "finding " + Pods.finding("in/big.json:1:" + column, "first"),
        "finding " + Pods.finding("in/big.yaml:9:19", "first"),
        "finding " + Pods.finding("in/big.yaml:26:19", "next"),
        GOOD,
        "exit 2");
  }

  @Test
  void hundredThousandDocumentsInOneFileAreAllLoaded() throws Exception {
    int documents = 100_000;
    try (Writer w = writer(in.resolve("many.yaml"))) {
      for (int i = 0; i < documents; i++) {
        w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c" + i + "}\n---\n");
      }
      w.write(Pods.privileged("last"));
    }

    assertThat(scan()).containsExactly(
        "files 2 documents " + (documents + 2) + " resources " + (documents + 2),
        GOOD,
        "finding " + Pods.finding("in/many.yaml:" + (documents * 4 + 9) + ":19", "last"),
        "exit 1");
  }

  @Test
  void fifoInADirectoryIsNotReadAndDoesNotBlockTheWalk() throws Exception {
    Path fifo = in.resolve("pipe.yaml");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    } catch (IOException e) {
      org.junit.jupiter.api.Assumptions.abort("mkfifo is not available on this system: " + e.getMessage());
      return;
    }
    assertThat(mkfifo.waitFor()).isZero();
    assertThat(Files.isRegularFile(fifo)).isFalse();

    // Opening a FIFO without a writer blocks forever: the walk must only read regular files.
    assertThat(scan()).containsExactly(
        "files 1 documents 1 resources 1",
        GOOD,
        "exit 1");
  }

  private List<String> scan(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of(extra));
    args.add("in");
    ChildJvm.Result result = ChildJvm.scan(work, args.toArray(new String[0]));
    assertThat(result.printedStackTrace()).as("stderr of the child: %s", result.stderr()).isFalse();
    List<String> out = result.stdout();
    assertThat(out).isNotEmpty();
    assertThat(out.get(out.size() - 1)).isEqualTo("exit " + result.exitCode());
    return out;
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
  }

  private static void repeat(Writer w, String s, int times) throws IOException {
    for (int i = 0; i < times; i++) {
      w.write(s);
    }
  }
}
