/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * AssertJ assertions on manifests and scan reports ({@link dev.kubeward.assertj.KubewardAssertions},
 * {@link dev.kubeward.assertj.KubewardSoftAssertions}; self-typed bases to extend:
 * {@link dev.kubeward.assertj.AbstractManifestsAssert}, {@link dev.kubeward.assertj.AbstractScanReportAssert}),
 * and the kit for rule authors: {@link dev.kubeward.assertj.RuleFixtures} runs a rule's YAML, JSON
 * and story fixtures, {@link dev.kubeward.assertj.QuietPath} checks that rules allocate nothing on
 * compliant resources, and {@link dev.kubeward.assertj.CatalogueChecks} checks a whole catalogue.
 */
package dev.kubeward.assertj;
