/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderThreadsTest {

  @Test
  void directoryLoadsTheSameOnOneOrManyThreads(@TempDir Path dir) throws IOException {
    for (int i = 0; i < 40; i++) {
      Path sub = Files.createDirectories(dir.resolve("ns-" + (i % 7)));
      String doc = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + i + "\n";
      String text = i % 5 == 3 ? doc + "  name: again\n" : doc + "---\n" + doc.replace("cm-", "second-");
      Files.writeString(sub.resolve("file-" + i + (i % 2 == 0 ? ".yaml" : ".yml")), text);
    }
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");

    LoadResult one = Loader.defaults().load(dir);
    LoadResult three = Loader.defaults().withThreads(3).load(dir);

    assertThat(one.resources()).hasSize(64);
    assertThat(one.errors()).hasSize(8);
    assertThat(describe(three.resources())).containsExactlyElementsOf(describe(one.resources()));
    assertThat(three.errors()).containsExactlyElementsOf(one.errors());
    assertThat(three.files()).isEqualTo(one.files()).isEqualTo(40);
    assertThat(three.documents()).isEqualTo(one.documents());
  }

  private static List<String> describe(List<Resource> resources) {
    return resources.stream().map(r -> r.source().name() + ":" + r.line() + ":" + r.column() + " " + r.name()).toList();
  }
}
