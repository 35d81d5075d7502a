/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import org.junit.jupiter.api.Test;

/**
 * The admission rule evaluates a check once for a template and the Pods created from it unless the
 * check says the two differ: every check that has its own view of created Pods must say so.
 */
class CreatedPodsTest {

  @Test
  void exactlyTheChecksWithTheirOwnViewOfCreatedPodsSayTheyDiffer() {
    for (PssRule rule : PodSecurityStandards.CHECKS) {
      assertThat(rule.createdPodsDiffer()).as(rule.getClass().getSimpleName())
          .isEqualTo(declaring(rule.getClass()) != PssRule.class);
    }
  }

  @Test
  void hostPortsHasItsOwnView() {
    assertThat(new HostPorts().createdPodsDiffer()).isTrue();
  }

  /** The class that declares the {@code evaluateCreatedPods} that {@code type} inherits. */
  private static Class<?> declaring(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        c.getDeclaredMethod("evaluateCreatedPods", Resource.class, PodSpec.class, int.class, Context.class);
        return c;
      } catch (NoSuchMethodException e) {
        // declared further up
      }
    }
    throw new AssertionError("no evaluateCreatedPods above " + type);
  }
}
