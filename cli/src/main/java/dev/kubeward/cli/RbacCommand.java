/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.engine.Configuration;
import dev.kubeward.engine.ConfigurationFile;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadLimits;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.model.WorkloadKinds;
import dev.kubeward.report.TextReportWriter;
import dev.kubeward.rules.rbac.access.AccessModel;
import dev.kubeward.rules.rbac.access.Grant;
import dev.kubeward.rules.rbac.access.PathStep;
import dev.kubeward.rules.rbac.access.PolicyRule;
import dev.kubeward.rules.rbac.access.Subject;
import dev.kubeward.rules.rbac.access.WhoCan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward rbac who-can} and {@code kubeward rbac permissions}: questions to the RBAC graph
 * of the manifests, answered with the paths that grant each permission, as text or as JSON
 * (schema version 1, documented in the README).
 */
@Command(
    name = "rbac",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Asks the RBAC objects of the manifests (with the API server's built-in roles) who can do what.")
final class RbacCommand implements Callable<Integer> {

  private final PrintWriter err;

  private RbacCommand(PrintWriter err) {
    this.err = err;
  }

  /** The {@code rbac} command with its subcommands, ready for {@code addSubcommand}. */
  static CommandLine commandLine(Environment env, PrintWriter out, PrintWriter err) {
    CommandLine rbac = new CommandLine(new RbacCommand(err));
    rbac.addSubcommand(new WhoCanCommand(env, out, err));
    rbac.addSubcommand(new PermissionsCommand(env, out, err));
    return rbac;
  }

  @Override
  public Integer call() {
    err.println("kubeward: rbac needs a command: who-can or permissions (see 'kubeward rbac --help')");
    return Main.USAGE;
  }

  /** Options and loading shared by both questions. */
  abstract static class Question implements Callable<Integer> {
    final Environment env;
    final PrintWriter out;
    final PrintWriter err;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
    String format = "text";

    @Option(names = "--default-namespace", paramLabel = "NS", converter = Converters.Namespace.class,
        description = "the namespace of objects that set none (default: the configuration's, else default)")
    String defaultNamespace;

    @Option(names = "--config", paramLabel = "FILE",
        description = "a configuration file, for its defaultNamespace and workloadKinds")
    String config;

    List<String> paths = new ArrayList<>();

    private boolean partial;

    Question(Environment env, PrintWriter out, PrintWriter err) {
      this.env = env;
      this.out = out;
      this.err = err;
    }

    boolean json() {
      if (format.equals("json")) {
        return true;
      }
      if (format.equals("text")) {
        return false;
      }
      throw new UsageException("unknown format '" + format + "' (expected text or json)");
    }

    AccessModel load() {
      List<String> inputs = new ArrayList<>();
      if (paths.isEmpty()) {
        inputs.add(env.currentDirectory());
      }
      for (String path : paths) {
        if (path.isEmpty()) {
          throw new UsageException("an empty path was given");
        }
        inputs.add(path.equals("-") ? path : env.resolve(path));
      }
      Configuration configuration = Configuration.empty();
      if (config != null) {
        try {
          configuration = ConfigurationFile.read(Path.of(env.resolve(config)));
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
      }
      String namespace = defaultNamespace != null ? defaultNamespace : configuration.defaultNamespace();
      Loader loader = Loader.of(LoadLimits.DEFAULTS, WorkloadKinds.builtInWith(configuration.workloadKinds()));
      LoadResult loaded = loader.load(inputs, env.stdin());
      for (LoadError e : loaded.errors()) {
        err.println("kubeward: " + TextReportWriter.oneLine(e.toString()));
      }
      partial = !loaded.errors().isEmpty();
      Inventory inventory = namespace == null ? Inventory.of(loaded.resources())
          : Inventory.of(loaded.resources(), namespace);
      return AccessModel.of(inventory);
    }

    int exitCode() {
      out.flush();
      return partial ? Main.USAGE : 0;
    }
  }

  @Command(
      name = "who-can",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      sortOptions = false,
      description = {"Lists the subjects that may VERB RESOURCE, each with the paths that grant it and the workloads"
          + " that run as it.",
          "With --namespace: in that namespace (its RoleBindings and the ClusterRoleBindings); without: in every"
              + " namespace and on cluster-scoped resources (ClusterRoleBindings only)."})
  static final class WhoCanCommand extends Question {

    @Parameters(index = "0", paramLabel = "VERB", description = "get, list, create, escalate... (any verb)")
    String verb;

    @Parameters(index = "1", paramLabel = "RESOURCE[/SUBRESOURCE]", description = "secrets, pods/exec...")
    String resource;

    @Option(names = "--api-group", paramLabel = "G", description = "the API group (default: the core group)")
    String apiGroup = "";

    @Option(names = {"--namespace", "-n"}, paramLabel = "NS", description = "ask about this namespace")
    String namespace;

    @Option(names = "--resource-name", paramLabel = "N", description = "ask about the object of this name")
    String resourceName;

    @Parameters(paramLabel = "PATH", arity = "0..*", index = "2..*",
        description = "files or directories (*.yaml, *.yml, *.json, recursively), or - for standard input;"
            + " default: the current directory")
    List<String> inputs = new ArrayList<>();

    WhoCanCommand(Environment env, PrintWriter out, PrintWriter err) {
      super(env, out, err);
    }

    @Override
    public Integer call() {
      paths = inputs;
      boolean json = json();
      if (verb.isBlank()) {
        throw new UsageException("the verb must not be empty");
      }
      String res = resource;
      String sub = null;
      int slash = resource.indexOf('/');
      if (slash >= 0) {
        res = resource.substring(0, slash);
        sub = resource.substring(slash + 1);
        if (sub.isEmpty() || sub.indexOf('/') >= 0) {
          throw new UsageException("a resource is RESOURCE or RESOURCE/SUBRESOURCE, not '" + resource + "'");
        }
      }
      if (res.isEmpty()) {
        throw new UsageException("the resource must not be empty");
      }
      if (namespace != null && namespace.isEmpty()) {
        throw new UsageException("--namespace must not be empty");
      }
      WhoCan.Query query = new WhoCan.Query(verb, res, sub, apiGroup, namespace, resourceName);
      List<WhoCan.Answer> answers = load().whoCan(query);
      if (json) {
        Json j = new Json();
        j.raw("{\"schemaVersion\":1,\"query\":{\"verb\":").str(query.verb()).raw(",\"resource\":").str(query.resource())
            .raw(",\"subresource\":").str(query.subresource()).raw(",\"apiGroup\":").str(query.apiGroup())
            .raw(",\"namespace\":").str(query.namespace()).raw(",\"resourceName\":").str(query.resourceName())
            .raw("},\"subjects\":[");
        for (int i = 0; i < answers.size(); i++) {
          WhoCan.Answer a = answers.get(i);
          j.raw(i == 0 ? "{" : ",{");
          j.subjectFields(a.subject()).raw(",\"paths\":");
          j.paths(a.paths());
          j.raw(",\"workloads\":[");
          for (int w = 0; w < a.workloads().size(); w++) {
            Resource r = a.workloads().get(w);
            j.raw(w == 0 ? "" : ",").object(r.kind(), r.namespace(), r.name());
          }
          j.raw("]}");
        }
        out.println(j.raw("]}"));
      } else {
        String what = verb + " " + resource + (apiGroup.isEmpty() ? "" : " (" + apiGroup + ")")
            + (resourceName == null ? "" : " named " + resourceName)
            + (namespace == null ? " cluster-wide" : " in namespace " + namespace);
        out.println(answers.isEmpty() ? "No subject can " + what : "Who can " + what + ":");
        for (WhoCan.Answer a : answers) {
          out.println("  " + a.subject().displayName());
          for (List<PathStep> path : a.paths()) {
            out.println("    via " + Json.describe(path));
          }
          for (Resource w : a.workloads()) {
            out.println("    runs " + w.displayName());
          }
        }
      }
      return exitCode();
    }
  }

  @Command(
      name = "permissions",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      sortOptions = false,
      description = "Lists every rule a subject holds, where it applies and the paths that grant it.")
  static final class PermissionsCommand extends Question {

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "serviceaccount:NS:NAME, user:NAME or group:NAME")
    String subject;

    @Parameters(paramLabel = "PATH", arity = "0..*", index = "1..*",
        description = "files or directories (*.yaml, *.yml, *.json, recursively), or - for standard input;"
            + " default: the current directory")
    List<String> inputs = new ArrayList<>();

    PermissionsCommand(Environment env, PrintWriter out, PrintWriter err) {
      super(env, out, err);
    }

    private record Key(PolicyRule rule, String namespace) {}

    @Override
    public Integer call() {
      paths = inputs;
      boolean json = json();
      Subject who;
      try {
        who = Subject.parse(subject);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage() + ", not '" + subject + "'");
      }
      Map<Key, Map<String, List<PathStep>>> rules = new LinkedHashMap<>();
      for (Grant g : load().grantsOf(who)) {
        List<PathStep> path = g.path();
        rules.computeIfAbsent(new Key(g.rule(), g.namespace()), k -> new LinkedHashMap<>())
            .putIfAbsent(Json.describe(path), path);
      }
      if (json) {
        Json j = new Json();
        j.raw("{\"schemaVersion\":1,\"subject\":{").subjectFields(who).raw("},\"rules\":[");
        int i = 0;
        for (Map.Entry<Key, Map<String, List<PathStep>>> e : rules.entrySet()) {
          PolicyRule r = e.getKey().rule();
          j.raw(i++ == 0 ? "{" : ",{").raw("\"apiGroups\":").strs(r.apiGroups()).raw(",\"resources\":")
              .strs(r.resources()).raw(",\"resourceNames\":").strs(r.resourceNames()).raw(",\"nonResourceURLs\":")
              .strs(r.nonResourceURLs()).raw(",\"verbs\":").strs(r.verbs()).raw(",\"namespace\":")
              .str(e.getKey().namespace()).raw(",\"paths\":");
          j.paths(new ArrayList<>(e.getValue().values()));
          j.raw("}");
        }
        out.println(j.raw("]}"));
      } else {
        out.println(rules.isEmpty() ? who.displayName() + " holds no permission" : who.displayName() + " may:");
        for (Map.Entry<Key, Map<String, List<PathStep>>> e : rules.entrySet()) {
          String ns = e.getKey().namespace();
          out.println("  " + e.getKey().rule() + (ns == null ? " cluster-wide" : " in namespace " + ns));
          for (String path : e.getValue().keySet()) {
            out.println("    via " + path);
          }
        }
      }
      return exitCode();
    }
  }

  /** A small JSON writer for the two answers. */
  static final class Json {
    private final StringBuilder sb = new StringBuilder();

    Json raw(String s) {
      sb.append(s);
      return this;
    }

    Json str(String s) {
      if (s == null) {
        sb.append("null");
        return this;
      }
      sb.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          default -> {
            if (c < 0x20) {
              sb.append(String.format("\\u%04x", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
      sb.append('"');
      return this;
    }

    Json strs(List<String> values) {
      sb.append('[');
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        str(values.get(i));
      }
      sb.append(']');
      return this;
    }

    Json object(String kind, String namespace, String name) {
      raw("{\"kind\":").str(kind);
      if (namespace != null) {
        raw(",\"namespace\":").str(namespace);
      }
      return raw(",\"name\":").str(name).raw("}");
    }

    Json subjectFields(Subject s) {
      raw("\"kind\":").str(s.kind());
      if (s.namespace() != null) {
        raw(",\"namespace\":").str(s.namespace());
      }
      return raw(",\"name\":").str(s.name());
    }

    Json paths(List<List<PathStep>> paths) {
      raw("[");
      for (int p = 0; p < paths.size(); p++) {
        raw(p == 0 ? "[" : ",[");
        List<PathStep> path = paths.get(p);
        for (int s = 0; s < path.size(); s++) {
          PathStep step = path.get(s);
          raw(s == 0 ? "" : ",").object(step.kind(), step.namespace(), step.name());
        }
        raw("]");
      }
      return raw("]");
    }

    static String describe(List<PathStep> path) {
      StringBuilder sb = new StringBuilder();
      for (PathStep step : path) {
        if (sb.length() > 0) {
          sb.append(" -> ");
        }
        sb.append(step.displayName());
        if (step.builtIn()) {
          sb.append(" (built-in)");
        }
      }
      return sb.toString();
    }

    @Override
    public String toString() {
      return sb.toString();
    }
  }
}
