/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/** A container without an ephemeral-storage limit (and so, unless it sets one, without a request). */
public final class EphemeralStorageRequirementsUnset implements ResourceRule {

  private static final String NAME = "ephemeral-storage";

  private static final RuleMetadata METADATA = RuleMetadata.builder("ephemeral-storage-requirements-unset")
      .title("Container without an ephemeral-storage limit")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.WORKLOADS)
      .optIn()
      .rationale("Logs, emptyDir volumes without a sizeLimit and the container's writable layer all take the"
          + " node's local disk. Without an ephemeral-storage limit one container can fill it, and the kubelet"
          + " then evicts pods of every workload on the node (DiskPressure); without a request the scheduler"
          + " places the pod as if it wrote nothing. A limit bounds the container (the kubelet evicts only its"
          + " pod) and, when no request is set, Kubernetes copies it into the request, so one finding per"
          + " container reports a missing limit, saying whether a request is set. Init containers and native"
          + " sidecars count; ephemeral containers cannot set resources, and pod-level resources do not"
          + " cover ephemeral-storage. Peers: kube-score container-ephemeral-storage-request-and-limit (on by"
          + " default), kube-linter unset-ephemeral-storage-requirements (off by default); opt-in here, as"
          + " many clusters bound disk use with LimitRanges or node-level quotas instead.")
      .remediation("Set resources.limits.ephemeral-storage (and resources.requests.ephemeral-storage, if the"
          + " container usually writes less) on every container and init container.")
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
      if (c.type() == Container.Type.EPHEMERAL) {
        continue;
      }
      Node resources = c.node().get("resources");
      if (isSet(resources.get("limits").get(NAME))) {
        continue;
      }
      boolean request = isSet(resources.get("requests").get(NAME));
      Node at = resources.get("limits").isMap() ? resources.asMap().keyNode("limits")
          : resources.isMap() ? c.node().keyNode("resources") : c.node();
      context.report(resource, at, c.describe() + " of " + resource.displayName() + " sets no ephemeral-storage"
          + " limit (resources.limits.ephemeral-storage)" + (request ? ", only a request" : " and no request"));
    }
  }

  private static boolean isSet(Node quantity) {
    return quantity.isScalar() && !quantity.isNull() && !quantity.text("").isEmpty();
  }
}
