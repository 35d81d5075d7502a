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
 * A scan joined by directory holds one directory's objects at a time: a tree of {@link #DIRECTORIES}
 * directories whose objects together need several times a 48 MB heap (see {@link OutOfMemoryCliTest},
 * where a quarter of them does not fit 32 MB) is scanned in a child JVM with {@code -Xmx48m}, with
 * the report of the same scan with 256 MB.
 */
class BoundedHeapCliTest {

  private static final int DIRECTORIES = 40;
  private static final int OBJECTS_PER_FILE = 1000;

  @TempDir
  Path work;

  @Test
  void aScanJoinedByDirectoryNeedsTheHeapOfOneDirectory() throws Exception {
    tree();
    ChildCli.Result large = ChildCli.runWithHeap(work, "256m", "scan", "--format", "json", "--threads", "1",
        "--join-scope", "directory", "tree").assertNoStackTrace();
    ChildCli.Result small = ChildCli.runWithHeap(work, "48m", "scan", "--format", "json", "--threads", "2",
        "--join-scope", "directory", "tree").assertNoStackTrace();

    assertThat(large.exitCode()).as(large.stderr()).isEqualTo(1);
    assertThat(large.stdout()).contains("\"resources\": " + DIRECTORIES * (OBJECTS_PER_FILE + 1) + ",");
    assertThat(large.stdout()).contains("\"rule\": \"privileged-container\"");
    assertThat(small.stderr()).isEmpty();
    assertThat(small.exitCode()).isEqualTo(1);
    assertThat(small.stdout()).isEqualTo(large.stdout());
  }

  /** {@link #DIRECTORIES} directories, each with a file of ConfigMaps and a privileged Deployment. */
  private void tree() throws IOException {
    for (int d = 0; d < DIRECTORIES; d++) {
      Path dir = Files.createDirectories(work.resolve(String.format("tree/team-%02d", d)));
      try (Writer w = Files.newBufferedWriter(dir.resolve("maps.yaml"), StandardCharsets.UTF_8)) {
        for (int i = 0; i < OBJECTS_PER_FILE; i++) {
          w.write("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: map-" + i + "\n  namespace: app\ndata:\n");
          for (int k = 0; k < 20; k++) {
            w.write("  key" + k + ": value-" + d + "-" + i + "-" + k + "\n");
          }
        }
      }
      Files.writeString(dir.resolve("web.yaml"), """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, namespace: app}
          spec:
            template:
              spec:
                containers:
                - name: app
                  image: web:1
                  securityContext: {privileged: true}
          """, StandardCharsets.UTF_8);
    }
  }
}
