/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import java.util.List;

/** Loads manifests for model tests. */
final class Manifests {

  private Manifests() {}

  /** The resources of {@code yaml}, which must load without errors. */
  static List<Resource> load(String yaml) {
    return load("test.yaml", yaml);
  }

  /** The resources of {@code yaml}, read as the file {@code name}, which must load without errors. */
  static List<Resource> load(String name, String yaml) {
    LoadResult result = Loader.defaults().loadString(name, yaml);
    assertThat(result.errors()).isEmpty();
    return result.resources();
  }

  /** The single resource of {@code yaml}. */
  static Resource one(String yaml) {
    List<Resource> resources = load(yaml);
    assertThat(resources).hasSize(1);
    return resources.get(0);
  }
}
