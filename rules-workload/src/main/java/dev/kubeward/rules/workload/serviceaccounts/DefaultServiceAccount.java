/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.serviceaccounts;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ServiceAccounts;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** A pod that runs as its namespace's {@code default} service account. */
public final class DefaultServiceAccount implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("default-service-account")
      .title("Pod runs as the default service account")
      .severity(Severity.LOW)
      .topic(Topic.RBAC)
      .controls("cis-k8s:5.1.5")
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("Every pod of the namespace that names no service account shares the default one, so a"
          + " permission granted to it for one workload (a RoleBinding, a cloud IAM annotation, an image"
          + " pull secret) is granted to all of them, and audit logs cannot tell them apart. The pod uses"
          + " it when serviceAccountName (or the deprecated serviceAccount) is unset, empty or default."
          + " CIS Kubernetes Benchmark 1.12, 5.1.5: ensure that default service accounts are not actively"
          + " used.")
      .remediation("Create a ServiceAccount for the workload and set serviceAccountName to it.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    MapNode spec = resource.podSpec().spec();
    Node name = ServiceAccounts.nameNode(spec);
    if (name.isMissing()) {
      context.report(resource, Specs.specKey(resource, resource.podSpec()), resource.displayName()
          + " runs as the default service account (serviceAccountName is not set)");
    } else if (name.textEquals(ServiceAccounts.DEFAULT)) {
      String field = name == spec.get("serviceAccountName") ? "serviceAccountName" : "serviceAccount";
      context.report(resource, name, resource.displayName() + " runs as the default service account ("
          + field + ": default)");
    }
  }
}
