/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import dev.kubeward.commandline.CommandLine;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.cluster.controlplane.ControlPlanes.Target;
import java.util.List;

/**
 * A control-plane container whose command line cannot be read as its component reads it (a shell
 * wrapper, a variable only the cluster knows, the image's own command, an etcd configuration file,
 * something the component would refuse): its flags are not judged, and this says why, once per
 * container, at the first problem.
 */
public final class ControlPlaneCommandNotCheckable implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("control-plane-command-not-checkable")
      .title("Control-plane command line not checkable")
      .severity(Severity.INFO)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("The control-plane flag rules judge kube-apiserver, kube-controller-manager, kube-scheduler and"
          + " etcd by the flags they start with. When the command line runs through a shell, takes a value from"
          + " a variable only the running cluster knows, is left to the image, or hands etcd a configuration"
          + " file, the flags cannot be known from the file, and no verdict is given rather than a wrong one.")
      .remediation("Give the component's flags directly in command and args, with literal values or $(VAR)"
          + " references to plain env values, so they can be reviewed and checked.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    List<Target> targets = ControlPlanes.in(resource);
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      if (target.isCheckable() || target.container() == null) {
        continue;
      }
      CommandLine.Problem problem = target.problems().get(0);
      context.finding(resource, problem.node().isMissing() ? ControlPlanes.anchor(target) : problem.node())
          .message(target.component().binary() + " in " + target.container().describe()
              + " is not checkable: " + problem.message() + "; its flags are not judged")
          .key(target.container().pointer())
          .report();
    }
  }
}
