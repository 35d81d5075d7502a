/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.rule.Rule;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a run of the command line reads and writes, so that tests can run it in-process.
 *
 * @param stdin standard input
 * @param stdout standard output (reports and listings, UTF-8)
 * @param stderr standard error (one-line messages, UTF-8)
 * @param variables the environment variables ({@code NO_COLOR}, {@code KUBEWARD_DEBUG})
 * @param workingDirectory the directory relative paths are resolved against; the empty path
 *     stands for the process's own, and keeps names relative as the user typed them
 * @param terminal true if standard output is a terminal
 * @param rules the rules to run instead of discovering them, or {@code null} to discover
 */
record Environment(
    InputStream stdin,
    OutputStream stdout,
    OutputStream stderr,
    Map<String, String> variables,
    Path workingDirectory,
    boolean terminal,
    Supplier<List<? extends Rule>> rules) {

  Environment {
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    variables = Map.copyOf(variables);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
  }

  /** The environment of this process. */
  static Environment system() {
    return new Environment(System.in, System.out, System.err, System.getenv(), Path.of(""), System.console() != null,
        null);
  }

  /** {@code path} resolved against the working directory, as a name to show. */
  String resolve(String path) {
    return workingDirectory.resolve(path).toString();
  }

  /** What to scan when no path is given: the working directory. */
  String currentDirectory() {
    return workingDirectory.toString().isEmpty() ? "." : workingDirectory.toString();
  }

  /** True if text output to standard output may be coloured: a terminal, and NO_COLOR not set. */
  boolean colour() {
    String noColor = variables.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty());
  }

  boolean debug() {
    String debug = variables.get("KUBEWARD_DEBUG");
    return debug != null && !debug.isEmpty();
  }
}
