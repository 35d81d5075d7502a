/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The {@code kubeward} command line ({@code scan}, {@code rules}, {@code explain}) on top of the
 * core API, with exit codes 0 (nothing at or above {@code --fail-on}), 1 (findings) and 2 (usage
 * error or input that could not be checked). Nothing here is API: other modules never depend on
 * the CLI.
 */
package dev.kubeward.cli;
