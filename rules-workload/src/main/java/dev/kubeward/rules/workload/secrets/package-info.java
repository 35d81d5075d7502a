/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Secrets: literal credentials in environment variables and ConfigMaps, Secrets passed as
 * environment variables, and Secret objects whose values are committed in manifests. No rule here
 * ever puts a value into a message.
 */
package dev.kubeward.rules.workload.secrets;
