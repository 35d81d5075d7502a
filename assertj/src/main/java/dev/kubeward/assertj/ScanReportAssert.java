/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.engine.ScanReport;

/**
 * Assertions on a finished {@link ScanReport}: see {@link AbstractScanReportAssert}. Not final,
 * so that AssertJ's soft assertions can proxy it; extend {@link AbstractScanReportAssert} to add
 * assertions of your own.
 */
public class ScanReportAssert extends AbstractScanReportAssert<ScanReportAssert> {

  public ScanReportAssert(ScanReport actual) {
    super(actual, ScanReportAssert.class);
  }
}
