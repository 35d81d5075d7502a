/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository root scans as it is: files that hold no object are skipped and named, excludes are honoured. */
class SkippedFilesTest {

  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i}]\n";

  @Test
  void filesWithoutAnyObjectAreSkippedNotErrors() {
    Loader loader = Loader.defaults();
    for (String text : List.of(
        "apiVersion: v2\nname: app\nversion: 1.0.0\n",                    // Chart.yaml
        "image:\n  repository: nginx\nreplicaCount: 1\n",                 // values.yaml
        "name: ci\non: [push]\njobs: {b: {runs-on: ubuntu-latest}}\n",   // a workflow
        "services:\n  web: {image: nginx}\n---\nversion: '3'\n",         // compose, two documents
        "- a\n- b\n",                                                     // a list
        "just text\n",                                                    // a scalar
        "base: &b {replicas: 1}\nother:\n  <<: *b\n",                     // aliases and merge keys, still no kind
        "{\"name\": \"pkg\", \"version\": \"1.0.0\"}\n")) {                 // package.json
      LoadResult r = loader.loadString("file.yaml", text);
      assertThat(r.errors()).as(text).isEmpty();
      assertThat(r.resources()).as(text).isEmpty();
      assertThat(r.skipped()).as(text).containsExactly(new SkippedFile("file.yaml", "holds no Kubernetes object"));
    }
  }

  @Test
  void aFileNameNeverHidesAnObject() {
    LoadResult r = Loader.defaults().loadString("values.yaml", POD);
    assertThat(r.resources()).extracting(Resource::kind).containsExactly("Pod");
    assertThat(r.skipped()).isEmpty();
  }

  @Test
  void aFileMixingObjectsAndOtherDocumentsKeepsItsErrors() {
    LoadResult r = Loader.defaults().loadString("mixed.yaml", "image: nginx\n---\n" + POD);
    assertThat(r.resources()).hasSize(1);
    assertThat(r.skipped()).isEmpty();
    assertThat(r.errors()).extracting(LoadError::toString)
        .containsExactly("mixed.yaml:1:1: not a Kubernetes object: no apiVersion and no kind");
  }

  @Test
  void anObjectWithAKindButABrokenIdentityIsStillAnError() {
    LoadResult r = Loader.defaults().loadString("pod.yaml", "kind: Pod\nmetadata: {name: p}\n");
    assertThat(r.skipped()).isEmpty();
    assertThat(r.errors()).extracting(LoadError::message).containsExactly("not a Kubernetes object: no apiVersion");
  }

  @Test
  void aDocumentThatDoesNotParseIsAnErrorEvenBesideNonObjects() {
    LoadResult r = Loader.defaults().loadString("bad.yaml", "name: x\n---\na: [1\n");
    assertThat(r.skipped()).isEmpty();
    assertThat(r.errors()).hasSize(2);
  }

  @Test
  void excludesLeaveFilesAndDirectoriesOutAndSayWhich(@TempDir Path dir) throws IOException {
    write(dir.resolve("k8s/pod.yaml"), POD);
    write(dir.resolve("k8s/pod.tpl.yaml"), POD);
    write(dir.resolve("charts/app/templates/pod.yaml"), POD);
    write(dir.resolve("deploy/dev/pod.yaml"), POD);
    write(dir.resolve("deploy/prod/pod.yaml"), POD);
    LoadResult r = Loader.defaults().excluding(List.of("*.tpl.yaml", "charts/", "./deploy/dev/**")).load(dir);
    assertThat(r.resources()).extracting(res -> res.source().name())
        .containsExactly(dir + "/deploy/prod/pod.yaml", dir + "/k8s/pod.yaml");
    assertThat(r.skipped()).containsExactly(
        SkippedFile.excluded(dir + "/charts", "charts/"),
        SkippedFile.excluded(dir + "/deploy/dev/pod.yaml", "./deploy/dev/**"),
        SkippedFile.excluded(dir + "/k8s/pod.tpl.yaml", "*.tpl.yaml"));
  }

  @Test
  void aPathGivenByNameIsReadWhateverTheExcludes(@TempDir Path dir) throws IOException {
    Path pod = write(dir.resolve("pod.tpl.yaml"), POD);
    LoadResult r = Loader.defaults().excluding(List.of("*.tpl.yaml")).load(pod);
    assertThat(r.resources()).hasSize(1);
    assertThat(r.skipped()).isEmpty();
  }

  @Test
  void badGlobsAreRejected() {
    assertThatThrownBy(() -> Loader.defaults().excluding(List.of(""))).hasMessage("an exclude glob must not be empty");
    assertThatThrownBy(() -> Loader.defaults().excluding(List.of("a[b"))).hasMessageStartingWith("exclude glob 'a[b' is not valid");
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
