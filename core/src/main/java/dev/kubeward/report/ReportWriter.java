/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import dev.kubeward.engine.ScanReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes a {@link ScanReport} in one format. Implementations are stateless and thread-safe. */
public interface ReportWriter {

  /** Writes {@code report} to {@code out}; does not close it. */
  void write(ScanReport report, Writer out) throws IOException;

  /** {@code report} in this format, as a string: for in-memory use, without a checked exception. */
  default String format(ScanReport report) {
    StringWriter out = new StringWriter();
    try {
      write(report, out);
    } catch (IOException e) {
      // A StringWriter does not fail.
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
