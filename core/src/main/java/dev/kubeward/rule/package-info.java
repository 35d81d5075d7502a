/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Rule SPI a plugin author sees: rules (one class each, or one row of a {@link
 * dev.kubeward.rule.FamilyRule family}), metadata, typed parameter keys, the vocabulary of
 * controls, the reporting context, the scan settings (with the Kubernetes version that applies to
 * an object) and the provider registered through ServiceLoader.
 */
package dev.kubeward.rule;
