/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.addons;

import dev.kubeward.commandline.CommandLine;
import dev.kubeward.commandline.Flag;
import dev.kubeward.commandline.FlagTable;
import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A Kubernetes Dashboard container started with arguments that switch its protections off:
 * {@code --enable-skip-login} (HIGH: anyone who reaches the UI uses it with the Dashboard's own
 * service account), {@code --enable-insecure-login}, {@code --disable-settings-authorizer},
 * {@code --authentication-mode} allowing {@code basic}, {@code --disable-csrf-protection},
 * {@code --apiserver-skip-tls-verify}, a non-loopback {@code --insecure-bind-address} (MEDIUM) and
 * {@code --token-ttl=0} (LOW). The command line is read as the Dashboard's pflag parser reads it;
 * a command line that cannot be read (a shell wrapper) is left alone.
 */
public final class DashboardInsecureArguments implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("dashboard-insecure-arguments")
      .title("Kubernetes Dashboard started with its login or protections switched off")
      .severity(Severity.HIGH)
      .topic(Topic.DASHBOARD)
      .controls("mitre-attack:T1133")
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("The Dashboard acts on the cluster with its own service account unless a user logs in."
          + " --enable-skip-login adds a Skip button that uses that account without any login;"
          + " --enable-insecure-login accepts tokens over plain HTTP;"
          + " --disable-settings-authorizer lets anyone change the settings; basic authentication was removed"
          + " from the API server in 1.19; --disable-csrf-protection, --apiserver-skip-tls-verify, a network"
          + " --insecure-bind-address and --token-ttl=0 each weaken the session or its transport.")
      .remediation("Remove the argument, so the Dashboard asks every user for a token and serves only HTTPS.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    for (Container c : resource.podSpec().containers()) {
      if (!Dashboards.isDashboard(c)) {
        continue;
      }
      CommandLine line = CommandLine.of(c, FlagTable.DASHBOARD);
      if (!line.isCheckable()) {
        continue;
      }
      String who = c.describe() + " of " + resource.displayName() + " runs the Kubernetes Dashboard with ";
      onWhenTrue(line, "enable-skip-login", Severity.HIGH, who,
          "a Skip button: anyone who reaches it acts with the Dashboard's service account", resource, context);
      onWhenTrue(line, "enable-insecure-login", Severity.MEDIUM, who,
          "login over plain HTTP, so tokens travel in clear", resource, context);
      onWhenTrue(line, "disable-settings-authorizer", Severity.MEDIUM, who,
          "its settings open to anyone", resource, context);
      onWhenTrue(line, "disable-csrf-protection", Severity.MEDIUM, who,
          "cross-site request forgery protection off", resource, context);
      onWhenTrue(line, "apiserver-skip-tls-verify", Severity.MEDIUM, who,
          "the API server's certificate unchecked", resource, context);
      Flag mode = line.flag("authentication-mode");
      if (mode.contains("basic")) {
        report(context, resource, mode.nodeOf("basic"), Severity.MEDIUM, who + "basic authentication"
            + " (--authentication-mode=" + mode.text() + "), which sends passwords and was removed from the API"
            + " server in 1.19");
      }
      Flag bind = line.flag("insecure-bind-address");
      String address = bind.text();
      if (address != null && !address.isEmpty() && !isLoopback(address)) {
        report(context, resource, bind.valueNode(), Severity.MEDIUM, who + "its plain-HTTP port open to the"
            + " network (--insecure-bind-address=" + address + ")");
      }
      Flag ttl = line.flag("token-ttl");
      if (ttl.isValid() && ttl.longValue(-1) == 0) {
        report(context, resource, ttl.valueNode(), Severity.LOW, who + "tokens that never expire (--token-ttl=0)");
      }
    }
  }

  private static void onWhenTrue(CommandLine line, String name, Severity severity, String who, String what,
      Resource resource, Context context) {
    Flag flag = line.flag(name);
    if (flag.isTrue()) {
      report(context, resource, flag.node(), severity, who + what + " (--" + name + "=" + flag.text() + ")");
    }
  }

  private static void report(Context context, Resource resource, Node at, Severity severity, String message) {
    context.finding(resource, at).message(message).severity(severity).report();
  }

  private static boolean isLoopback(String address) {
    return address.equals("localhost") || address.startsWith("127.") || address.equals("::1");
  }
}
