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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accepting today's findings with --write-baseline, and failing only on new ones with --baseline. */
class BaselineCommandTest {

  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: NAME, namespace: shop}\nspec:\n"
      + "  containers: [{name: web, image: nginx:latest}]\n";

  @TempDir
  Path dir;

  @Test
  void aBaselineAcceptsTodaysFindingsAndOnlyNewOnesFail() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), POD.replace("NAME", "a"));
    Result written = cli().in(dir).run("scan", "--write-baseline", "baseline.json", "a.yaml");
    assertThat(written.exitCode()).isZero();
    assertThat(written.err()).isEqualTo("kubeward: wrote 1 finding to the baseline baseline.json\n");
    assertThat(written.out()).contains("[smoke-image-latest] (baselined)").contains("1 baselined");
    String baseline = Files.readString(dir.resolve("baseline.json"));
    assertThat(baseline).startsWith("{\n  \"schemaVersion\": 1,\n  \"findings\": [\n    {\n      \"key\": \"")
        .contains("\"rule\": \"smoke-image-latest\"", "\"resource\": \"Pod shop/a\"");

    // Lines move: still accepted.
    Files.writeString(dir.resolve("a.yaml"), "# moved down\n\n" + POD.replace("NAME", "a"));
    Result same = cli().in(dir).run("scan", "--baseline", "baseline.json", "a.yaml");
    assertThat(same.exitCode()).isZero();

    // A new object with the same problem: it counts, the old one still does not.
    Files.writeString(dir.resolve("b.yaml"), POD.replace("NAME", "b"));
    Result json = cli().in(dir).run("scan", "--format", "json", "--baseline", "baseline.json", "a.yaml", "b.yaml");
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.out()).contains("\"baselined\": true").contains("\"baseline\": {\n    \"file\": \"");
    Result sarif = cli().in(dir).run("scan", "--format", "sarif", "--baseline", "baseline.json", "a.yaml", "b.yaml");
    assertThat(sarif.out()).contains("\"baselineState\": \"unchanged\"", "\"baselineState\": \"new\"");
    Result junit = cli().in(dir).run("scan", "--format", "junit", "--baseline", "baseline.json", "a.yaml", "b.yaml");
    assertThat(junit.out()).contains("<skipped message=\"baselined\"/>").contains("failures=\"1\"");
  }

  @Test
  void entriesThatMatchNothingAreListedSoTheFileCanShrink() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), POD.replace("NAME", "a"));
    cli().in(dir).run("scan", "--write-baseline", "baseline.json", "a.yaml");
    Files.writeString(dir.resolve("a.yaml"), POD.replace("NAME", "a").replace("nginx:latest", "nginx:1.27"));
    Result r = cli().in(dir).run("scan", "--baseline", "baseline.json", "a.yaml");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Baseline entries that match no finding (remove them from " + dir.resolve("baseline.json")
        + "):\n  smoke-image-latest Pod shop/a: ");
  }

  @Test
  void theConfigurationNamesTheBaselineRelativeToItself() throws IOException {
    Files.createDirectories(dir.resolve("ci"));
    Files.writeString(dir.resolve("a.yaml"), POD.replace("NAME", "a"));
    cli().in(dir).run("scan", "--write-baseline", "ci/accepted.json", "a.yaml");
    Files.writeString(dir.resolve("ci/kubeward.yaml"), "baseline: accepted.json\n");
    assertThat(cli().in(dir).run("scan", "--config", "ci/kubeward.yaml", "a.yaml").exitCode()).isZero();
    assertThat(cli().in(dir).run("scan", "a.yaml").exitCode()).isEqualTo(1);
  }

  @Test
  void aBrokenBaselineIsAUsageErrorWithItsPosition() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), POD.replace("NAME", "a"));
    Files.writeString(dir.resolve("baseline.json"), "{\"schemaVersion\": 1, \"findings\": [{}]}");
    Result r = cli().in(dir).run("scan", "--baseline", "baseline.json", "a.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("kubeward: " + dir.resolve("baseline.json") + ":1:35: every entry of findings needs a key\n");
    Result missing = cli().in(dir).run("scan", "--baseline", "nope.json", "a.yaml");
    assertThat(missing.err()).isEqualTo("kubeward: " + dir.resolve("nope.json") + ": no such baseline file\n");
  }
}
