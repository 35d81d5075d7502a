/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.Objects;

/**
 * Where resources came from: a file path as the user gave it, {@code -} for standard input, or a
 * name chosen by the caller for a string or a classpath resource.
 */
public record Source(String name) {

  public Source {
    Objects.requireNonNull(name, "name");
  }

  public static Source of(String name) {
    return new Source(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
