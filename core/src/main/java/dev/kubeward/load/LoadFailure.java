/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

/** A document that cannot be read, with the position to blame. Never leaves this package. */
final class LoadFailure extends Exception {

  private static final long serialVersionUID = 1L;

  final int line;
  final int column;

  LoadFailure(int line, int column, String message) {
    super(message, null, false, false);
    this.line = line;
    this.column = column;
  }
}
