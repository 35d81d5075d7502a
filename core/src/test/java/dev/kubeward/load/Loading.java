/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Helpers for loader tests. */
final class Loading {

  private Loading() {}

  static LoadResult load(String yaml) {
    return Loader.defaults().loadString("in.yaml", yaml);
  }

  static LoadResult load(LoadLimits limits, String yaml) {
    return Loader.of(limits, dev.kubeward.model.WorkloadKinds.builtIn()).loadString("in.yaml", yaml);
  }

  static LoadResult loadBytes(byte[] bytes) {
    return Loader.defaults().loadBytes("in.yaml", bytes);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The single resource of {@code yaml}, which must load without errors. */
  static Resource one(String yaml) {
    LoadResult result = load(yaml);
    assertThat(result.errors()).isEmpty();
    assertThat(result.resources()).hasSize(1);
    return result.resources().get(0);
  }

  /** Errors as {@code file:line:col: message}. */
  static List<String> errors(LoadResult result) {
    return result.errors().stream().map(LoadError::toString).toList();
  }

  /** Resources as {@code Kind name@line:col}. */
  static List<String> resources(LoadResult result) {
    return result.resources().stream()
        .map(r -> r.kind() + " " + r.name() + "@" + r.line() + ":" + r.column())
        .toList();
  }
}
