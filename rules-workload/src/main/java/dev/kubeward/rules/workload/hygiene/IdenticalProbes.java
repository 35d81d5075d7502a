/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.Container;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/** A container whose liveness probe is the same as its readiness probe. */
public final class IdenticalProbes implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("identical-probes")
      .title("Liveness probe identical to the readiness probe")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.WORKLOADS)
      .optIn()
      .rationale("A readiness probe says whether a container should get traffic now, a liveness probe"
          + " whether it must be restarted. When both are the same probe, everything that makes the"
          + " container unready (a slow dependency, a load spike) also restarts it, after the same number of"
          + " failures, so an overloaded service is restarted instead of relieved and the restarts cascade."
          + " The probes are compared as written, field by field (key order and YAML style aside); a"
          + " liveness probe on the same endpoint with a higher failureThreshold is not reported. Peers:"
          + " kube-score pod-probes-identical.")
      .remediation("Give the liveness probe its own check of the process alone (or at least a higher"
          + " failureThreshold than the readiness probe), and leave dependencies to the readiness probe.")
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
      Node liveness = c.node().get("livenessProbe");
      Node readiness = c.node().get("readinessProbe");
      if (liveness.isMap() && liveness.size() > 0 && sameTree(liveness, readiness)) {
        context.report(resource, c.node().keyNode("livenessProbe"), c.describe() + " of " + resource.displayName()
            + " has the same livenessProbe as its readinessProbe: when it is unready it is also restarted");
      }
    }
  }

  /** True if both trees hold the same maps (whatever the key order), lists and scalar texts. */
  static boolean sameTree(Node a, Node b) {
    if (a.isMap()) {
      if (!b.isMap() || a.size() != b.size()) {
        return false;
      }
      MapNode am = a.asMap();
      MapNode bm = b.asMap();
      for (int i = 0; i < am.size(); i++) {
        int j = bm.indexOf(am.key(i));
        if (j < 0 || !sameTree(am.value(i), bm.value(j))) {
          return false;
        }
      }
      return true;
    }
    if (a.isList()) {
      if (!b.isList() || a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameTree(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isNull()) {
      return b.isNull() && !b.isMissing();
    }
    return b.isScalar() && !b.isNull() && a.text().equals(b.text());
  }
}
