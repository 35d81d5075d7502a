/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.engine.Configuration;
import dev.kubeward.engine.ConfigurationFile;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadResult;
import dev.kubeward.model.Inventory;
import dev.kubeward.report.TextReportWriter;
import dev.kubeward.rules.network.reach.Cidr;
import dev.kubeward.rules.network.reach.Reachability;
import dev.kubeward.rules.network.reach.Workload;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward network reach}: the connections the network policies of the manifests allow,
 * between workloads, to and from outside address blocks, and from the ingress controller.
 */
@Command(
    name = "reach",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Lists the connections the policies allow, one line per pair of workloads",
      "(or outside address block), with the allowed protocols and ports.",
      "NetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy and",
      "ClusterNetworkPolicy all count."},
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the answer is complete",
      "  2  usage error, or input that could not be read (the answer covers the rest)"})
final class NetworkReachCommand implements Callable<Integer> {

  /** {@code kubeward network}: the parent of {@code reach}. */
  @Command(name = "network", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Answers questions about the network policies of the manifests.",
      synopsisSubcommandLabel = "COMMAND")
  static final class Group implements Callable<Integer> {
    private final PrintWriter err;

    Group(PrintWriter err) {
      this.err = err;
    }

    @Override
    public Integer call() {
      err.println("kubeward: no network command given (see 'kubeward network --help')");
      return Main.USAGE;
    }
  }

  /** The {@code network} command with its {@code reach} subcommand, for {@code Main} to add. */
  static CommandLine command(Environment env, PrintWriter out, PrintWriter err) {
    CommandLine network = new CommandLine(new Group(err));
    network.addSubcommand(new NetworkReachCommand(env, out, err));
    return network;
  }

  private final Environment env;
  private final PrintWriter out;
  private final PrintWriter err;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "files or directories (*.yaml, *.yml, *.json, recursively), or - for standard input;"
          + " default: the current directory")
  private List<String> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text)")
  private String format = "text";

  @Option(names = "--from", paramLabel = "KIND/NS/NAME", description = "only connections from this workload")
  private String from;

  @Option(names = "--to", paramLabel = "KIND/NS/NAME", description = "only connections to this workload")
  private String to;

  @Option(names = "--pod-cidr", paramLabel = "CIDR", description = "the pod network: an ipBlock that covers it"
      + " (excepting none of it) also selects pods (default: ipBlocks describe outside addresses only)")
  private String podCidr;

  @Option(names = "--ingress-controller", paramLabel = "NS/SELECTOR", description = "the ingress controller's"
      + " namespace and pod labels (key=value,...), for the connections Ingresses and routes bring in"
      + " (default: unknown pods, admitted only by rules that admit every pod of every namespace)")
  private String ingressController;

  @Option(names = "--why", description = "say which policy rules allow each connection")
  private boolean why;

  @Option(names = "--config", paramLabel = "FILE", description = "the configuration file, for its workloadKinds and"
      + " defaultNamespace (default: ./" + ScanCommand.DEFAULT_CONFIG + " if it exists; plugins are not loaded)")
  private String config;

  @Option(names = "--default-namespace", paramLabel = "NS", converter = Converters.Namespace.class,
      description = "the namespace of objects that set none (default: default)")
  private String defaultNamespace;

  NetworkReachCommand(Environment env, PrintWriter out, PrintWriter err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    boolean json = switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> true;
      case "text" -> false;
      default -> throw new UsageException("--format must be text or json, not '" + format + "'");
    };
    Reachability.Options options = Reachability.Options.defaults().withWhy(why);
    Configuration configuration = configuration();
    String pods = podCidr != null ? podCidr : configuration.podCidr();
    if (pods != null) {
      Cidr cidr = Cidr.parse(pods);
      if (cidr == null || !pods.contains("/")) {
        throw new UsageException((podCidr != null ? "--pod-cidr" : "podCidr in the configuration")
            + " must be a CIDR block such as 10.244.0.0/16, not '" + pods + "'");
      }
      options = options.withPodCidr(cidr);
    }
    if (ingressController != null) {
      int slash = ingressController.indexOf('/');
      if (slash <= 0) {
        throw new UsageException("--ingress-controller must be NS/SELECTOR, such as ingress-nginx/app=controller");
      }
      try {
        options = options.withIngressController(ingressController.substring(0, slash),
            Reachability.parseLabels(ingressController.substring(slash + 1)));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--ingress-controller: " + e.getMessage());
      }
    }
    Kubeward.Builder builder = Kubeward.builder().configuration(configuration);
    if (defaultNamespace != null) {
      builder.defaultNamespace(defaultNamespace);
    }
    Kubeward kubeward = Main.build(env, Plugins.none(), builder);
    LoadResult loaded = kubeward.loader().load(inputs(), env.stdin());
    Inventory inventory = Inventory.of(loaded.resources(), kubeward.settings().defaultNamespace());
    Reachability reach = Reachability.of(inventory, options);
    Workload source = find(reach, "--from", from);
    Workload target = find(reach, "--to", to);
    Reachability.Answer answer = reach.connections(source, target);
    if (json) {
      out.print(answer.json(why));
    } else {
      for (Reachability.Connection c : answer.connections()) {
        out.println(c.text());
        if (why) {
          for (String reason : c.why()) {
            out.println("    " + reason);
          }
        }
      }
      if (why) {
        for (String assumption : answer.assumptions()) {
          out.println("# assumed: " + assumption);
        }
      }
    }
    out.flush();
    for (LoadError e : loaded.errors()) {
      err.println("kubeward: " + TextReportWriter.oneLine(e.toString()));
    }
    return loaded.errors().isEmpty() ? 0 : Main.USAGE;
  }

  /** The configuration file: the one given, else {@code .kubeward.yaml} in the current directory, if any. */
  private Configuration configuration() {
    Path file = Path.of(env.resolve(config != null ? config : ScanCommand.DEFAULT_CONFIG));
    if (!Files.isRegularFile(file)) {
      if (config != null) {
        throw new UsageException("configuration file '" + config + "' does not exist");
      }
      return Configuration.empty();
    }
    try {
      return ConfigurationFile.read(file);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static Workload find(Reachability reach, String option, String spec) {
    if (spec == null) {
      return null;
    }
    String[] parts = spec.split("/", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw new UsageException(option + " must be KIND/NS/NAME, such as Deployment/shop/web");
    }
    for (Workload w : reach.model().workloads()) {
      if (w.kind().equalsIgnoreCase(parts[0]) && w.namespace().equals(parts[1]) && w.name().equals(parts[2])) {
        return w;
      }
    }
    throw new UsageException(option + ": no workload " + spec + " in the manifests");
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
