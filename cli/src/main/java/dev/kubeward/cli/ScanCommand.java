/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.engine.Baseline;
import dev.kubeward.engine.Configuration;
import dev.kubeward.engine.ConfigurationFile;
import dev.kubeward.engine.JoinScope;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.load.LoadError;
import dev.kubeward.report.JunitReportWriter;
import dev.kubeward.report.ReportFormat;
import dev.kubeward.report.ReportWriter;
import dev.kubeward.report.SarifReportWriter;
import dev.kubeward.report.TextReportWriter;
import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code kubeward scan}: loads manifests, runs the selected rules and writes a report. Its picocli
 * model is built in code, as {@link CommandSpecs} explains; {@link #call()} first reads the parsed
 * values into the fields.
 */
final class ScanCommand implements Callable<Integer> {

  /** The configuration file looked for in the current directory. */
  static final String DEFAULT_CONFIG = ".kubeward.yaml";

  /** The most threads {@code --threads} accepts: far more than a scan can use, far fewer than exhaust a machine. */
  static final int MAX_THREADS = 256;

  private static final String[] DESCRIPTION = {
    "Scans manifests and reports security problems with their exact positions.",
    "Reads .kubeward.yaml from the current directory unless --config is given.",
    "Loads plugins given with --plugin, in KUBEWARD_PLUGIN_PATH or in a file given with --config,",
    "never those named in a .kubeward.yaml found on its own."};

  private static final String PATHS = "files or directories (*.yaml, *.yml, *.json, recursively), or - for"
      + " standard input; default: the current directory";
  private static final String FORMAT = "text, json, sarif or junit (default: text)";
  private static final String OUTPUT = "write the report to FILE instead of standard output";
  private static final String CONFIG = "the configuration file (default: ./" + DEFAULT_CONFIG + " if it exists)";

  private static final String PROFILE = "recommended, pss-baseline, pss-restricted, cis or all (default: recommended)";
  private static final String KUBE_VERSION = "the Kubernetes version the manifests are for: v1.N (default: what an"
      + " object says of itself, such as a kube-apiserver image tag, else the newest known)";
  private static final String PSS_VERSION = "the Pod Security Standards version: latest or v1.N (default: that of"
      + " --kube-version, else latest)";
  private static final String DEFAULT_NAMESPACE = "the namespace of objects that set none, as kubectl apply -n NS"
      + " would place them (default: default)";
  private static final String JOIN_SCOPE = "which inputs make one cluster for cross-resource rules: all, argument"
      + " (each PATH) or directory (default: all)";
  private static final String FAIL_ON = "exit with 1 for findings at or above: critical, high, medium, low or info"
      + " (default: low)";
  private static final String RULE = "run only this rule (repeatable)";
  private static final String SKIP_RULE = "do not run this rule (repeatable)";

  private static final String EXCLUDE = "leave out of directory walks the files and directories GLOB matches: a"
      + " name anywhere (charts, *.tpl.yaml) or, with a /, a path under the scanned directory (deploy/dev/**);"
      + " repeatable, added to the configuration's exclude list; reports list what it left out";
  private static final String BASELINE = "accept the findings FILE lists: they stay in the report, marked"
      + " baselined, and only new findings count for the exit code; entries that match nothing are listed"
      + " (default: baseline: in the configuration)";
  private static final String WRITE_BASELINE = "write every finding of this scan that is not suppressed to FILE,"
      + " to accept them with --baseline FILE from now on; this scan then counts none of them";
  private static final String ALLOW_EMPTY = "succeed when the input holds no Kubernetes object (by default that is"
      + " an error, exit 2: an empty folder or an empty pipe from a failed helm template checks nothing)";
  private static final String ALLOW_PARTIAL = "succeed when documents could be checked only in part: they hold"
      + " template placeholders (findings that depend on them are marked unverified) or are kustomize patches (by"
      + " default that is exit 2, as for input that could not be checked)";

  private static final String FOLLOW_LINKS = "follow symbolic links while walking directories, also out of them"
      + " (default: read a link to a file inside the directory, report one that leads out of it)";
  private static final String THREADS = "read files and evaluate rules on N threads; the report is the same for"
      + " every N (default: the number of processors, ${DEFAULT-VALUE} here)";

  private final Environment env;
  private final PrintWriter out;
  private final PrintWriter err;
  private final CommandSpec spec;

  // The command line of this run, read from the spec by call().
  private List<String> paths;
  private ReportFormat format;
  private String output;
  private String config;
  private Profile profile;
  private KubeVersion kubeVersion;
  private PssVersion pssVersion;
  private String defaultNamespace;
  private JoinScope joinScope;
  private Severity failOn;
  private List<String> onlyRules;
  private List<String> skipRules;
  private PluginOptions pluginOptions;
  private List<String> exclude;
  private String baseline;
  private String writeBaseline;
  private boolean allowEmpty;
  private boolean allowPartial;
  private boolean followLinks;
  private int threads;

  private ScanCommand(Environment env, PrintWriter out, PrintWriter err) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.spec = CommandSpecs.command("scan", this, DESCRIPTION);
    spec.usageMessage().sortOptions(false);
    addInputAndOutput(spec);
    addRuleSelection(spec);
    spec.addOption(PluginOptions.option());
    addAcceptance(spec);
    addReading(spec);
    CommandSpecs.withHelpOptions(spec);
  }

  /** {@code kubeward scan}, writing its report to {@code out} and problems to {@code err}. */
  static CommandSpec command(Environment env, PrintWriter out, PrintWriter err) {
    return new ScanCommand(env, out, err).spec;
  }

  /** What is read and where the report goes: {@code PATH...}, {@code --format}, {@code --output}, {@code --config}. */
  private static void addInputAndOutput(CommandSpec spec) {
    spec.addPositional(PositionalParamSpec.builder().paramLabel("PATH").arity("0..*").type(List.class)
        .auxiliaryTypes(String.class).initialValue(List.of()).description(PATHS).build());
    spec.addOption(CommandSpecs.option("--format", "FORMAT", FORMAT).type(ReportFormat.class)
        .converters(new Converters.Format()).initialValue(ReportFormat.TEXT).build());
    spec.addOption(CommandSpecs.string("--output", "FILE", OUTPUT));
    spec.addOption(CommandSpecs.string("--config", "FILE", CONFIG));
  }

  /** Which rules run, for which versions, and which findings fail the scan. */
  private static void addRuleSelection(CommandSpec spec) {
    spec.addOption(CommandSpecs.option("--profile", "NAME", PROFILE).type(Profile.class)
        .converters(new Converters.ProfileName()).build());
    spec.addOption(CommandSpecs.option("--kube-version", "V", KUBE_VERSION).type(KubeVersion.class)
        .converters(new Converters.KubeVersionName()).build());
    spec.addOption(CommandSpecs.option("--pss-version", "V", PSS_VERSION).type(PssVersion.class)
        .converters(new Converters.Version()).build());
    spec.addOption(CommandSpecs.option("--default-namespace", "NS", DEFAULT_NAMESPACE).type(String.class)
        .converters(new Converters.Namespace()).build());
    spec.addOption(CommandSpecs.option("--join-scope", "SCOPE", JOIN_SCOPE).type(JoinScope.class)
        .converters(new Converters.Scope()).build());
    spec.addOption(CommandSpecs.option("--fail-on", "SEVERITY", FAIL_ON).type(Severity.class)
        .converters(new Converters.SeverityName()).initialValue(Severity.LOW).build());
    spec.addOption(CommandSpecs.repeatable("--rule", "ID", RULE));
    spec.addOption(CommandSpecs.repeatable("--skip-rule", "ID", SKIP_RULE));
  }

  /** Which inputs and findings are accepted: exclusions, baselines, empty and partial input. */
  private static void addAcceptance(CommandSpec spec) {
    spec.addOption(CommandSpecs.repeatable("--exclude", "GLOB", EXCLUDE));
    spec.addOption(CommandSpecs.string("--baseline", "FILE", BASELINE));
    spec.addOption(CommandSpecs.string("--write-baseline", "FILE", WRITE_BASELINE));
    spec.addOption(CommandSpecs.flag("--allow-empty", ALLOW_EMPTY));
    spec.addOption(CommandSpecs.flag("--allow-partial", ALLOW_PARTIAL));
  }

  /** How files are read: {@code --follow-links} and {@code --threads}. */
  private static void addReading(CommandSpec spec) {
    spec.addOption(CommandSpecs.flag("--follow-links", FOLLOW_LINKS));
    spec.addOption(CommandSpecs.option("--threads", "N", THREADS).type(int.class)
        .initialValue(Runtime.getRuntime().availableProcessors()).build());
  }

  /** Sets the fields from the parsed command line; an option not given has its initial value. */
  private void read() {
    paths = spec.positionalParameters().get(0).getValue();
    format = value("--format");
    output = value("--output");
    config = value("--config");
    profile = value("--profile");
    kubeVersion = value("--kube-version");
    pssVersion = value("--pss-version");
    defaultNamespace = value("--default-namespace");
    joinScope = value("--join-scope");
    failOn = value("--fail-on");
    onlyRules = value("--rule");
    skipRules = value("--skip-rule");
    pluginOptions = PluginOptions.of(spec);
    exclude = value("--exclude");
    baseline = value("--baseline");
    writeBaseline = value("--write-baseline");
    allowEmpty = value("--allow-empty");
    allowPartial = value("--allow-partial");
    followLinks = value("--follow-links");
    threads = value("--threads");
  }

  private <T> T value(String option) {
    return spec.findOption(option).getValue();
  }

  @Override
  public Integer call() throws IOException {
    read();
    if (threads < 1 || threads > MAX_THREADS) {
      throw new UsageException("--threads must be between 1 and " + MAX_THREADS);
    }
    List<String> inputs = inputs();
    List<Plugins.Source> configured = new ArrayList<>();
    Configuration configuration = configuration(configured);
    if (!exclude.isEmpty()) {
      try {
        configuration = configuration.toBuilder().exclude(exclude).build();
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    try (Plugins loaded = Plugins.load(pluginOptions.sources(env, configured))) {
      Kubeward scanner = scanner(configuration, loaded);
      return scan(inputs, scanner, writer(scanner, loaded));
    }
  }

  /**
   * The writer of {@code --format}. SARIF locations are relative to the working directory, and the
   * descriptors of the rules this command line ships (not those of plugins) link to their section
   * of the rule documentation; in JUnit XML, findings below {@code --fail-on} pass.
   */
  private ReportWriter writer(Kubeward scanner, Plugins plugins) {
    switch (format) {
      case SARIF:
        Set<String> documented = new HashSet<>();
        for (Rule rule : scanner.rules()) {
          if (plugins.classLoader() == null || rule.getClass().getClassLoader() != plugins.classLoader()) {
            documented.add(rule.metadata().id());
          }
        }
        return SarifReportWriter.relativeTo(Path.of(env.currentDirectory()))
            .withHelpUris(id -> documented.contains(id) ? Project.rulesDocumentation() + "#" + id : null);
      case JUNIT:
        return JunitReportWriter.failingAt(failOn);
      case TEXT:
        return env.colour() && output == null ? TextReportWriter.coloured() : TextReportWriter.plain();
      default:
        return format.writer();
    }
  }

  private int scan(List<String> inputs, Kubeward scanner, ReportWriter writer) throws IOException {
    if (scanner.runsOnlyBuiltInRules() && onlyRules.stream().noneMatch(Kubeward::isBuiltIn)) {
      throw new UsageException("no rule is selected, so nothing would be checked (the options and the"
          + " configuration leave none, or no rules jar is on the class path: see 'kubeward rules')");
    }
    AtomicInteger filesRead = new AtomicInteger();
    ScanReport report;
    try {
      report = scanner.scan(scanner.loader().followingLinks(followLinks).countingFiles(filesRead), inputs, env.stdin());
      if (writeBaseline != null) {
        report = writeBaseline(report);
      }
      if (output == null) {
        writer.write(report, out);
        out.flush();
      } else {
        writeFile(report, writer);
      }
    } catch (OutOfMemoryError | RuntimeException e) {
      if (outOfMemory(e)) {
        out.flush();
        throw new UsageException(outOfMemoryMessage(filesRead.get(), scanner.joinScope() != JoinScope.DIRECTORY));
      }
      throw e;
    }
    if (output != null || format != ReportFormat.TEXT) {
      for (LoadError e : report.errors()) {
        err.println("kubeward: " + TextReportWriter.oneLine(e.toString()));
      }
    }
    if (report.resources() == 0 && report.errors().isEmpty() && !allowEmpty) {
      err.println("kubeward: no Kubernetes object found in " + String.join(", ", inputs.stream()
          .map(i -> i.equals("-") ? "standard input" : i).toList())
          + " (nothing was checked; --allow-empty accepts an empty input)");
      return 2;
    }
    if (!report.partial().isEmpty() && !allowPartial && report.errors().isEmpty()) {
      int n = report.partial().size();
      err.println("kubeward: " + n + (n == 1 ? " document was" : " documents were") + " checked only in part"
          + " (template placeholders or kustomize patches; the report lists them); --allow-partial accepts them");
    }
    return report.exitCode(failOn, allowPartial);
  }

  /** True if {@code e} is, or was caused by, the heap running out (a worker thread's error arrives wrapped). */
  static boolean outOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /**
   * The one line a scan that ran out of heap prints, saying how to give it more; with
   * {@code suggestScope}, also that a narrower join scope makes smaller clusters (objects defined
   * once per project instead of many times in one cluster).
   */
  static String outOfMemoryMessage(int filesRead, boolean suggestScope) {
    return "out of memory after reading " + filesRead + (filesRead == 1 ? " file" : " files")
        + "; raise the heap with KUBEWARD_JAVA_OPTS=-Xmx" + suggestedHeap()
        + (suggestScope ? " or scan with --join-scope directory" : "");
  }

  /** Twice the heap this JVM was given, rounded up to 256 MB (at least 512 MB). */
  private static String suggestedHeap() {
    long max = Runtime.getRuntime().maxMemory();
    long mb = max == Long.MAX_VALUE ? 512 : Math.max(512, (2 * (max >> 20) + 255) / 256 * 256);
    return mb % 1024 == 0 ? (mb / 1024) + "g" : mb + "m";
  }

  private List<String> inputs() {
    if (paths.isEmpty()) {
      return List.of(env.currentDirectory());
    }
    List<String> inputs = new ArrayList<>();
    boolean stdin = false;
    for (String path : paths) {
      if (path.isEmpty()) {
        throw new UsageException("an empty path was given");
      }
      if (path.equals("-")) {
        if (stdin) {
          throw new UsageException("standard input '-' can be given only once");
        }
        stdin = true;
        inputs.add(path);
      } else {
        inputs.add(env.resolve(path));
      }
    }
    return inputs;
  }

  /**
   * The configuration file's settings; the plugins it names are added to {@code plugins} when the
   * file was given with {@code --config}. A file found on its own in the current directory may
   * come with the tree being scanned (a pull request could add a jar and name it), so its plugins
   * are never loaded.
   */
  private Configuration configuration(List<Plugins.Source> plugins) {
    String name;
    Path file;
    if (config != null) {
      name = config;
      file = Path.of(env.resolve(config));
      if (!Files.exists(file)) {
        throw new UsageException("configuration file '" + config + "' does not exist");
      }
    } else {
      name = DEFAULT_CONFIG;
      file = Path.of(env.resolve(DEFAULT_CONFIG));
      if (!Files.exists(file)) {
        return Configuration.empty();
      }
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new UsageException("configuration file '" + name + "' is not valid UTF-8");
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot read configuration file '" + name + "': permission denied");
    } catch (IOException e) {
      throw new UsageException("cannot read configuration file '" + name + "'" + (Files.isDirectory(file)
          ? ": it is a directory" : ""));
    }
    try {
      Configuration configuration = ConfigurationFile.parse(name, text);
      List<String> named = ConfigurationFile.plugins(name, text);
      if (config == null && !named.isEmpty()) {
        err.println("kubeward: warning: " + name + " names plugins, which are loaded only from a configuration file"
            + " given with --config; they are not loaded");
      } else {
        Path directory = file.toAbsolutePath().getParent();
        for (String plugin : named) {
          plugins.add(new Plugins.Source(plugin, directory.resolve(plugin)));
        }
      }
      return configuration;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private Kubeward scanner(Configuration configuration, Plugins plugins) {
    Kubeward.Builder builder = Kubeward.builder().configuration(configuration).threads(threads);
    Path baselineFile = baselineFile(configuration);
    if (baselineFile != null) {
      try {
        builder.baseline(Baseline.read(baselineFile));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (profile != null) {
      builder.profile(profile);
    }
    if (pssVersion != null) {
      builder.pssVersion(pssVersion);
    }
    if (kubeVersion != null) {
      builder.kubeVersion(kubeVersion);
    }
    if (defaultNamespace != null) {
      builder.defaultNamespace(defaultNamespace);
    }
    if (joinScope != null) {
      builder.joinScope(joinScope);
    }
    builder.onlyRules(new LinkedHashSet<>(onlyRules));
    builder.skipRules(new LinkedHashSet<>(skipRules));
    return Main.build(env, plugins, builder);
  }

  /** The baseline to apply: --baseline, else the configuration's (relative to its file), else none. */
  private Path baselineFile(Configuration configuration) {
    if (baseline != null) {
      return Path.of(env.resolve(baseline));
    }
    if (configuration.baseline() == null) {
      return null;
    }
    Path configFile = Path.of(env.resolve(config != null ? config : DEFAULT_CONFIG)).toAbsolutePath();
    return configFile.getParent().resolve(configuration.baseline());
  }

  /** Writes the baseline of {@code report} to {@code --write-baseline}, and returns the report it accepts. */
  private ScanReport writeBaseline(ScanReport report) {
    Baseline written = Baseline.of(report);
    Path file = Path.of(env.resolve(writeBaseline));
    try {
      Files.writeString(file, written.toString(), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException("cannot write baseline to '" + writeBaseline + "': no such directory");
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot write baseline to '" + writeBaseline + "': permission denied");
    } catch (IOException e) {
      throw new UsageException("cannot write baseline to '" + writeBaseline + "'");
    }
    err.println("kubeward: wrote " + written.entries().size() + " finding" + (written.entries().size() == 1 ? "" : "s")
        + " to the baseline " + writeBaseline);
    return Baseline.parse(writeBaseline, written.toString()).apply(report);
  }

  private void writeFile(ScanReport report, ReportWriter reportWriter) throws IOException {
    Path file = Path.of(env.resolve(output));
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      reportWriter.write(report, writer);
    } catch (NoSuchFileException e) {
      throw new UsageException("cannot write report to '" + output + "': no such directory");
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot write report to '" + output + "': permission denied");
    } catch (IOException e) {
      throw new UsageException("cannot write report to '" + output + "'" + (Files.isDirectory(file)
          ? ": it is a directory" : ""));
    }
  }
}
