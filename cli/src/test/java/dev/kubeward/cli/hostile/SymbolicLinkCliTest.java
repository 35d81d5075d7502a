/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli.hostile;

import static dev.kubeward.cli.Cli.cli;
import static dev.kubeward.cli.hostile.Manifests.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walking a directory from the command line: a symbolic link out of the scanned directory is not
 * followed, so the file outside is not read; a link loop is reported, never followed forever. A
 * link named like a manifest that is not read is an error (kubectl would apply what it leads to,
 * so skipping it silently would hide a manifest); links to directories are not followed, as
 * kubectl does not follow them. {@code --follow-links} follows every link.
 */
class SymbolicLinkCliTest {

  @TempDir
  static Path dir;

  private static String in;

  @BeforeAll
  static void tree() throws IOException {
    Path outside = Files.createDirectory(dir.resolve("outside"));
    Files.writeString(outside.resolve("out.yaml"), Manifests.privileged("outside"));
    Path root = Files.createDirectory(dir.resolve("in"));
    in = root + "/";
    Files.writeString(root.resolve("inside.yaml"), Manifests.privileged("inside"));
    Files.createSymbolicLink(root.resolve("link-inside.yaml"), Path.of("inside.yaml"));
    Files.createSymbolicLink(root.resolve("link-out.yaml"), Path.of("../outside/out.yaml"));
    Files.createSymbolicLink(root.resolve("link-absolute.yaml"), outside.resolve("out.yaml").toAbsolutePath());
    Files.createSymbolicLink(root.resolve("outdir"), Path.of("../outside"));
    Files.createSymbolicLink(Files.createDirectory(root.resolve("sub")).resolve("up"), Path.of(".."));
    Files.createSymbolicLink(root.resolve("self.yaml"), Path.of("self.yaml"));
    Files.createSymbolicLink(root.resolve("ping.yaml"), Path.of("pong.yaml"));
    Files.createSymbolicLink(root.resolve("pong.yaml"), Path.of("ping.yaml"));
    Files.createSymbolicLink(root.resolve("dangling.yaml"), Path.of("missing.yaml"));
  }

  @Test
  void linksOutOfTheDirectoryAreNotFollowedAndLoopsAreReported() {
    Result r = cli().discovering().run("scan", "--rule", Manifests.RULE, in);

    assertThat(r.out()).isEqualTo(in + "dangling.yaml: ERROR broken symbolic link; not read\n\n"
        + finding(in + "inside.yaml:9:19", "inside") + "\n\n"
        + in + "link-absolute.yaml: ERROR symbolic link out of the scanned directory; not followed\n\n"
        + finding(in + "link-inside.yaml:9:19", "inside") + "\n\n"
        + in + "link-out.yaml: ERROR symbolic link out of the scanned directory; not followed\n\n"
        + in + "ping.yaml: ERROR symbolic link loop; not followed\n\n"
        + in + "pong.yaml: ERROR symbolic link loop; not followed\n\n"
        + in + "self.yaml: ERROR symbolic link loop; not followed\n\n"
        + "Summary: 2 files, 2 documents, 2 resources; 2 findings, 0 suppressed, 6 errors\n"
        + "  by severity: CRITICAL 0, HIGH 2, MEDIUM 0, LOW 0, INFO 0\n"
        + "  by rule:\n"
        + "    privileged-container  2\n");
    assertThat(r.out()).doesNotContain("Pod outside");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void followLinksReadsTheFilesOutsideAndStillStopsAtLoops() {
    Result r = cli().discovering().run("scan", "--rule", Manifests.RULE, "--follow-links", in);

    assertThat(r.out()).isEqualTo(in + "dangling.yaml: ERROR broken symbolic link; not read\n\n"
        + finding(in + "inside.yaml:9:19", "inside") + "\n\n"
        + finding(in + "link-absolute.yaml:9:19", "outside") + "\n\n"
        + finding(in + "link-inside.yaml:9:19", "inside") + "\n\n"
        + finding(in + "link-out.yaml:9:19", "outside") + "\n\n"
        + finding(in + "outdir/out.yaml:9:19", "outside") + "\n\n"
        + in + "ping.yaml: ERROR symbolic link loop; not followed\n\n"
        + in + "pong.yaml: ERROR symbolic link loop; not followed\n\n"
        + in + "self.yaml: ERROR symbolic link loop; not followed\n\n"
        + in + "sub/up: ERROR symbolic link loop; not followed\n\n"
        + "Summary: 5 files, 5 documents, 5 resources; 5 findings, 0 suppressed, 5 errors\n"
        + "  by severity: CRITICAL 0, HIGH 5, MEDIUM 0, LOW 0, INFO 0\n"
        + "  by rule:\n"
        + "    privileged-container  5\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void aFileNamedOnTheCommandLineIsReadThroughItsLink() {
    // The user named it: the same as kubectl apply -f on the link.
    Result r = cli().discovering().run("scan", "--rule", Manifests.RULE, in + "link-out.yaml");

    assertThat(r.out()).startsWith(finding(in + "link-out.yaml:9:19", "outside") + "\n\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }
}
