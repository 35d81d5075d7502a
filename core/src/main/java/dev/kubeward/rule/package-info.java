/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** The Rule SPI a plugin author sees: rules, metadata, parameters, the reporting context and the provider registered through ServiceLoader. */
package dev.kubeward.rule;
