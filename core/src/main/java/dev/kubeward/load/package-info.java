/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Reading manifests (YAML, JSON, lists) into resources, with limits and errors that never quote
 * input values; {@link dev.kubeward.load.Yaml} reads other YAML files (configuration) the same way.
 */
package dev.kubeward.load;
