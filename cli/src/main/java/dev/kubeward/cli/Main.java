/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.engine.Profile;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.report.TextReportWriter;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code kubeward} command: {@code scan}, {@code rules}, {@code explain}, {@code --version}
 * and {@code --help}. Exit codes: 0 nothing at or above {@code --fail-on}, 1 findings at or above
 * it, 2 a usage error or input that could not be fully checked. Every problem is reported as one
 * line on standard error; a stack trace is printed only when {@code KUBEWARD_DEBUG} is set. Its
 * picocli model is built in code, as {@link CommandSpecs} explains.
 */
public final class Main implements Callable<Integer> {

  /** Exit code for usage errors and input that could not be checked. */
  static final int USAGE = 2;

  private static final String DESCRIPTION = "Finds security problems in Kubernetes manifests and points at the"
      + " exact line.";

  /** Picocli's list of the built-in converters it leaves out, regular expressions of type names. */
  private static final String CONVERTERS_EXCLUDED = "picocli.converters.excludes";

  /** The commands below {@code kubeward} other than {@code help}. */
  private static final Set<String> COMMANDS = Set.of("scan", "rules", "explain", "network", "rbac", "pss");

  private final PrintWriter err;

  private Main(PrintWriter err) {
    this.err = err;
  }

  /** {@code kubeward} without its commands, reporting a missing command to {@code err}. */
  private static CommandSpec command(PrintWriter err) {
    CommandSpec spec = CommandSpecs.command("kubeward", new Main(err), DESCRIPTION);
    spec.usageMessage().synopsisSubcommandLabel("COMMAND");
    return CommandSpecs.withHelpOptions(spec);
  }

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // Each picocli command line registers converters for the java.sql and java.time types by
    // reflection, which loads and initialises those packages in every process; no option has such a
    // type. A value given with -D is kept.
    if (System.getProperty(CONVERTERS_EXCLUDED) == null) {
      System.setProperty(CONVERTERS_EXCLUDED, "java\\.(sql|time)\\..*");
    }
    System.exit(run(Environment.system(), args));
  }

  /** Runs the command line in {@code env} and returns the exit code. */
  static int run(Environment env, String... args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(env.stdout(), StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(env.stderr(), StandardCharsets.UTF_8));
    try {
      CommandLine cl = new CommandLine(command(err));
      // Picocli reads the annotations of the commands other than scan when they are added, which costs
      // start-up time (reflection, annotation proxies, converters): when the first argument names a
      // command, only that one is added. Everything else (no command, an option, help, an unknown
      // command) sees them all, help first.
      String only = args.length > 0 && COMMANDS.contains(args[0]) ? args[0] : null;
      if (only == null) {
        cl.addSubcommand(new CommandLine.HelpCommand());
      }
      if (only == null || only.equals("scan")) {
        cl.addSubcommand(ScanCommand.command(env, out, err));
      }
      if (only == null || only.equals("rules")) {
        cl.addSubcommand(new RulesCommand(env, out));
      }
      if (only == null || only.equals("explain")) {
        cl.addSubcommand(new ExplainCommand(env, out));
      }
      if (only == null || only.equals("network")) {
        cl.addSubcommand("network", NetworkReachCommand.command(env, out, err));
      }
      if (only == null || only.equals("rbac")) {
        cl.addSubcommand(RbacCommand.commandLine(env, out, err));
      }
      if (only == null || only.equals("pss")) {
        cl.addSubcommand(PssPlanCommand.commandLine(env, out, err));
      }
      cl.setExpandAtFiles(false);
      cl.setOut(out);
      cl.setErr(err);
      cl.setParameterExceptionHandler((e, arguments) -> {
        err.println("kubeward: " + TextReportWriter.oneLine(describe(e)));
        return USAGE;
      });
      cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> fail(env, err, e));
      return cl.execute(args);
    } catch (RuntimeException | Error e) {
      return fail(env, err, e);
    } finally {
      out.flush();
      err.flush();
    }
  }

  @Override
  public Integer call() {
    err.println("kubeward: no command given (see 'kubeward --help')");
    return USAGE;
  }

  private static int fail(Environment env, PrintWriter err, Throwable e) {
    if (e instanceof UsageException) {
      err.println("kubeward: " + TextReportWriter.oneLine(e.getMessage()));
      return USAGE;
    }
    if (ScanCommand.outOfMemory(e)) {
      err.println("kubeward: out of memory; raise the heap with KUBEWARD_JAVA_OPTS=-Xmx... (see 'kubeward scan --help')");
      return USAGE;
    }
    err.println("kubeward: internal error (" + e.getClass().getName() + "); "
        + (env.debug() ? "details follow" : "set KUBEWARD_DEBUG=1 for details"));
    if (env.debug()) {
      e.printStackTrace(err);
    }
    return USAGE;
  }

  /** A one-line message for a command line that could not be parsed. */
  private static String describe(ParameterException e) {
    CommandLine cl = e.getCommandLine();
    String command = cl.getCommandSpec().qualifiedName();
    if (e instanceof UnmatchedArgumentException u && cl.getParent() == null && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '" + u.getUnmatched().get(0) + "' (see 'kubeward --help')";
    }
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid arguments");
    if (!message.isEmpty()) {
      message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
    return message.endsWith(")") ? message : message + " (see '" + command + " --help')";
  }

  /** Every rule known to this run, whatever the profile, in id order. */
  static List<RuleMetadata> catalogue(Environment env) {
    return catalogue(env, Plugins.none());
  }

  /** Every rule known to this run with {@code plugins}, whatever the profile, in id order. */
  static List<RuleMetadata> catalogue(Environment env, Plugins plugins) {
    Kubeward.Builder builder = Kubeward.builder().profile(Profile.ALL);
    return build(env, plugins, builder).rules().stream().map(Rule::metadata).toList();
  }

  /**
   * Builds a scanner with the rules of {@code env} (when a test gives them) or those discovered on
   * the class path and in {@code plugins}.
   *
   * @throws UsageException for a rule, parameter or plugin that the scanner cannot take
   */
  static Kubeward build(Environment env, Plugins plugins, Kubeward.Builder builder) {
    if (env.rules() != null) {
      builder.rules(env.rules().get());
    } else if (plugins.classLoader() != null) {
      builder.classLoader(plugins.classLoader());
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new UsageException("a rule provider could not be loaded (" + e.getClass().getSimpleName() + ")");
    }
  }
}
