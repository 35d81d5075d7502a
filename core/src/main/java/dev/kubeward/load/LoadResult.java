/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.Resource;
import java.util.List;

/**
 * What a load produced: resources in input order, errors for everything that could not be read,
 * and counts of files and non-empty documents seen.
 */
public record LoadResult(List<Resource> resources, List<LoadError> errors, int files, int documents) {

  public LoadResult {
    resources = List.copyOf(resources);
    errors = List.copyOf(errors);
  }
}
