/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.Container;
import dev.kubeward.model.EnvVars;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/** A container whose {@code env} defines one name twice. */
public final class DuplicateEnvVar implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("duplicate-env-var")
      .title("Environment variable defined twice in one container")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.WORKLOADS)
      .optIn()
      .rationale("The API server accepts a container whose env list names a variable twice (with a"
          + " warning) and the later definition silently wins, so a reviewer reading the first one, or a"
          + " patch that changes it, has no effect; with kustomize or Helm merges it often means a setting"
          + " meant to override was added instead. Every container is checked (init, sidecar, ephemeral);"
          + " variables from envFrom are not counted, as overriding them with env is the documented way."
          + " Peers: kube-linter duplicate-env-var, kube-score environment-variable-key-duplication.")
      .remediation("Keep one definition of the variable in the container's env list.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    List<Container> containers = resource.podSpec().containers();
    for (int c = 0; c < containers.size(); c++) {
      Container container = containers.get(c);
      ListNode env = EnvVars.of(container);
      for (int i = 1; i < env.size(); i++) {
        String name = EnvVars.name(env.get(i));
        if (name == null) {
          continue;
        }
        for (int j = 0; j < i; j++) {
          Node first = EnvVars.nameNode(env.get(j));
          if (first.textEquals(name)) {
            context.finding(resource, EnvVars.nameNode(env.get(i)))
                .message(container.describe() + " of " + resource.displayName() + " defines " + name
                    + " again (first at line " + first.line() + "): this later value wins")
                .related(resource, first, "the first definition of " + name)
                .report();
            break;
          }
        }
      }
    }
  }
}
