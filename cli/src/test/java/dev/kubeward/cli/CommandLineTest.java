/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static dev.kubeward.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.cli.Cli.Result;
import dev.kubeward.engine.Kubeward;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The top level: version, help, usage errors, and the internal-error path. */
class CommandLineTest {

  @Test
  void versionPrintsTheToolVersion() {
    Result r = cli().run("--version");
    assertThat(r.out()).isEqualTo("kubeward " + Kubeward.VERSION + "\n").matches("kubeward \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    for (String command : new String[] {"scan", "rules", "explain"}) {
      assertThat(cli().run(command, "--version").out()).isEqualTo(r.out());
    }
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    Result r = cli().run("--help");
    assertThat(r.out()).startsWith("Usage: kubeward [-hV] COMMAND\n")
        .contains("  scan ", "  rules ", "  explain ", "  1  findings at or above --fail-on\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void scanHelpListsEveryOption() {
    Result r = cli().run("scan", "--help");
    assertThat(r.out()).contains("[PATH...]", "--format=FORMAT", "--output=FILE", "--config=FILE", "--profile=NAME",
        "--pss-version=V", "--fail-on=SEVERITY", "--rule=ID", "--skip-rule=ID", "--follow-links", "--plugin=PATH", "--threads=N");
    int processors = Runtime.getRuntime().availableProcessors();
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("(default: the number of processors, " + processors + " here)");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void scanHelpListsEveryOptionInOrderWithHelpAndVersionLast() {
    // The first name on each option line of the help, continuation lines left out.
    Pattern line = Pattern.compile("^  (?:-., |    )(\\[PATH\\.\\.\\.]|--[a-z-]+)");
    assertThat(cli().run("scan", "--help").out().lines().map(line::matcher).filter(Matcher::find)
        .map(m -> m.group(1))).containsExactly(
            "[PATH...]", "--format", "--output", "--config",
            "--profile", "--kube-version", "--pss-version", "--default-namespace", "--join-scope", "--fail-on",
            "--rule", "--skip-rule", "--plugin",
            "--exclude", "--baseline", "--write-baseline", "--allow-empty", "--allow-partial",
            "--follow-links", "--threads",
            "--help", "--version");
  }

  @Test
  void threadsOutsideTheRangeAreAUsageError() {
    for (String threads : new String[] {"0", "-1", "257"}) {
      Result r = cli().run("scan", "--threads", threads, "examples");
      assertThat(r.err()).isEqualTo("kubeward: --threads must be between 1 and 256\n");
      assertThat(r.out()).isEmpty();
      assertThat(r.exitCode()).isEqualTo(2);
    }
    Result r = cli().run("scan", "--threads", "two");
    assertThat(r.err()).startsWith("kubeward: invalid value for option '--threads': 'two' is not an int");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void theHighestThreadCountIsAccepted() {
    Result r = cli().stdin("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n")
        .run("scan", "--threads", "256", "-");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void noCommandIsAUsageError() {
    Result r = cli().run();
    assertThat(r.err()).isEqualTo("kubeward: no command given (see 'kubeward --help')\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Result r = cli().run("lint", "x.yaml");
    assertThat(r.err()).isEqualTo("kubeward: unknown command 'lint' (see 'kubeward --help')\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Result r = cli().run("scan", "--strict");
    assertThat(r.err()).isEqualTo("kubeward: unknown option: '--strict' (see 'kubeward scan --help')\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void anUnexpectedFailureIsOneLineAndExits2() {
    Result r = cli().rules(() -> {
      throw new IllegalStateException("rule registry is broken");
    }).run("scan", ScanCommandTest.WEB);
    assertThat(r.err()).isEqualTo(
        "kubeward: internal error (java.lang.IllegalStateException); set KUBEWARD_DEBUG=1 for details\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void debugShowsTheStackTraceOfAnUnexpectedFailure() {
    Result r = cli().env("KUBEWARD_DEBUG", "1").rules(() -> {
      throw new IllegalStateException("rule registry is broken");
    }).run("rules");
    assertThat(r.err()).startsWith("kubeward: internal error (java.lang.IllegalStateException); details follow\n"
        + "java.lang.IllegalStateException: rule registry is broken\n\tat ");
    assertThat(r.exitCode()).isEqualTo(2);
  }
}
