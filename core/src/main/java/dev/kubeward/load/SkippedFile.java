/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import java.util.Objects;

/**
 * A file the loader did not check, and why: it holds no Kubernetes object (a Helm
 * {@code values.yaml}, a {@code Chart.yaml}, a CI workflow), or a path exclude matched it. Reports
 * name every skipped file, so that nothing is left out silently.
 *
 * @param file the file (or directory, for an exclude) as reports show it
 * @param reason why it was not checked, a phrase such as {@code holds no Kubernetes object}
 */
public record SkippedFile(String file, String reason) {

  /** The reason of a file none of whose documents is a Kubernetes object by its shape. */
  public static final String NO_OBJECT = "holds no Kubernetes object";

  public SkippedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  /** A file skipped because {@code glob} excludes it. */
  public static SkippedFile excluded(String file, String glob) {
    return new SkippedFile(file, "excluded by " + glob);
  }

  @Override
  public String toString() {
    return file + ": " + reason;
  }
}
