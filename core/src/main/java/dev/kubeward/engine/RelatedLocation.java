/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import java.util.Objects;

/**
 * A place that explains a finding: the binding and role of a grant path, the policy that leaves a
 * port open, the Service that exposes a workload. It may be in another resource and file than the
 * finding.
 *
 * @param message one short sentence, no trailing period
 * @param resource the resource holding it
 * @param file the source name as given
 * @param line 1-based line
 * @param column 1-based column
 * @param path JSON Pointer into {@code resource}
 */
public record RelatedLocation(String message, ResourceRef resource, String file, int line, int column, String path) {

  public RelatedLocation {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
  }

  /** {@code file:line:col}. */
  public String location() {
    return file + ":" + line + ":" + column;
  }
}
