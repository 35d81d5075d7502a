/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static dev.kubeward.load.Loading.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.Resource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathsTest {

  private static String manifest(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
  }

  @Test
  void directoriesAreWalkedInNameOrderForManifestFiles(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("b/nested"));
    Files.writeString(dir.resolve("z.yaml"), manifest("z"));
    Files.writeString(dir.resolve("a.yml"), manifest("a"));
    Files.writeString(dir.resolve("b/nested/deep.YAML"), manifest("deep"));
    Files.writeString(dir.resolve("c.json"), "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}}");
    Files.writeString(dir.resolve("notes.txt"), "not: a manifest\n");
    Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: [\n");

    String root = dir.toString();
    LoadResult result = Loader.defaults().load(dir);

    assertThat(result.resources()).extracting(Resource::name).containsExactly("a", "deep", "c", "z");
    assertThat(result.resources()).extracting(r -> r.source().name()).containsExactly(
        root + "/a.yml", root + "/b/nested/deep.YAML", root + "/c.json", root + "/z.yaml");
    assertThat(errors(result)).containsExactly(
        root + "/broken.yaml:3:1: malformed YAML: expected a value, but found the end of the input");
    assertThat(result.files()).isEqualTo(5);
    assertThat(result.documents()).isEqualTo(5);
  }

  @Test
  void aFileOfAnyExtensionIsReadWhenNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("manifest.txt");
    Files.writeString(file, manifest("txt"));

    LoadResult result = Loader.defaults().load(List.of(file.toString()), new ByteArrayInputStream(new byte[0]));

    assertThat(result.resources()).extracting(Resource::name).containsExactly("txt");
  }

  @Test
  void argumentsMixFilesDirectoriesAndStandardInput(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("one.yaml");
    Files.writeString(file, manifest("one"));
    Files.createDirectories(dir.resolve("more"));
    Files.writeString(dir.resolve("more/two.yaml"), manifest("two"));

    LoadResult result = Loader.defaults().load(
        List.of(file.toString(), "-", dir.resolve("more").toString()),
        new ByteArrayInputStream(manifest("stdin").getBytes(StandardCharsets.UTF_8)));

    assertThat(result.resources()).extracting(Resource::name).containsExactly("one", "stdin", "two");
    assertThat(result.resources().get(1).source().name()).isEqualTo("-");
    assertThat(result.files()).isEqualTo(3);
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void classpathResources() {
    LoadResult result = Loader.defaults().loadClasspath("manifests/list.json", getClass().getClassLoader());

    assertThat(result.errors()).isEmpty();
    assertThat(result.resources()).extracting(Resource::kind).containsExactly("ServiceAccount", "Role");
    assertThat(result.resources().get(0).source().name()).isEqualTo("manifests/list.json");
    assertThat(result.resources().get(1).line()).isEqualTo(13);
  }
}
