/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan whose input does not fit the heap, in a child JVM with {@code -Xmx32m}: the command line
 * says so in one line, with how many files it had read and how to give it more, and exits with 2;
 * no stack trace, no "internal error".
 */
class OutOfMemoryCliTest {

  private static final int FILES = 40;
  private static final int OBJECTS_PER_FILE = 1000;

  @TempDir
  Path work;

  @Test
  void runningOutOfHeapIsReportedInOneLine() throws Exception {
    ChildCli.Result result = ChildCli.runWithHeap(work, "32m", "scan", "--format", "json", "--threads", "1", tree())
        .assertNoStackTrace();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).matches("kubeward: out of memory after reading [1-9][0-9]* files?; raise the heap"
        + " with KUBEWARD_JAVA_OPTS=-Xmx512m or scan with --join-scope directory\\R");
    int read = Integer.parseInt(result.stderr().replaceAll("(?s).*after reading ([0-9]+) .*", "$1"));
    assertThat(read).isBetween(1, FILES);
  }

  @Test
  void aScanAlreadyJoinedByDirectoryIsOnlyToldToRaiseTheHeap() throws Exception {
    ChildCli.Result result = ChildCli.runWithHeap(work, "32m", "scan", "--format", "json", "--threads", "1",
        "--join-scope", "directory", tree()).assertNoStackTrace();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).matches("kubeward: out of memory after reading [1-9][0-9]* files?; raise the heap"
        + " with KUBEWARD_JAVA_OPTS=-Xmx512m\\R");
  }

  /** A folder of {@link #FILES} files of ConfigMaps that do not fit 32 MB of heap together. */
  private String tree() throws IOException {
    Path tree = Files.createDirectory(work.resolve("tree"));
    for (int f = 0; f < FILES; f++) {
      configMaps(tree.resolve(String.format("maps-%02d.yaml", f)), f);
    }
    return "tree";
  }

  /** {@link #OBJECTS_PER_FILE} ConfigMaps with twenty keys each: about 0.5 MB of YAML. */
  private static void configMaps(Path file, int f) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < OBJECTS_PER_FILE; i++) {
        w.write("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: map-" + f + "-" + i
            + "\n  namespace: app\ndata:\n");
        for (int k = 0; k < 20; k++) {
          w.write("  key" + k + ": value-" + f + "-" + i + "-" + k + "\n");
        }
      }
    }
  }
}
