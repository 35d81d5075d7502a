/**
 * AssertJ assertions on manifests and scan reports ({@link dev.kubeward.assertj.KubewardAssertions}),
 * and the rule fixture kit ({@link dev.kubeward.assertj.RuleFixtures}) that runs
 * {@code # expect:} fixtures for every rules module and for plugin authors.
 */
package dev.kubeward.assertj;
