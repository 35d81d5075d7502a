/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Rules for {@code EncryptionConfiguration} files: how the API server encrypts resources at rest. */
package dev.kubeward.rules.cluster.encryption;
