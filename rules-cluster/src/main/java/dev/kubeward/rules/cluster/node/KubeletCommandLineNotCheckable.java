/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.node;

import dev.kubeward.commandline.CommandLine;
import dev.kubeward.commandline.FlagTable;
import dev.kubeward.model.Container;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A container that runs a kubelet whose command line cannot be read as the kubelet reads it (a
 * shell wrapper, a variable only the cluster knows, a word the kubelet would refuse): the kubelet
 * rules cannot judge its flags, and say so instead of assuming defaults.
 */
public final class KubeletCommandLineNotCheckable implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("kubelet-command-line-not-checkable")
      .title("Kubelet command line cannot be checked")
      .severity(Severity.INFO)
      .topic(Topic.NODES)
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("The kubelet rules judge the flags of a container that runs a kubelet; when its command line"
          + " runs a shell or depends on values only the cluster knows, its flags, and so its security settings,"
          + " are unknown rather than default.")
      .remediation("Run the kubelet directly with literal flags, or point it at a configuration file with --config.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    List<Container> containers = resource.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Container container = containers.get(i);
      if (!KubeletSetups.runsKubelet(container)) {
        continue;
      }
      CommandLine line = CommandLine.of(container, FlagTable.KUBELET);
      if (!line.isCheckable()) {
        CommandLine.Problem problem = line.problems().get(0);
        context.report(resource, problem.node(), "the kubelet command line of " + container.describe() + " of "
            + resource.displayName() + " is not checkable: " + problem.message());
      }
    }
  }
}
