/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import java.util.Objects;

/**
 * A configuration file that cannot be used, with the place and the problem: the message is
 * {@code file:line:column: problem} ({@code file: problem} when the whole file is concerned, as
 * when it cannot be read). An {@link IllegalArgumentException}, so that callers that caught that
 * before still do.
 */
public final class ConfigurationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  /**
   * @param file the file as given
   * @param line 1-based line, or 0 when the whole file is concerned
   * @param column 1-based column, or 0 when the whole file is concerned
   * @param problem what is wrong, one sentence without a trailing period
   */
  public ConfigurationException(String file, int line, int column, String problem) {
    super(line > 0 ? file + ":" + line + ":" + column + ": " + problem : file + ": " + problem);
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.column = column;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** The configuration file as given. */
  public String file() {
    return file;
  }

  /** The 1-based line of the problem, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem, or 0 when it concerns the whole file. */
  public int column() {
    return column;
  }

  /** What is wrong, without the place. */
  public String problem() {
    return problem;
  }
}
