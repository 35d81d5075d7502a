/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ResourceRef;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadResult;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.report.JsonText;
import dev.kubeward.report.TextReportWriter;
import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.PssVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code kubeward pss plan}: for each namespace of the manifests, the strictest Pod Security level
 * that all its workloads pass at the planned version, and what the next level would reject, with
 * the finding for each workload, so a team can raise its {@code enforce} label safely. The Pod
 * Security Standards checks are the catalogue's own rules of the {@code pss-baseline} and
 * {@code pss-restricted} profiles.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Plans a Pod Security Admission rollout: for each namespace, the strictest level (privileged,",
      "baseline, restricted) all its workloads pass at the given version, its current enforce label,",
      "and the workloads the next level would reject, each with its findings."},
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the plan was made",
      "  2  usage error, or input that could not be fully checked"})
final class PssPlanCommand implements Callable<Integer> {

  private static final String LABEL = "pod-security.kubernetes.io/enforce";

  private final Environment env;
  private final PrintWriter out;
  private final PrintWriter err;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "files or directories (*.yaml, *.yml, *.json, recursively), or - for standard input;"
          + " default: the current directory")
  private List<String> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text)")
  private String format = "text";

  @Option(names = "--pss-version", paramLabel = "V", converter = Converters.Version.class,
      description = "the Pod Security Standards version to plan for: latest or v1.N (default: latest)")
  private PssVersion pssVersion = PssVersion.LATEST;

  @Option(names = "--default-namespace", paramLabel = "NS", converter = Converters.Namespace.class,
      description = "the namespace of objects that set none (default: default)")
  private String defaultNamespace;

  PssPlanCommand(Environment env, PrintWriter out, PrintWriter err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  /** {@code kubeward pss} with its {@code plan} subcommand, for {@link Main}. */
  @Command(name = "pss", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Pod Security Standards questions.")
  static final class Group implements Callable<Integer> {
    private final PrintWriter err;

    Group(PrintWriter err) {
      this.err = err;
    }

    @Override
    public Integer call() {
      err.println("kubeward: no pss command given (see 'kubeward pss --help')");
      return 2;
    }
  }

  /** The {@code pss} command line with {@code plan} under it. */
  static CommandLine commandLine(Environment env, PrintWriter out, PrintWriter err) {
    return new CommandLine(new Group(err)).addSubcommand(new PssPlanCommand(env, out, err));
  }

  /** One workload the next level would reject, with its findings at that level. */
  record Rejected(Resource workload, List<Finding> findings) {}

  /** The plan of one namespace. */
  record Plan(String namespace, String enforce, PssLevel level, int workloads, PssLevel next, List<Rejected> rejected) {}

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json");
    }
    List<String> inputs = inputs();
    Kubeward baseline = scanner(Profile.PSS_BASELINE);
    Kubeward restricted = scanner(Profile.PSS_RESTRICTED);
    LoadResult loaded = baseline.loader().load(inputs, env.stdin());
    Inventory inventory = Inventory.of(loaded.resources(),
        defaultNamespace == null ? Inventory.DEFAULT_NAMESPACE : defaultNamespace);
    Map<String, List<Finding>> failBaseline = byWorkload(baseline.scan(loaded, inventory));
    Map<String, List<Finding>> failRestricted = byWorkload(restricted.scan(loaded, inventory));
    List<Plan> plans = plan(inventory, failBaseline, failRestricted);
    if (format.equals("json")) {
      writeJson(plans, loaded.errors());
    } else {
      writeText(plans);
    }
    out.flush();
    for (LoadError e : loaded.errors()) {
      err.println("kubeward: " + TextReportWriter.oneLine(e.toString()));
    }
    return loaded.errors().isEmpty() ? 0 : 2;
  }

  private Kubeward scanner(Profile profile) {
    Kubeward.Builder builder = Kubeward.builder().profile(profile).pssVersion(pssVersion);
    if (defaultNamespace != null) {
      builder.defaultNamespace(defaultNamespace);
    }
    return Main.build(env, Plugins.none(), builder);
  }

  /** The active findings of {@code report}, by the identity of their resource. */
  private static Map<String, List<Finding>> byWorkload(ScanReport report) {
    Map<String, List<Finding>> out = new LinkedHashMap<>();
    for (Finding f : report.activeFindings()) {
      out.computeIfAbsent(f.resource().identity(), k -> new ArrayList<>()).add(f);
    }
    return out;
  }

  private static List<Plan> plan(Inventory inventory, Map<String, List<Finding>> failBaseline,
      Map<String, List<Finding>> failRestricted) {
    Map<String, List<Resource>> workloads = new TreeMap<>();
    for (Resource ns : inventory.ofKind(GroupKind.NAMESPACE)) {
      if (ns.name() != null) {
        workloads.computeIfAbsent(ns.name(), k -> new ArrayList<>());
      }
    }
    for (Resource w : inventory.workloads()) {
      workloads.computeIfAbsent(inventory.namespaceOf(w), k -> new ArrayList<>()).add(w);
    }
    List<Plan> plans = new ArrayList<>();
    for (Map.Entry<String, List<Resource>> e : workloads.entrySet()) {
      List<Rejected> atBaseline = new ArrayList<>();
      List<Rejected> atRestricted = new ArrayList<>();
      for (Resource w : e.getValue()) {
        String id = ResourceRef.of(w).identity();
        List<Finding> b = failBaseline.get(id);
        List<Finding> r = failRestricted.get(id);
        if (b != null) {
          atBaseline.add(new Rejected(w, b));
        }
        if (r != null) {
          atRestricted.add(new Rejected(w, r));
        }
      }
      PssLevel level = !atBaseline.isEmpty() ? PssLevel.PRIVILEGED
          : !atRestricted.isEmpty() ? PssLevel.BASELINE : PssLevel.RESTRICTED;
      PssLevel next = level == PssLevel.PRIVILEGED ? PssLevel.BASELINE
          : level == PssLevel.BASELINE ? PssLevel.RESTRICTED : null;
      List<Rejected> rejected = next == PssLevel.BASELINE ? atBaseline
          : next == PssLevel.RESTRICTED ? atRestricted : List.of();
      String enforce = inventory.namespaceLabels(e.getKey()).get(LABEL);
      plans.add(new Plan(e.getKey(), enforce, level, e.getValue().size(), next, rejected));
    }
    return plans;
  }

  private void writeText(List<Plan> plans) {
    String version = pssVersion.toString();
    for (Plan p : plans) {
      out.println("namespace " + p.namespace() + ": " + p.level().id() + " at " + version
          + " is the strictest level " + (p.workloads() == 1 ? "its workload passes" : p.workloads() == 0
              ? "(no workloads)" : "its " + p.workloads() + " workloads pass") + "; enforce label: "
          + (p.enforce() == null ? "none" : p.enforce()));
      if (p.next() != null) {
        out.println("  at " + p.next().id() + ", " + count(p.rejected().size(), "workload")
            + " would be rejected (for a template, the Pods it creates):");
        for (Rejected r : p.rejected()) {
          out.println("    " + r.workload().displayName());
          for (Finding f : r.findings()) {
            out.println("      " + f.file() + ":" + f.line() + ":" + f.column() + ": " + f.message() + " [" + f.rule() + "]");
          }
        }
      }
    }
    if (plans.isEmpty()) {
      out.println("no namespace and no workload found");
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private void writeJson(List<Plan> plans, List<LoadError> errors) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\n  \"schemaVersion\": 1,\n  \"pssVersion\": ").append(JsonText.quote(pssVersion.toString()))
        .append(",\n  \"namespaces\": [");
    for (int i = 0; i < plans.size(); i++) {
      Plan p = plans.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append("    {\"namespace\": ").append(JsonText.quote(p.namespace()))
          .append(", \"enforce\": ").append(p.enforce() == null ? "null" : JsonText.quote(p.enforce()))
          .append(", \"level\": ").append(JsonText.quote(p.level().id()))
          .append(", \"version\": ").append(JsonText.quote(pssVersion.toString()))
          .append(", \"workloads\": ").append(p.workloads())
          .append(", \"nextLevel\": ").append(p.next() == null ? "null" : JsonText.quote(p.next().id()))
          .append(", \"rejectedAtNextLevel\": [");
      for (int j = 0; j < p.rejected().size(); j++) {
        Rejected r = p.rejected().get(j);
        Resource w = r.workload();
        sb.append(j == 0 ? "\n" : ",\n").append("      {\"kind\": ").append(JsonText.quote(w.kind()))
            .append(", \"namespace\": ").append(JsonText.quote(p.namespace()))
            .append(", \"name\": ").append(w.name() == null ? "null" : JsonText.quote(w.name()))
            .append(", \"file\": ").append(JsonText.quote(w.source().name()))
            .append(", \"line\": ").append(w.line())
            .append(", \"findings\": [");
        for (int k = 0; k < r.findings().size(); k++) {
          Finding f = r.findings().get(k);
          sb.append(k == 0 ? "\n" : ",\n").append("        {\"rule\": ").append(JsonText.quote(f.rule()))
              .append(", \"controls\": [");
          for (int c = 0; c < f.controls().size(); c++) {
            sb.append(c == 0 ? "" : ", ").append(JsonText.quote(f.controls().get(c)));
          }
          sb.append("], \"message\": ").append(JsonText.quote(f.message()))
              .append(", \"file\": ").append(JsonText.quote(f.file()))
              .append(", \"line\": ").append(f.line())
              .append(", \"column\": ").append(f.column())
              .append(", \"path\": ").append(JsonText.quote(f.path())).append('}');
        }
        sb.append(r.findings().isEmpty() ? "]}" : "\n      ]}");
      }
      sb.append(p.rejected().isEmpty() ? "]}" : "\n    ]}");
    }
    sb.append(plans.isEmpty() ? "],\n" : "\n  ],\n").append("  \"errors\": [");
    for (int i = 0; i < errors.size(); i++) {
      LoadError e = errors.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append("    {\"file\": ").append(JsonText.quote(e.file()))
          .append(", \"line\": ").append(e.line()).append(", \"column\": ").append(e.column())
          .append(", \"message\": ").append(JsonText.quote(e.message())).append('}');
    }
    sb.append(errors.isEmpty() ? "]\n}" : "\n  ]\n}");
    out.println(sb);
  }


  private List<String> inputs() {
    if (paths.isEmpty()) {
      return List.of(env.currentDirectory());
    }
    List<String> inputs = new ArrayList<>();
    for (String path : paths) {
      if (path.isEmpty()) {
        throw new UsageException("an empty path was given");
      }
      inputs.add(path.equals("-") ? path : env.resolve(path));
    }
    return inputs;
  }
}
