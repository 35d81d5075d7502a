/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.hostile;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ScanMain} in a child JVM with a 256 MB heap, so that a test can show that hostile
 * input is handled in bounded memory (an {@code OutOfMemoryError} kills only the child) and does
 * not hang (a generous guard, not a performance assertion).
 */
final class ChildJvm {

  /** How long a child may run before the test calls it a hang. */
  static final long GUARD_SECONDS = 60;

  /** What a child printed and how it ended. */
  record Result(int exitCode, List<String> stdout, String stderr) {

    /** True if the child printed something that looks like a Java stack trace or an uncaught error. */
    boolean printedStackTrace() {
      return stderr.contains("\tat ") || stderr.contains("Exception") || stderr.contains("Error:");
    }
  }

  private ChildJvm() {}

  /**
   * Scans {@code args} in a child JVM with {@code -Xmx256m}, started in {@code workDir} (relative
   * paths resolve there, and name sources as written).
   */
  static Result scan(Path workDir, String... args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ScanMain.class.getName());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "child", ".out");
    Path err = Files.createTempFile(workDir, "child", ".err");
    Process process = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
        .start();
    if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail("the child JVM did not finish within %d s (hang?); it printed:%n%s%n%s", GUARD_SECONDS,
          Files.readString(out), Files.readString(err));
    }
    return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
