/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.Resource;
import java.util.List;

/**
 * What a load produced: resources in input order, errors for everything that could not be read,
 * counts of files and non-empty documents seen, and the files that were not checked at all (they
 * hold no Kubernetes object, or an exclude matched them), in the order they were met, and the
 * documents that were read but can only be checked in part (template placeholders, kustomize
 * patches).
 */
public record LoadResult(List<Resource> resources, List<LoadError> errors, int files, int documents,
    List<SkippedFile> skipped, List<PartialDocument> partial) {

  public LoadResult {
    resources = List.copyOf(resources);
    errors = List.copyOf(errors);
    skipped = List.copyOf(skipped);
    partial = List.copyOf(partial);
  }

  /** A result without partially checked documents. */
  public LoadResult(List<Resource> resources, List<LoadError> errors, int files, int documents,
      List<SkippedFile> skipped) {
    this(resources, errors, files, documents, skipped, List.of());
  }

  /** A result that skipped nothing. */
  public LoadResult(List<Resource> resources, List<LoadError> errors, int files, int documents) {
    this(resources, errors, files, documents, List.of());
  }
}
