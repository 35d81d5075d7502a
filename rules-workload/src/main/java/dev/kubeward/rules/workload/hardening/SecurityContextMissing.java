/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A container with no {@code securityContext} of its own, or an empty one. A pod-level security
 * context does not count: the fields that only a container can set (privileged,
 * allowPrivilegeEscalation, capabilities, readOnlyRootFilesystem, procMount) stay at their defaults.
 * Opt-in; in the {@code cis} profile.
 */
public final class SecurityContextMissing implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("security-context-missing")
      .title("Container without a security context")
      .severity(Severity.LOW)
      .topic(Topic.POD_SECURITY)
      .controls("cis-k8s:5.6.3")
      .kinds(RuleMetadata.WORKLOADS)
      .optIn()
      .rationale("A container without a securityContext runs with every default: the runtime's capability"
          + " set, privilege escalation allowed, a writable root filesystem, and the image's user unless the"
          + " pod says otherwise. Each of those is reported by its own rule with the exact field"
          + " (allow-privilege-escalation, capabilities-restricted, writable-root-filesystem, run-as-non-root),"
          + " so in the recommended profile this finding would only repeat them; it is opt-in and serves"
          + " audits against CIS Kubernetes Benchmark 1.12, 5.6.3 (apply security context to pods and"
          + " containers), as Checkov, KICS and Kubescape check it. Init and ephemeral containers count.")
      .remediation("Give every container a securityContext: allowPrivilegeEscalation: false,"
          + " readOnlyRootFilesystem: true and capabilities: {drop: [ALL]}, then add back what it needs.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    List<Container> containers = resource.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node securityContext = c.securityContext();
      if (securityContext.size() > 0) {
        continue;
      }
      if (securityContext.isMap()) {
        context.report(resource, Targets.securityContextOf(c), c.describe() + " of " + resource.displayName()
            + " has an empty securityContext");
      } else {
        context.report(resource, securityContext.isMissing() ? c.node() : securityContext, c.describe() + " of "
            + resource.displayName() + " has no securityContext");
      }
    }
  }
}
