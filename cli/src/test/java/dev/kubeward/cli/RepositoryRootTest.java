/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static dev.kubeward.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward scan} at the root of a repository: what is not a manifest is skipped and named. */
class RepositoryRootTest {

  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n"
      + "  containers: [{name: web, image: nginx:1.27}]\n";

  @TempDir
  Path root;

  @BeforeEach
  void repository() throws IOException {
    write(".kubeward.yaml", "profile: recommended\n");
    write("charts/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n");
    write("charts/app/values.yaml", "image:\n  repository: nginx\n  tag: latest\n");
    write(".github/workflows/ci.yml", "name: ci\non: [push]\njobs:\n  build: {runs-on: ubuntu-latest}\n");
    write("docker-compose.yml", "services:\n  web: {image: nginx}\n");
    write("k8s/web.yaml", POD);
    write("deploy/dev/web.yaml", POD.replace("nginx:1.27", "nginx:latest").replace("web, namespace: shop", "web, namespace: dev"));
  }

  @Test
  void aRepositoryRootScansCleanlyAndNamesWhatItSkipped() {
    Result r = cli().in(root).run("scan");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("Not checked:\n"
        + "  " + root + "/.github/workflows/ci.yml: holds no Kubernetes object\n"
        + "  " + root + "/.kubeward.yaml: holds no Kubernetes object\n"
        + "  " + root + "/charts/app/Chart.yaml: holds no Kubernetes object\n"
        + "  " + root + "/charts/app/values.yaml: holds no Kubernetes object\n"
        + "  " + root + "/docker-compose.yml: holds no Kubernetes object\n")
        .contains("Summary: 7 files, 7 documents, 2 resources; 1 finding, 0 suppressed, 0 errors, 5 files not checked")
        .contains(root + "/deploy/dev/web.yaml:5:").doesNotContain("ERROR");
  }

  @Test
  void excludesLeaveOutPathsAndEveryFormatSaysSo() {
    Result text = cli().in(root).run("scan", "--exclude", "deploy/dev/**", "--exclude", "charts");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("  " + root + "/charts: excluded by charts\n", "  " + root + "/deploy/dev/web.yaml: excluded by deploy/dev/**\n")
        .contains("0 findings");
    Result json = cli().in(root).run("scan", "--format", "json", "--exclude", "charts");
    assertThat(json.out()).contains("\"skipped\": [\n    {\n      \"file\": \"" + root + "/charts\",\n"
        + "      \"reason\": \"excluded by charts\"\n    },");
    Result sarif = cli().in(root).run("scan", "--format", "sarif", "--exclude", "charts");
    assertThat(sarif.out()).contains("\"level\": \"note\"", "\"text\": \"not checked: excluded by charts\"",
        "\"uri\": \"charts\"");
    Result junit = cli().in(root).run("scan", "--format", "junit", "--exclude", "charts");
    assertThat(junit.out()).contains("<testcase classname=\"" + root + "/charts\" name=\"not checked\">\n"
        + "      <skipped message=\"excluded by charts\"/>");
  }

  @Test
  void theConfigurationExcludesToo() throws IOException {
    write(".kubeward.yaml", "exclude: [deploy]\n");
    Result r = cli().in(root).run("scan");
    assertThat(r.out()).contains("  " + root + "/deploy: excluded by deploy\n").contains("0 findings");
  }

  @Test
  void aBadExcludeIsAUsageError() {
    Result r = cli().in(root).run("scan", "--exclude", "a[b");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("kubeward: exclude glob 'a[b' is not valid");
  }

  @Test
  void aValuesFileThatHoldsAnObjectIsChecked() throws IOException {
    write("charts/app/values.yaml", POD.replace("nginx:1.27", "nginx:latest"));
    Result r = cli().in(root).run("scan", "--exclude", "deploy");
    assertThat(r.out()).contains(root + "/charts/app/values.yaml:5:").doesNotContain("values.yaml: holds no");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void onlyNonObjectsIsNothingFound() {
    Result r = cli().in(root).run("scan", "charts");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("kubeward: no Kubernetes object found in " + root + "/charts (nothing was checked");
  }

  private void write(String name, String text) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
