/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The scanner: rule discovery, profiles, configuration (and the {@code .kubeward.yaml} file),
 * dispatch by kind, suppression and ordering of findings.
 */
package dev.kubeward.engine;
