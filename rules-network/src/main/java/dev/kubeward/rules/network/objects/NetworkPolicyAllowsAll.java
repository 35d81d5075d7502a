/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.network.objects.Policies.Direction;

/**
 * A NetworkPolicy rule without peers ({@code ingress: [{}]}, or {@code from}/{@code to} absent or
 * empty) in a direction the policy enforces: it lets every source in, or every destination out, on
 * its ports. MEDIUM on every port, LOW when the rule names ports. Rules of a direction the
 * policy's {@code policyTypes} leave out are ignored by Kubernetes and left to
 * {@code network-policy-types-mismatch}.
 */
public final class NetworkPolicyAllowsAll implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("network-policy-allows-all")
      .title("NetworkPolicy rule allows every source or destination")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .kinds(Policies.KINDS)
      .rationale("A NetworkPolicy rule whose from (or to) is absent or empty matches every peer: the pods of"
          + " every namespace and every address outside the cluster. ingress: [{}] therefore allows all"
          + " ingress to the selected pods, and since policies add up it cancels every other ingress"
          + " restriction on them (egress: [{}] does the same for egress). A rule that lists only ports"
          + " still admits every source on those ports. The finding is MEDIUM when the rule allows every"
          + " port and LOW when it names ports (an egress rule to DNS on port 53 of any address is a common"
          + " example worth narrowing to the cluster's DNS pods).")
      .remediation("Name the peers the pods must talk to in from (or to): podSelector, namespaceSelector or"
          + " a narrow ipBlock; delete allow-all rules that undo a default deny.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    for (Direction direction : Policies.DIRECTIONS) {
      if (!Policies.enforces(spec, direction)) {
        continue;
      }
      Node rules = spec.get(direction.field);
      for (int i = 0; i < rules.size(); i++) {
        Node rule = rules.get(i);
        if (rule.get(direction.peers).size() > 0) {
          continue;
        }
        boolean allPorts = Policies.allPorts(rule);
        String who = direction == Direction.INGRESS ? "ingress from every source" : "egress to every destination";
        context.finding(resource, rule)
            .message(resource.displayName() + " allows " + who + " (pods of every namespace and every address) on "
                + Policies.describePorts(rule) + " (" + Policies.ruleName(direction, i) + " has no "
                + direction.peers + ")")
            .severity(allPorts ? Severity.MEDIUM : Severity.LOW)
            .key(direction.field + "/" + i)
            .report();
      }
    }
  }
}
