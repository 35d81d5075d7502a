/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kubeward.engine.Profile;
import dev.kubeward.rule.Controls;
import dev.kubeward.rule.Parameter;
import dev.kubeward.model.GroupKind;
import dev.kubeward.rule.RuleMetadata;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rule catalogue, written from rule metadata alone: a table for people, JSON for tools, and
 * Markdown for documentation. Rules are listed by id; the same rules give the same bytes.
 */
public enum CatalogueFormat {
  /** An aligned table: id, severity, topic, controls, title, then the parameters of each rule. */
  TEXT("text"),
  /**
   * {@code {"rules": [{"id", "title", "severity", "topic", "controls", "profiles", "optIn",
   * "since", "kinds", "rationale", "remediation", "parameters": [{"name", "type", "default",
   * "description"}]}]}}.
   */
  JSON("json"),
  /** A Markdown page: a summary table, then a section per rule with rationale, remediation and parameters. */
  MARKDOWN("markdown");

  private final String id;

  CatalogueFormat(String id) {
    this.id = id;
  }

  /** The lower-case name used on the command line. */
  public String id() {
    return id;
  }

  /** The format named {@code id} ({@code text}, {@code json} or {@code markdown}). */
  public static CatalogueFormat of(String id) {
    String wanted = id == null ? "" : id.toLowerCase(Locale.ROOT);
    for (CatalogueFormat f : values()) {
      if (f.id.equals(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown catalogue format '" + id + "' (expected text, json or markdown)");
  }

  /** The ids of the profiles that include a rule, in profile order. */
  public static List<String> profilesOf(RuleMetadata rule) {
    List<String> ids = new ArrayList<>();
    for (Profile p : Profile.values()) {
      if (p.includes(rule)) {
        ids.add(p.id());
      }
    }
    return ids;
  }

  /** The kinds a rule looks at, sorted, with the pseudo-kinds spelled out. */
  public static List<String> kindsOf(RuleMetadata rule) {
    List<String> kinds = new ArrayList<>();
    for (GroupKind k : rule.kinds()) {
      kinds.add(k.equals(RuleMetadata.WORKLOADS) ? "workloads" : k.equals(RuleMetadata.ANY) ? "any" : k.toString());
    }
    kinds.sort(Comparator.naturalOrder());
    return kinds;
  }

  /** Writes the catalogue of {@code rules} to {@code out} and flushes it. */
  public void write(List<RuleMetadata> rules, Writer out) throws IOException {
    List<RuleMetadata> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(RuleMetadata::id));
    switch (this) {
      case TEXT:
        text(sorted, out);
        break;
      case JSON:
        json(sorted, out);
        break;
      case MARKDOWN:
        markdown(sorted, out);
        break;
      default:
        throw new IllegalStateException(id);
    }
    out.flush();
  }

  private static void text(List<RuleMetadata> rules, Writer out) throws IOException {
    String[] header = {"ID", "SEVERITY", "TOPIC", "CONTROLS", "TITLE"};
    int[] width = new int[header.length - 1];
    List<String[]> rows = new ArrayList<>();
    for (RuleMetadata r : rules) {
      rows.add(new String[] {r.id(), r.severity().name(), r.topic().id(), joined(r.controls(), ", "), r.title()});
    }
    for (int i = 0; i < width.length; i++) {
      width[i] = header[i].length();
      for (String[] row : rows) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    row(sb, header, width);
    for (int i = 0; i < rules.size(); i++) {
      row(sb, rows.get(i), width);
      for (Parameter p : rules.get(i).parameters()) {
        sb.append("    parameter ").append(p.name()).append(" (").append(typeName(p)).append(", default ")
            .append(p.defaultValue().isEmpty() ? "empty" : p.defaultValue()).append("): ")
            .append(p.description()).append('\n');
      }
    }
    sb.append(rules.size()).append(rules.size() == 1 ? " rule\n" : " rules\n");
    out.write(sb.toString());
  }

  private static void row(StringBuilder sb, String[] cells, int[] width) {
    for (int i = 0; i < cells.length; i++) {
      sb.append(cells[i]);
      if (i < width.length) {
        sb.append(" ".repeat(width[i] - cells[i].length() + 2));
      }
    }
    sb.append('\n');
  }

  private static void json(List<RuleMetadata> rules, Writer out) throws IOException {
    JsonGenerator g = JsonSupport.open(out);
    g.writeStartObject();
    g.writeArrayFieldStart("rules");
    for (RuleMetadata r : rules) {
      g.writeStartObject();
      g.writeStringField("id", r.id());
      g.writeStringField("title", r.title());
      g.writeStringField("severity", r.severity().name());
      g.writeStringField("topic", r.topic().id());
      JsonSupport.stringArray(g, "controls", r.controls());
      JsonSupport.stringArray(g, "profiles", profilesOf(r));
      g.writeBooleanField("optIn", r.optIn());
      g.writeStringField("since", r.since());
      JsonSupport.stringArray(g, "kinds", kindsOf(r));
      g.writeStringField("rationale", r.rationale());
      g.writeStringField("remediation", r.remediation());
      g.writeArrayFieldStart("parameters");
      for (Parameter p : r.parameters()) {
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeStringField("type", typeName(p));
        g.writeStringField("default", p.defaultValue());
        g.writeStringField("description", p.description());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    JsonSupport.finish(g, out);
  }

  private static void markdown(List<RuleMetadata> rules, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# Kubeward rules\n\n");
    sb.append("Generated from the rules' metadata by `kubeward rules --format markdown`; do not edit by hand.\n\n");
    sb.append("| Rule | Title | Severity | Topic | Controls | Profiles |\n");
    sb.append("|------|-------|----------|-------|----------|----------|\n");
    for (RuleMetadata r : rules) {
      sb.append("| [`").append(r.id()).append("`](#").append(r.id()).append(") | ").append(cell(r.title()))
          .append(" | ").append(r.severity()).append(" | ").append(r.topic().id()).append(" | ")
          .append(joined(quoted(r.controls()), ", ")).append(" | ").append(joined(profilesOf(r), ", "))
          .append(" |\n");
    }
    cisSections(rules, sb);
    for (RuleMetadata r : rules) {
      sb.append("\n## ").append(r.id()).append("\n\n");
      sb.append("**").append(r.title()).append("**: severity ").append(r.severity())
          .append(", topic `").append(r.topic().id()).append("`, controls ").append(joined(quoted(r.controls()), ", "))
          .append(", profiles ").append(joined(profilesOf(r), ", ")).append(", looks at ")
          .append(joined(kindsOf(r), ", ")).append(", since ").append(r.since()).append('.');
      if (r.optIn()) {
        sb.append(" Opt-in: not in the `recommended` profile.");
      }
      sb.append("\n\n").append(r.rationale()).append("\n\n");
      sb.append("Remediation: ").append(r.remediation()).append('\n');
      if (!r.parameters().isEmpty()) {
        sb.append("\n| Parameter | Type | Default | Description |\n");
        sb.append("|-----------|------|---------|-------------|\n");
        for (Parameter p : r.parameters()) {
          sb.append("| `").append(p.name()).append("` | ").append(typeName(p)).append(" | ")
              .append(p.defaultValue().isEmpty() ? "empty" : "`" + cell(p.defaultValue()) + "`").append(" | ")
              .append(cell(p.description())).append(" |\n");
        }
      }
    }
    out.write(sb.toString());
  }

  /** The sections of the CIS Kubernetes Benchmark, in Kubeward's words. */
  private static final Map<String, String> CIS_SECTIONS = Map.ofEntries(
      Map.entry("1.1", "Control plane configuration files"), Map.entry("1.2", "API server"),
      Map.entry("1.3", "Controller manager"), Map.entry("1.4", "Scheduler"), Map.entry("2", "etcd"),
      Map.entry("3.1", "Authentication and authorization"), Map.entry("3.2", "Logging"),
      Map.entry("4.1", "Worker node configuration files"), Map.entry("4.2", "Kubelet"),
      Map.entry("4.3", "kube-proxy"), Map.entry("5.1", "RBAC and service accounts"),
      Map.entry("5.2", "Pod security standards"), Map.entry("5.3", "Network policies and CNI"),
      Map.entry("5.4", "Secrets management"), Map.entry("5.5", "Extensible admission control"),
      Map.entry("5.6", "General policies"));

  /**
   * The rules that cite a recommendation of the CIS Kubernetes Benchmark, by section and
   * recommendation, in benchmark order; nothing when no rule cites one.
   */
  private static void cisSections(List<RuleMetadata> rules, StringBuilder sb) {
    Map<String, List<String>> byControl = new LinkedHashMap<>();
    for (String id : Controls.cisK8s().keySet()) {
      for (RuleMetadata r : rules) {
        if (r.controls().contains("cis-k8s:" + id)) {
          byControl.computeIfAbsent(id, k -> new ArrayList<>()).add("[`" + r.id() + "`](#" + r.id() + ")");
        }
      }
    }
    if (byControl.isEmpty()) {
      return;
    }
    sb.append("\n## By CIS Kubernetes Benchmark section\n\n");
    sb.append("The rules citing a recommendation of the CIS Kubernetes Benchmark ").append(Controls.CIS_K8S_VERSION)
        .append(".\n");
    String section = null;
    for (Map.Entry<String, List<String>> e : byControl.entrySet()) {
      String id = e.getKey();
      String[] parts = id.split("\\.");
      String s = parts.length > 2 ? parts[0] + "." + parts[1] : parts[0];
      if (!s.equals(section)) {
        section = s;
        String name = CIS_SECTIONS.get(s);
        sb.append("\n### ").append(s).append(name == null ? "" : " " + name).append("\n\n");
        sb.append("| CIS | Recommendation | Rules |\n");
        sb.append("|-----|----------------|-------|\n");
      }
      sb.append("| ").append(id).append(" | ").append(cell(Controls.cisK8sTitle(id))).append(" | ")
          .append(String.join(", ", e.getValue())).append(" |\n");
    }
  }

  private static List<String> quoted(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.add("`" + v + "`");
    }
    return out;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String joined(List<String> values, String separator) {
    return values.isEmpty() ? "-" : String.join(separator, values);
  }

  /** The type of a parameter as the catalogue shows it: int, boolean, string or list. */
  public static String typeName(Parameter p) {
    switch (p.type()) {
      case INT:
        return "int";
      case BOOLEAN:
        return "boolean";
      case STRING:
        return "string";
      default:
        return "list";
    }
  }
}
