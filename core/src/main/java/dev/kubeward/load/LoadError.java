/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import java.util.Objects;

/**
 * Input that could not be checked: a document, a file or a path. The message never quotes
 * scalar values from the input.
 *
 * @param file the source name as given (a path, {@code -} for stdin)
 * @param line 1-based line, or 0 when the error concerns the whole path
 * @param column 1-based column, or 0 when the error concerns the whole path
 * @param message a plain sentence, no trailing period
 */
public record LoadError(String file, int line, int column, String message) {

  public LoadError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
  }
}
