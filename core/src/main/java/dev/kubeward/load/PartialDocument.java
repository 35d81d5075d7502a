/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import java.util.Objects;

/**
 * A document that was checked, but not fully: it holds template placeholders, whose values decide
 * some verdicts, or it is a kustomize patch, a partial object. Its findings are reported (those
 * that depend on a placeholder marked unverified); like an input that could not be checked, it
 * makes the scan's exit code 2 unless partial checks are allowed.
 *
 * @param file the source name
 * @param line 1-based line of what makes the check partial (the first placeholder, or the object)
 * @param column 1-based column
 * @param reason what was not checked and how to check it fully; quotes nothing from the input
 */
public record PartialDocument(String file, int line, int column, String reason) {

  /** The reason of a document with template placeholders, without advice. */
  public static final String PLACEHOLDERS =
      "holds template placeholders; findings that depend on them are marked unverified";

  public PartialDocument {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  /** {@code file:line:column}. */
  public String location() {
    return file + ":" + line + ":" + column;
  }

  @Override
  public String toString() {
    return location() + ": " + reason;
  }
}
