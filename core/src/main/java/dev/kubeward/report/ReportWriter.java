/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import dev.kubeward.engine.ScanReport;
import java.io.IOException;
import java.io.Writer;

/** Writes a {@link ScanReport} in one format. Implementations are stateless and thread-safe. */
public interface ReportWriter {

  /** Writes {@code report} to {@code out}; does not close it. */
  void write(ScanReport report, Writer out) throws IOException;
}
