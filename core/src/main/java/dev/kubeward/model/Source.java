/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.Objects;

/**
 * Where resources came from: a file path as the user gave it, {@code -} for standard input, or a
 * name chosen by the caller for a string or a classpath resource.
 *
 * @param name the file as shown in reports
 * @param argument the path given to the scan that led to it (the directory that was walked, the
 *     file itself, {@code -}); the name itself when there was none
 */
public record Source(String name, String argument) {

  public Source {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(argument, "argument");
  }

  /** A source that is its own argument. */
  public static Source of(String name) {
    return new Source(name, name);
  }

  /** A source found through {@code argument}. */
  public static Source of(String name, String argument) {
    return new Source(name, argument);
  }

  @Override
  public String toString() {
    return name;
  }
}
