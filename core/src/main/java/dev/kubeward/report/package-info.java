/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Report writers: text, JSON (schema version 1), SARIF 2.1.0 and JUnit XML. */
package dev.kubeward.report;
