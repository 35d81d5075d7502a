/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.hostile;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.rule.Severity;
import java.util.Set;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link ChildJvm}: scans its arguments with {@link TestRules} and prints
 * one line per count, error and finding, then {@code exit N} with the report's exit code (fail on
 * {@code low}), and exits with that code. An exception that escapes the library ends the process
 * with a stack trace and without the {@code exit} line.
 *
 * <p>Arguments: {@code [--follow-links] PATH...}.
 */
public final class ScanMain {

  private ScanMain() {}

  public static void main(String[] args) {
    boolean follow = false;
    List<String> paths = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--follow-links")) {
        follow = true;
      } else {
        paths.add(arg);
      }
    }
    Kubeward scanner = Kubeward.builder().rules(TestRules.all()).skipRules(Set.of(Kubeward.DUPLICATE_OBJECT)).build();
    Loader loader = scanner.loader().followingLinks(follow);
    LoadResult loaded = loader.load(paths, InputStream.nullInputStream());
    ScanReport report = scanner.scan(loaded);
    StringBuilder out = new StringBuilder();
    for (String line : render(report)) {
      out.append(line).append('\n');
    }
    int exit = report.exitCode(Severity.LOW);
    out.append("exit ").append(exit).append('\n');
    System.out.print(out);
    System.out.flush();
    System.exit(exit);
  }

  /** The counts, then {@code error ...} and {@code finding ...} lines, in report order. */
  static List<String> render(ScanReport report) {
    List<String> lines = new ArrayList<>();
    lines.add("files " + report.files() + " documents " + report.documents() + " resources " + report.resources());
    for (LoadError e : report.errors()) {
      lines.add("error " + e);
    }
    for (Finding f : report.findings()) {
      lines.add("finding " + f);
    }
    return lines;
  }
}
