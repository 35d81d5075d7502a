/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The command line under attack: hostile input in a child JVM with a small heap, secret values
 * that must never reach any report or standard error, input that tries to forge or erase report
 * lines, byte-identical reports across runs and threads, and symbolic links in scanned
 * directories.
 */
package dev.kubeward.cli.hostile;
