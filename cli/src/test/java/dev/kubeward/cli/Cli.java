/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.rule.Rule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the command line in-process with captured streams (public for the tests of sub-packages). A
 * JSON report printed by {@code scan} is checked against {@code docs/report.schema.json}.
 */
public final class Cli {

  private String stdin = "";
  private final Map<String, String> variables = new HashMap<>();
  private Path workingDirectory = Path.of("");
  private boolean terminal;
  private Supplier<List<? extends Rule>> rules = TestRules::all;

  private Cli() {}

  /** A run with the test rules, no terminal, no environment variables, and empty stdin. */
  public static Cli cli() {
    return new Cli();
  }

  public Cli stdin(String text) {
    this.stdin = text;
    return this;
  }

  public Cli env(String name, String value) {
    variables.put(name, value);
    return this;
  }

  public Cli in(Path directory) {
    this.workingDirectory = directory;
    return this;
  }

  public Cli onTerminal() {
    this.terminal = true;
    return this;
  }

  /** Discovers rules with ServiceLoader, as the real command does. */
  public Cli discovering() {
    this.rules = null;
    return this;
  }

  public Cli rules(Supplier<List<? extends Rule>> rules) {
    this.rules = rules;
    return this;
  }

  public Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Environment env = new Environment(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err,
        variables, workingDirectory, terminal, rules);
    int code = Main.run(env, args);
    Result result = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    if (printsJsonReport(args) && !result.out().isEmpty()) {
      ReportSchema.assertValid(result.out());
    }
    return result;
  }

  /** True for {@code scan --format json} without {@code --output}: the report is on standard output. */
  private static boolean printsJsonReport(String... args) {
    List<String> list = List.of(args);
    return !list.isEmpty() && list.get(0).equals("scan") && !list.contains("--output") && !list.contains("--help")
        && (list.contains("--format=json") || list.indexOf("--format") >= 0 && list.indexOf("--format") + 1 < list.size()
            && list.get(list.indexOf("--format") + 1).equals("json"));
  }

  /** What a run produced. */
  public record Result(int exitCode, String out, String err) {}
}
