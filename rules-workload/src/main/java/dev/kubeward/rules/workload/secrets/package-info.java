/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Secrets: literal credentials in environment variables and ConfigMaps and the workloads that read
 * them from a ConfigMap, well-known default passwords, Secrets passed as environment variables,
 * Secret objects whose values are committed in manifests or whose data is not valid base64. Encrypted
 * forms (SOPS files, SealedSecrets) are left alone. No rule here ever puts a value into a message.
 */
package dev.kubeward.rules.workload.secrets;
