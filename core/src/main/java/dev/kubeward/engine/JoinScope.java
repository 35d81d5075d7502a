/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.Resource;
import dev.kubeward.model.Source;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which resources cross-resource rules see together, that is, which resources make one cluster.
 * Per-resource rules are not affected.
 */
public enum JoinScope {
  /** Everything scanned together is one cluster, as {@code kubectl apply -f} of all of it would make. */
  ALL,
  /** Each path given to the scan (a file, a directory, standard input) is its own cluster. */
  ARGUMENT,
  /** Each directory that holds manifests directly is its own cluster. */
  DIRECTORY;

  /** The lower-case id used on the command line and in configuration. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The scope with this id ({@code all}, {@code argument}, {@code directory}). */
  public static JoinScope of(String id) {
    for (JoinScope s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown join scope '" + id + "' (expected all, argument or directory)");
  }

  /** The cluster {@code resource} belongs to under this scope. */
  String clusterOf(Resource resource) {
    return clusterOf(resource.source());
  }

  /** The cluster the resources of {@code source} belong to under this scope. */
  String clusterOf(Source source) {
    switch (this) {
      case ARGUMENT:
        return source.argument();
      case DIRECTORY:
        String name = source.name();
        try {
          Path parent = Path.of(name).getParent();
          return parent == null ? "" : parent.normalize().toString();
        } catch (InvalidPathException e) {
          return name;
        }
      default:
        return "";
    }
  }
}
