/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.RelatedLocation;
import dev.kubeward.engine.ResourceRef;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.PartialDocument;
import dev.kubeward.load.SkippedFile;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * SARIF 2.1.0, for code scanning services. One run: {@code tool.driver.rules} holds a descriptor
 * for every rule that ran (built from its {@link RuleMetadata}: name, title, rationale, help text
 * in plain text and Markdown, the level of its effective severity, and the properties
 * {@code tags}, {@code topic}, {@code controls} and {@code security-severity}); every finding is a
 * result with its rule, level, message, physical location (the file as a URI reference, line and
 * column) and logical locations (the resource, and the JSON Pointer of the offending field). A
 * suppressed finding carries an {@code inSource} suppression with its reason; with a baseline,
 * each result has its {@code baselineState} ({@code unchanged} when the baseline accepted it,
 * {@code new} otherwise). Input that could
 * not be checked becomes a tool execution notification (a file skipped as a whole, a note) of the one invocation, which is then not
 * successful; a document checked only in part is a warning notification. A finding whose verdict
 * depends on a template placeholder has the property {@code unverified} ({@code true}); one on an
 * object rendered by {@code helm template} names its chart template in the property
 * {@code template}.
 *
 * <p>File locations are relative to a base directory, the working directory unless
 * {@link #relativeTo(Path)} says otherwise: a file inside it is a relative URI reference with the
 * {@code uriBaseId} {@value #SRCROOT}, which {@code originalUriBaseIds} maps to the directory's
 * {@code file:} URI, as code scanning expects; a file outside it is an absolute {@code file:} URI.
 * Standard input ({@code -}) has no URI: its artifact location is described as
 * {@code standard input}. A rule descriptor has a {@code helpUri} when {@link #withHelpUris} gives
 * one for its rule.
 *
 * <p>Severities map to levels as CRITICAL and HIGH: {@code error}, MEDIUM: {@code warning}, LOW
 * and INFO: {@code note}. Nothing time-dependent is written: the same report, written relative to
 * the same directory, gives the same bytes.
 */
public final class SarifReportWriter implements ReportWriter {

  /** The schema the output conforms to. */
  public static final String SCHEMA_URI =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** The key of the stable fingerprint in {@code partialFingerprints}. */
  public static final String FINGERPRINT_KEY = "kubeward/v2";

  /** The {@code uriBaseId} of file locations inside the base directory. */
  public static final String SRCROOT = "%SRCROOT%";

  /** The source name of standard input, as the loader gives it. */
  private static final String STDIN = "-";

  private final Path base;
  private final Function<String, String> helpUris;

  /** A writer relative to the working directory of this process, without help URIs. */
  public SarifReportWriter() {
    this(Path.of("").toAbsolutePath(), id -> null);
  }

  private SarifReportWriter(Path base, Function<String, String> helpUris) {
    this.base = base.toAbsolutePath().normalize();
    this.helpUris = helpUris;
  }

  /** A writer whose file locations are relative to {@code directory} (made absolute). */
  public static SarifReportWriter relativeTo(Path directory) {
    return new SarifReportWriter(Objects.requireNonNull(directory, "directory"), id -> null);
  }

  /**
   * This writer, with the {@code helpUri} of each rule descriptor given by {@code helpUris} (from
   * the rule id; {@code null} for none), such as the rule's section of the documentation.
   */
  public SarifReportWriter withHelpUris(Function<String, String> helpUris) {
    return new SarifReportWriter(base, Objects.requireNonNull(helpUris, "helpUris"));
  }

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    List<RuleMetadata> rules = report.rules();
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      ruleIndex.putIfAbsent(rules.get(i).id(), i);
    }
    JsonGenerator g = JsonSupport.open(out);
    g.writeStartObject();
    g.writeStringField("$schema", SCHEMA_URI);
    g.writeStringField("version", "2.1.0");
    g.writeArrayFieldStart("runs");
    g.writeStartObject();

    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "kubeward");
    g.writeStringField("version", report.toolVersion());
    g.writeArrayFieldStart("rules");
    for (RuleMetadata rule : rules) {
      Severity effective = report.severityOf(rule.id());
      descriptor(g, rule, effective != null ? effective : rule.severity(), helpUris.apply(rule.id()));
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();

    g.writeObjectFieldStart("originalUriBaseIds");
    g.writeObjectFieldStart(SRCROOT);
    String root = uriOf(base.toString());
    g.writeStringField("uri", root.endsWith("/") ? root : root + "/");
    g.writeEndObject();
    g.writeEndObject();

    g.writeArrayFieldStart("invocations");
    g.writeStartObject();
    g.writeBooleanField("executionSuccessful", report.errors().isEmpty());
    if (!report.errors().isEmpty() || !report.skipped().isEmpty() || !report.partial().isEmpty()) {
      g.writeArrayFieldStart("toolExecutionNotifications");
      for (LoadError e : report.errors()) {
        notification(g, e);
      }
      for (PartialDocument p : report.partial()) {
        g.writeStartObject();
        g.writeStringField("level", "warning");
        message(g, "message", "checked in part: " + p.reason());
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        physicalLocation(g, p.file(), p.line(), p.column());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
      }
      for (SkippedFile skipped : report.skipped()) {
        g.writeStartObject();
        g.writeStringField("level", "note");
        message(g, "message", "not checked: " + skipped.reason());
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        physicalLocation(g, skipped.file(), 0, 0);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndArray();

    g.writeArrayFieldStart("results");
    for (Finding f : report.findings()) {
      result(g, f, ruleIndex.get(f.rule()), report.baseline() != null);
    }
    g.writeEndArray();

    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    JsonSupport.finish(g, out);
  }

  private static void descriptor(JsonGenerator g, RuleMetadata rule, Severity severity, String helpUri)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("id", rule.id());
    g.writeStringField("name", upperCamel(rule.id()));
    message(g, "shortDescription", rule.title());
    message(g, "fullDescription", rule.rationale());
    if (helpUri != null) {
      g.writeStringField("helpUri", helpUri);
    }
    g.writeObjectFieldStart("help");
    g.writeStringField("text", rule.rationale() + "\n\nRemediation: " + rule.remediation());
    g.writeStringField("markdown", helpMarkdown(rule));
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", level(severity));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeArrayFieldStart("tags");
    g.writeString("security");
    g.writeString(rule.topic().id());
    g.writeEndArray();
    g.writeStringField("topic", rule.topic().id());
    JsonSupport.stringArray(g, "controls", rule.controls());
    g.writeStringField("security-severity", securitySeverity(severity));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String helpMarkdown(RuleMetadata rule) {
    StringBuilder md = new StringBuilder();
    md.append(rule.rationale()).append("\n\n**Remediation:** ").append(rule.remediation());
    if (!rule.controls().isEmpty()) {
      md.append("\n\n**Controls:** ");
      for (int i = 0; i < rule.controls().size(); i++) {
        md.append(i == 0 ? "" : ", ").append('`').append(rule.controls().get(i)).append('`');
      }
    }
    md.append("\n\nTo accept a finding on one object, annotate it with `ignore.kubeward.dev/")
        .append(rule.id()).append(": \"<reason>\"`.");
    return md.toString();
  }

  private void result(JsonGenerator g, Finding f, Integer ruleIndex, boolean baselineApplied) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.rule());
    if (ruleIndex != null) {
      g.writeNumberField("ruleIndex", ruleIndex);
    }
    g.writeStringField("level", level(f.severity()));
    message(g, "message", f.message());
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    physicalLocation(g, f.file(), f.line(), f.column());
    ResourceRef r = f.resource();
    String resource = r.apiVersion() + "/" + r.kind() + (r.namespace() == null ? "" : "/" + r.namespace())
        + "/" + (r.name() == null ? "" : r.name());
    g.writeArrayFieldStart("logicalLocations");
    g.writeStartObject();
    g.writeStringField("name", r.displayName());
    g.writeStringField("fullyQualifiedName", resource);
    g.writeStringField("kind", "resource");
    g.writeEndObject();
    if (!f.path().isEmpty()) {
      g.writeStartObject();
      g.writeStringField("name", f.path());
      g.writeStringField("fullyQualifiedName", resource + "#" + f.path());
      g.writeStringField("kind", "property");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    if (!f.related().isEmpty()) {
      g.writeArrayFieldStart("relatedLocations");
      int id = 0;
      for (RelatedLocation l : f.related()) {
        g.writeStartObject();
        g.writeNumberField("id", id++);
        physicalLocation(g, l.file(), l.line(), l.column());
        ResourceRef lr = l.resource();
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        g.writeStringField("name", lr.displayName());
        g.writeStringField("fullyQualifiedName", lr.apiVersion() + "/" + lr.kind()
            + (lr.namespace() == null ? "" : "/" + lr.namespace()) + "/" + (lr.name() == null ? "" : lr.name())
            + (l.path().isEmpty() ? "" : "#" + l.path()));
        g.writeStringField("kind", "resource");
        g.writeEndObject();
        g.writeEndArray();
        message(g, "message", l.message());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT_KEY, fingerprint(f.key()));
    g.writeEndObject();
    if (baselineApplied) {
      // SARIF's own field: "unchanged" for what the baseline holds, "new" for the rest.
      g.writeStringField("baselineState", f.baselined() ? "unchanged" : "new");
    }
    if (f.suppressed()) {
      g.writeArrayFieldStart("suppressions");
      g.writeStartObject();
      g.writeStringField("kind", "inSource");
      if (f.suppression() != null) {
        g.writeStringField("justification", f.suppression());
      }
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeObjectFieldStart("properties");
    g.writeStringField("severity", f.severity().name());
    JsonSupport.stringArray(g, "controls", f.controls());
    if (f.unverified()) {
      g.writeBooleanField("unverified", true);
    }
    if (f.template() != null) {
      g.writeStringField("template", f.template());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private void notification(JsonGenerator g, LoadError e) throws IOException {
    g.writeStartObject();
    g.writeStringField("level", "error");
    message(g, "message", e.message());
    if (!e.file().startsWith("<")) {
      g.writeArrayFieldStart("locations");
      g.writeStartObject();
      physicalLocation(g, e.file(), e.line(), e.column());
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private void physicalLocation(JsonGenerator g, String file, int line, int column) throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    if (file.equals(STDIN)) {
      message(g, "description", "standard input");
    } else {
      String relative = relativeUri(file);
      if (relative != null) {
        g.writeStringField("uri", relative);
        g.writeStringField("uriBaseId", SRCROOT);
      } else {
        g.writeStringField("uri", uriOf(base.resolve(file).normalize().toString()));
      }
    }
    g.writeEndObject();
    if (line > 0) {
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", line);
      if (column > 0) {
        g.writeNumberField("startColumn", column);
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void message(JsonGenerator g, String field, String text) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("text", text);
    g.writeEndObject();
  }

  /** The SARIF level of a severity. */
  static String level(Severity severity) {
    switch (severity) {
      case CRITICAL:
      case HIGH:
        return "error";
      case MEDIUM:
        return "warning";
      default:
        return "note";
    }
  }

  /** The CVSS-like score code scanning services sort by. */
  static String securitySeverity(Severity severity) {
    switch (severity) {
      case CRITICAL:
        return "9.5";
      case HIGH:
        return "8.0";
      case MEDIUM:
        return "5.5";
      case LOW:
        return "3.0";
      default:
        return "0.0";
    }
  }

  /**
   * {@code file} (relative to the working directory, or absolute) as a URI reference relative to
   * the base directory, or {@code null} when it is not inside it.
   */
  private String relativeUri(String file) {
    Path path;
    try {
      path = base.resolve(file).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
    if (!path.startsWith(base) || path.equals(base)) {
      return null;
    }
    return uriOf(base.relativize(path).toString());
  }

  /**
   * A file name as a URI reference: a relative path stays relative (segments percent-encoded,
   * {@code /} separators), an absolute one becomes a {@code file:} URI.
   */
  static String uriOf(String file) {
    String path = file.replace('\\', '/');
    boolean windowsDrive = path.length() >= 3 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
        && path.charAt(2) == '/';
    if (windowsDrive) {
      return "file:///" + path.substring(0, 2) + encode(path.substring(2));
    }
    if (path.startsWith("/")) {
      return "file://" + encode(path);
    }
    return encode(path);
  }

  private static String encode(String path) {
    StringBuilder sb = new StringBuilder(path.length() + 8);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  private static String upperCamel(String id) {
    StringBuilder sb = new StringBuilder(id.length());
    boolean upper = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '-') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }

  private static String fingerprint(String key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest(key.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(64);
      for (byte b : hash) {
        sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
