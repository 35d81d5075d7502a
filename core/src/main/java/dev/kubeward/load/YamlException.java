/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import java.util.Objects;

/**
 * A YAML text that {@link Yaml#parseTree} could not read, with where and why; the message is
 * {@code file:line:column: problem} and never quotes values of the input.
 */
public final class YamlException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient LoadError error;

  public YamlException(LoadError error) {
    super(Objects.requireNonNull(error, "error").toString());
    this.error = error;
  }

  /** Where and why. */
  public LoadError error() {
    return error;
  }
}
