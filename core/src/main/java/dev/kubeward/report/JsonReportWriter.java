/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kubeward.engine.Baseline;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.RelatedLocation;
import dev.kubeward.engine.ResourceRef;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.PartialDocument;
import dev.kubeward.load.SkippedFile;
import dev.kubeward.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The JSON report, schema version 1, as fixed in the architecture contract:
 *
 * <pre>{@code
 * {"schemaVersion": 1,
 *  "tool": {"name": "kubeward", "version": "0.1.0"},
 *  "summary": {"files", "documents", "resources", "findings", "suppressed", "errors",
 *              "bySeverity": {"CRITICAL": n, "HIGH": n, "MEDIUM": n, "LOW": n, "INFO": n}},
 *  "findings": [{"rule", "severity", "topic", "controls", "message",
 *                "resource": {"apiVersion", "kind", "namespace", "name"},
 *                "file", "line", "column", "path", "key", "suppressed", "baselined"?, "suppression"?,
 *                "unverified"?, "template"?,
 *                "related"?: [{"message", "file", "line", "column", "path", "resource"}]}],
 *  "errors": [{"file", "line", "column", "message"}],
 *  "baseline"?: {"file", "accepted", "unmatched": [{"key", "rule", "resource"}]},
 *  "skipped"?: [{"file", "reason"}],
 *  "partial"?: [{"file", "line", "column", "reason"}]}
 * }</pre>
 *
 * <p>{@code summary.findings} and {@code bySeverity} count the findings that are not suppressed;
 * {@code summary.suppressed} counts the others, which stay in {@code findings} with
 * {@code "suppressed": true} and their reason in {@code "suppression"}. {@code key} is the
 * finding's stable key (rule, resource identity, discriminator; no line numbers), for baselines
 * and fingerprints. {@code related} (absent when empty) lists the places, in this or other
 * resources, that explain the finding. {@code namespace} (and
 * {@code name}) are absent when unset. With a baseline, the findings it accepted carry
 * {@code "baselined": true} (they do not count for the exit code) and {@code baseline} says how many
 * it accepted and which of its entries matched nothing. {@code skipped} (absent when empty) names the files that
 * were not checked at all and why: they hold no Kubernetes object, or an exclude matched them.
 * {@code partial} (absent when empty) names the documents that were checked only in part: they
 * hold template placeholders, or are kustomize patches. A finding whose verdict depends on a
 * placeholder carries {@code "unverified": true}; a finding on an object rendered by
 * {@code helm template} names the chart template in {@code "template"} (both absent otherwise). An error that concerns a whole path has line and column 0.
 * Printed with two-space indentation and a final newline; the same report gives the same bytes.
 */
public final class JsonReportWriter implements ReportWriter {

  /** The version of the report schema this writer produces. */
  public static final int SCHEMA_VERSION = 1;

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    JsonGenerator g = JsonSupport.open(out);
    g.writeStartObject();
    g.writeNumberField("schemaVersion", SCHEMA_VERSION);
    g.writeObjectFieldStart("tool");
    g.writeStringField("name", "kubeward");
    g.writeStringField("version", report.toolVersion());
    g.writeEndObject();

    g.writeObjectFieldStart("summary");
    g.writeNumberField("files", report.files());
    g.writeNumberField("documents", report.documents());
    g.writeNumberField("resources", report.resources());
    g.writeNumberField("findings", report.findings().size() - report.suppressedCount());
    g.writeNumberField("suppressed", report.suppressedCount());
    g.writeNumberField("errors", report.errors().size());
    g.writeObjectFieldStart("bySeverity");
    for (Map.Entry<Severity, Integer> e : report.countBySeverity().entrySet()) {
      g.writeNumberField(e.getKey().name(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();

    g.writeArrayFieldStart("findings");
    for (Finding f : report.findings()) {
      finding(g, f);
    }
    g.writeEndArray();

    g.writeArrayFieldStart("errors");
    for (LoadError e : report.errors()) {
      g.writeStartObject();
      g.writeStringField("file", e.file());
      g.writeNumberField("line", e.line());
      g.writeNumberField("column", e.column());
      g.writeStringField("message", e.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (report.baseline() != null) {
      g.writeObjectFieldStart("baseline");
      g.writeStringField("file", report.baseline().source());
      g.writeNumberField("accepted", report.baseline().accepted());
      g.writeArrayFieldStart("unmatched");
      for (Baseline.Entry e : report.baseline().unmatched()) {
        g.writeStartObject();
        g.writeStringField("key", e.key());
        g.writeStringField("rule", e.rule());
        g.writeStringField("resource", e.resource());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    if (!report.skipped().isEmpty()) {
      g.writeArrayFieldStart("skipped");
      for (SkippedFile skipped : report.skipped()) {
        g.writeStartObject();
        g.writeStringField("file", skipped.file());
        g.writeStringField("reason", skipped.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!report.partial().isEmpty()) {
      g.writeArrayFieldStart("partial");
      for (PartialDocument p : report.partial()) {
        g.writeStartObject();
        g.writeStringField("file", p.file());
        g.writeNumberField("line", p.line());
        g.writeNumberField("column", p.column());
        g.writeStringField("reason", p.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    JsonSupport.finish(g, out);
  }

  private static void finding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("rule", f.rule());
    g.writeStringField("severity", f.severity().name());
    g.writeStringField("topic", f.topic().id());
    JsonSupport.stringArray(g, "controls", f.controls());
    g.writeStringField("message", f.message());
    resource(g, f.resource());
    g.writeStringField("file", f.file());
    g.writeNumberField("line", f.line());
    g.writeNumberField("column", f.column());
    g.writeStringField("path", f.path());
    g.writeStringField("key", f.key());
    g.writeBooleanField("suppressed", f.suppressed());
    if (f.baselined()) {
      g.writeBooleanField("baselined", true);
    }
    if (f.suppressed()) {
      g.writeStringField("suppression", f.suppression());
    }
    if (f.unverified()) {
      g.writeBooleanField("unverified", true);
    }
    if (f.template() != null) {
      g.writeStringField("template", f.template());
    }
    if (!f.related().isEmpty()) {
      g.writeArrayFieldStart("related");
      for (RelatedLocation l : f.related()) {
        g.writeStartObject();
        g.writeStringField("message", l.message());
        g.writeStringField("file", l.file());
        g.writeNumberField("line", l.line());
        g.writeNumberField("column", l.column());
        g.writeStringField("path", l.path());
        resource(g, l.resource());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void resource(JsonGenerator g, ResourceRef r) throws IOException {
    g.writeObjectFieldStart("resource");
    g.writeStringField("apiVersion", r.apiVersion());
    g.writeStringField("kind", r.kind());
    if (r.namespace() != null) {
      g.writeStringField("namespace", r.namespace());
    }
    if (r.name() != null) {
      g.writeStringField("name", r.name());
    }
    g.writeEndObject();
  }
}
