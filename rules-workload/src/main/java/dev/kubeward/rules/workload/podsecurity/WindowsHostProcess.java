/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.List;

/**
 * A Windows HostProcess pod or container: Pod Security Standards Baseline, check
 * {@code windowsHostProcess} (every policy version). {@code true} at the pod level or in any
 * container fails.
 */
public final class WindowsHostProcess extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("windows-host-process", PssCheck.WINDOWS_HOST_PROCESS, Severity.HIGH)
          .title("Windows HostProcess container")
          .rationale("A HostProcess container runs directly on the Windows node as a host process, with the"
              + " node's network and file system and the privileges of its user, so it is node-level access.")
          .remediation("Remove securityContext.windowsOptions.hostProcess or set it to false, at the pod level"
              + " and in every container.")
          .build();

  public WindowsHostProcess() {
    super(PssCheck.WINDOWS_HOST_PROCESS);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    Node podValue = pod.securityContext().get("windowsOptions").get("hostProcess");
    if (podValue.isTrue()) {
      out.report(resource, podValue,
          subject(resource) + " must not set securityContext.windowsOptions.hostProcess=true");
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node value = c.securityContext().get("windowsOptions").get("hostProcess");
      if (value.isTrue()) {
        out.report(resource, value,
            subject(c, resource) + " must not set securityContext.windowsOptions.hostProcess=true");
      }
    }
  }
}
