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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward scan}: loads manifests, runs the selected rules and writes a report. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Scans manifests and reports security problems with their exact positions.",
      "Reads .kubeward.yaml from the current directory unless --config is given.",
      "Loads plugins given with --plugin, in KUBEWARD_PLUGIN_PATH or in a file given with --config,",
      "never those named in a .kubeward.yaml found on its own."},
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  nothing at or above --fail-on",
      "  1  findings at or above --fail-on",
      "  2  usage error, or input that could not be fully checked"})
final class ScanCommand implements Callable<Integer> {

  /** The configuration file looked for in the current directory. */
  static final String DEFAULT_CONFIG = ".kubeward.yaml";

  /** The most threads {@code --threads} accepts: far more than a scan can use, far fewer than exhaust a machine. */
  static final int MAX_THREADS = 256;

  private final Environment env;
  private final PrintWriter out;
  private final PrintWriter err;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "files or directories (*.yaml, *.yml, *.json, recursively), or - for standard input;"
          + " default: the current directory")
  private List<String> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", converter = Converters.Format.class,
      description = "text, json, sarif or junit (default: text)")
  private ReportFormat format = ReportFormat.TEXT;

  @Option(names = "--output", paramLabel = "FILE", description = "write the report to FILE instead of standard output")
  private String output;

  @Option(names = "--config", paramLabel = "FILE", description = "the configuration file (default: ./" + DEFAULT_CONFIG
      + " if it exists)")
  private String config;

  @Option(names = "--profile", paramLabel = "NAME", converter = Converters.ProfileName.class,
      description = "recommended, pss-baseline, pss-restricted, cis or all (default: recommended)")
  private Profile profile;

  @Option(names = "--kube-version", paramLabel = "V", converter = Converters.KubeVersionName.class,
      description = "the Kubernetes version the manifests are for: v1.N (default: what an object says of itself,"
          + " such as a kube-apiserver image tag, else the newest known)")
  private KubeVersion kubeVersion;

  @Option(names = "--pss-version", paramLabel = "V", converter = Converters.Version.class,
      description = "the Pod Security Standards version: latest or v1.N (default: that of --kube-version, else latest)")
  private PssVersion pssVersion;

  @Option(names = "--default-namespace", paramLabel = "NS", converter = Converters.Namespace.class,
      description = "the namespace of objects that set none, as kubectl apply -n NS would place them (default: default)")
  private String defaultNamespace;

  @Option(names = "--join-scope", paramLabel = "SCOPE", converter = Converters.Scope.class,
      description = "which inputs make one cluster for cross-resource rules: all, argument (each PATH) or directory"
          + " (default: all)")
  private JoinScope joinScope;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = Converters.SeverityName.class,
      description = "exit with 1 for findings at or above: critical, high, medium, low or info (default: low)")
  private Severity failOn = Severity.LOW;

  @Option(names = "--rule", paramLabel = "ID", description = "run only this rule (repeatable)")
  private List<String> onlyRules = new ArrayList<>();

  @Option(names = "--skip-rule", paramLabel = "ID", description = "do not run this rule (repeatable)")
  private List<String> skipRules = new ArrayList<>();

  @Mixin
  private PluginOptions pluginOptions = new PluginOptions();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "leave out of directory walks the files and"
      + " directories GLOB matches: a name anywhere (charts, *.tpl.yaml) or, with a /, a path under the scanned"
      + " directory (deploy/dev/**); repeatable, added to the configuration's exclude list; reports list what it left out")
  private List<String> exclude = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "FILE", description = "accept the findings FILE lists: they stay in the"
      + " report, marked baselined, and only new findings count for the exit code; entries that match nothing are"
      + " listed (default: baseline: in the configuration)")
  private String baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE", description = "write every finding of this scan that is"
      + " not suppressed to FILE, to accept them with --baseline FILE from now on; this scan then counts none of them")
  private String writeBaseline;

  @Option(names = "--allow-empty", description = "succeed when the input holds no Kubernetes object (by default"
      + " that is an error, exit 2: an empty folder or an empty pipe from a failed helm template checks nothing)")
  private boolean allowEmpty;

  @Option(names = "--allow-partial", description = "succeed when documents could be checked only in part: they hold"
      + " template placeholders (findings that depend on them are marked unverified) or are kustomize patches (by"
      + " default that is exit 2, as for input that could not be checked)")
  private boolean allowPartial;

  @Option(names = "--follow-links", description = "follow symbolic links while walking directories, also out of"
      + " them (default: read a link to a file inside the directory, report one that leads out of it)")
  private boolean followLinks;

  @Option(names = "--threads", paramLabel = "N", description = "read files and evaluate rules on N threads; the"
      + " report is the same for every N (default: the number of processors, ${DEFAULT-VALUE} here)")
  private int threads = Runtime.getRuntime().availableProcessors();

  ScanCommand(Environment env, PrintWriter out, PrintWriter err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
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
