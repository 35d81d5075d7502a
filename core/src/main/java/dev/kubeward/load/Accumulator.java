/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.List;

/** What one load has gathered so far: resources and errors in input order, and counts. */
final class Accumulator {
  final List<Resource> resources = new ArrayList<>();
  final List<LoadError> errors = new ArrayList<>();
  final List<SkippedFile> skipped = new ArrayList<>();
  final List<PartialDocument> partial = new ArrayList<>();
  /** The file being read, or null when the source is not a file (standard input, a string). */
  java.nio.file.Path file;
  /** The kustomization entry that lists the file being read as a patch, or null when none does. */
  Kustomizations.Patch patch;
  /** How many of {@link #errors} say that a document is not a Kubernetes object by its shape. */
  int shapeErrors;
  /** The path given to the load that is being read, or null when the source is its own. */
  String argument;
  int files;
  int documents;

  /** Appends everything {@code other} gathered, after what this one holds. */
  void addAll(Accumulator other) {
    resources.addAll(other.resources);
    errors.addAll(other.errors);
    skipped.addAll(other.skipped);
    partial.addAll(other.partial);
    shapeErrors += other.shapeErrors;
    files += other.files;
    documents += other.documents;
  }

  LoadResult result() {
    return new LoadResult(resources, errors, files, documents, skipped, partial);
  }
}
