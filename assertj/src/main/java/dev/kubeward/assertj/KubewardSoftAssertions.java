/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.StandardSoftAssertionsProvider;

/**
 * AssertJ's soft assertions (every {@code assertThat} of {@code SoftAssertions}) with Kubeward's added: every failure is collected,
 * and {@link #assertAll()} (or {@link #assertSoftly}) reports them together. Works with AssertJ's
 * JUnit 5 {@code SoftAssertionsExtension} ({@code @InjectSoftAssertions KubewardSoftAssertions softly}).
 *
 * <pre>{@code
 * KubewardSoftAssertions.assertSoftly(softly -> {
 *   softly.assertThat(manifests).doesNotHaveFinding("privileged-container");
 *   softly.assertThat(manifests).hasNoFindingsAtOrAbove(Severity.HIGH);
 * });
 * }</pre>
 */
public class KubewardSoftAssertions extends AbstractSoftAssertions
    implements StandardSoftAssertionsProvider, KubewardSoftAssertionsProvider {

  /** Runs {@code assertions} on new soft assertions, then reports every failure at once. */
  public static void assertSoftly(Consumer<KubewardSoftAssertions> assertions) {
    SoftAssertionsProvider.assertSoftly(KubewardSoftAssertions.class, assertions);
  }
}
