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
 * A container that runs privileged: Pod Security Standards Baseline, check {@code privileged}
 * (every policy version; init and ephemeral containers included).
 */
public final class PrivilegedContainer extends PssRule {

  private static final RuleMetadata METADATA = metadata("privileged-container", PssCheck.PRIVILEGED, Severity.HIGH)
      .title("Privileged container")
      .rationale("A privileged container has every capability and all host devices, so a compromise of"
          + " the container is a compromise of the node.")
      .remediation("Remove securityContext.privileged or set it to false.")
      .build();

  public PrivilegedContainer() {
    super(PssCheck.PRIVILEGED);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node privileged = c.securityContext().get("privileged");
      if (privileged.isTrue()) {
        out.report(resource, privileged, subject(c, resource) + " must not set securityContext.privileged=true");
      }
    }
  }
}
