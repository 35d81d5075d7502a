/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import java.util.Locale;

/** The report formats, each with the writer that produces it. */
public enum ReportFormat {
  /** For people: {@code file:line:col: SEVERITY message [rule-id]}, grouped by file, then a summary. */
  TEXT("text"),
  /** The JSON report, schema version 1. */
  JSON("json"),
  /** SARIF 2.1.0, for code scanning. */
  SARIF("sarif"),
  /** JUnit XML, for CI test views. */
  JUNIT("junit");

  private final String id;

  ReportFormat(String id) {
    this.id = id;
  }

  /** The lower-case name used on the command line ({@code sarif}). */
  public String id() {
    return id;
  }

  /** The writer for this format; text comes without colour. */
  public ReportWriter writer() {
    switch (this) {
      case TEXT:
        return TextReportWriter.plain();
      case JSON:
        return new JsonReportWriter();
      case SARIF:
        return new SarifReportWriter();
      case JUNIT:
        return new JunitReportWriter();
      default:
        throw new IllegalStateException(id);
    }
  }

  /** The format named {@code id} ({@code text}, {@code json}, {@code sarif} or {@code junit}). */
  public static ReportFormat of(String id) {
    String wanted = id == null ? "" : id.toLowerCase(Locale.ROOT);
    for (ReportFormat f : values()) {
      if (f.id.equals(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown report format '" + id + "' (expected text, json, sarif or junit)");
  }
}
