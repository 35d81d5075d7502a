/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kubeward.cli.Main;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the real command line, {@code java -Xmx256m dev.kubeward.cli.Main ...}, in a child JVM
 * with the test class path (so rules are discovered as the shipped jar discovers them). A heap of
 * 256 MB shows that hostile input is handled in bounded memory (an {@code OutOfMemoryError} would
 * kill only the child, and show on its standard error); the guard against a hang is generous and
 * is not a performance assertion.
 */
final class ChildCli {

  /** How long a child may run before the test calls it a hang. */
  static final long GUARD_SECONDS = 60;

  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final AtomicLong NANOS = new AtomicLong();

  /** What a child printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {

    /** Asserts that neither stream shows a stack trace, an uncaught error or an internal error. */
    Result assertNoStackTrace() {
      for (String stream : List.of(stdout, stderr)) {
        assertThat(stream).as("output of the child:%n%s", stream)
            .doesNotContain("\tat ", "Exception", "Error:", "OutOfMemory", "internal error", "KUBEWARD_DEBUG");
      }
      return this;
    }
  }

  private ChildCli() {}

  /** Runs {@code kubeward args...} in {@code workDir}: relative paths resolve there and are shown as given. */
  static Result run(Path workDir, String... args) throws IOException, InterruptedException {
    return runWithHeap(workDir, "256m", args);
  }

  /** As {@link #run}, with a heap of {@code heap} ({@code -Xmx} syntax) instead of 256 MB. */
  static Result runWithHeap(Path workDir, String heap, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "child", ".out");
    Path err = Files.createTempFile(workDir, "child", ".err");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().remove("KUBEWARD_DEBUG");
    builder.environment().put("NO_COLOR", "1");
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail("kubeward %s did not finish within %d s (hang?); it printed:%n%s%n%s", String.join(" ", args),
            GUARD_SECONDS, Files.readString(out), Files.readString(err));
      }
    } finally {
      NANOS.addAndGet(System.nanoTime() - start);
      RUNS.incrementAndGet();
    }
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  /** How many children this test JVM has run so far and how long they took in all, for the build log. */
  static String totals() {
    return RUNS.get() + " child JVM runs so far, " + TimeUnit.NANOSECONDS.toMillis(NANOS.get()) + " ms in all";
  }
}
