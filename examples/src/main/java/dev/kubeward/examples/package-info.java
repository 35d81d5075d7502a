/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * An example rules plugin, end to end: a {@link dev.kubeward.rule.RuleProvider} registered
 * through {@code META-INF/services} and {@code module-info.java}, a rule with a typed parameter,
 * and (in the tests) its fixtures run by the kit.
 */
package dev.kubeward.examples;
