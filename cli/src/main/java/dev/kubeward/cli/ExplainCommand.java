/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.engine.Kubeward;
import dev.kubeward.report.CatalogueFormat;
import dev.kubeward.rule.Parameter;
import dev.kubeward.rule.RuleMetadata;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kubeward explain RULE-ID}: everything the metadata says about one rule. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Explains one rule: why it matters, how to fix it, how to suppress it.")
final class ExplainCommand implements Callable<Integer> {

  private final Environment env;
  private final PrintWriter out;

  @Parameters(paramLabel = "RULE-ID", description = "the rule id, as listed by 'kubeward rules'")
  private String id;

  @Mixin
  private PluginOptions plugins = new PluginOptions();

  ExplainCommand(Environment env, PrintWriter out) {
    this.env = env;
    this.out = out;
  }

  @Override
  public Integer call() {
    RuleMetadata rule;
    try (Plugins loaded = plugins.load(env)) {
      rule = Main.catalogue(env, loaded).stream()
          .filter(m -> m.id().equals(id))
          .findFirst()
          .orElseThrow(() -> new UsageException("unknown rule '" + id + "' (see 'kubeward rules')"));
    }
    StringBuilder sb = new StringBuilder();
    sb.append(rule.id()).append(": ").append(rule.title()).append("\n\n");
    field(sb, "Severity", rule.severity().name());
    field(sb, "Topic", rule.topic().id());
    field(sb, "Controls", list(rule.controls()));
    field(sb, "Profiles", list(CatalogueFormat.profilesOf(rule)));
    field(sb, "Kinds", list(CatalogueFormat.kindsOf(rule)));
    field(sb, "Since", rule.since());
    sb.append("\nWhy it matters\n  ").append(rule.rationale()).append('\n');
    sb.append("\nHow to fix it\n  ").append(rule.remediation()).append('\n');
    if (!rule.parameters().isEmpty()) {
      sb.append("\nParameters\n");
      for (Parameter p : rule.parameters()) {
        sb.append("  ").append(p.name()).append(" (").append(CatalogueFormat.typeName(p))
            .append(", default ").append(p.defaultValue().isEmpty() ? "empty" : p.defaultValue()).append("): ")
            .append(p.description()).append('\n');
      }
    }
    sb.append("\nTo accept a finding on one object, annotate it:\n")
        .append("  metadata:\n    annotations:\n      ").append(Kubeward.SUPPRESSION_PREFIX).append(rule.id())
        .append(": \"<reason>\"\n");
    out.print(sb);
    return 0;
  }

  private static void field(StringBuilder sb, String name, String value) {
    sb.append("  ").append(name).append(':').append(" ".repeat(11 - name.length())).append(value).append('\n');
  }

  private static String list(List<String> values) {
    return values.isEmpty() ? "-" : String.join(", ", values);
  }
}
