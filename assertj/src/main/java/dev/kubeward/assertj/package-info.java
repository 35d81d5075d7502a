/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * AssertJ assertions on manifests and scan reports ({@link dev.kubeward.assertj.KubewardAssertions},
 * {@link dev.kubeward.assertj.KubewardSoftAssertions}; self-typed bases to extend:
 * {@link dev.kubeward.assertj.AbstractManifestsAssert}, {@link dev.kubeward.assertj.AbstractScanReportAssert}),
 * and the rule fixture kit ({@link dev.kubeward.assertj.RuleFixtures}) that runs
 * {@code # expect:} fixtures for every rules module and for plugin authors.
 */
package dev.kubeward.assertj;
