/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

/**
 * Assertions on {@link Manifests}: see {@link AbstractManifestsAssert}. Not final, so that
 * AssertJ's soft assertions can proxy it; extend {@link AbstractManifestsAssert} to add assertions
 * of your own.
 */
public class ManifestsAssert extends AbstractManifestsAssert<ManifestsAssert> {

  public ManifestsAssert(Manifests actual) {
    super(actual, ManifestsAssert.class);
  }
}
