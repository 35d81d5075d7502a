/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.tenancy;

import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A workload in the {@code default} namespace, or with no namespace while the scan's default
 * namespace ({@code --default-namespace}) is {@code default}, so that it lands there.
 */
public final class DefaultNamespace implements ResourceRule {

  private static final String DEFAULT = "default";

  private static final RuleMetadata METADATA = RuleMetadata.builder("default-namespace")
      .title("Workload in the default namespace")
      .severity(Severity.LOW)
      .topic(Topic.TENANCY)
      .controls("cis-k8s:5.6.4")
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("The default namespace is where everything lands that nobody placed: RBAC grants, network"
          + " policies, quotas and Pod Security labels meant for one application end up applying to"
          + " unrelated ones, or are never set at all. A manifest without metadata.namespace is applied to"
          + " the namespace of the current context, which is default unless told otherwise; when the"
          + " namespace is chosen at deploy time (kubectl apply -n, Helm --namespace), scan with"
          + " --default-namespace set to it. CIS Kubernetes Benchmark 1.12, 5.6.4: the default namespace"
          + " should not be used.")
      .remediation("Set metadata.namespace to a namespace of the application's own.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    String namespace = resource.namespace();
    if (namespace == null) {
      if (context.settings().defaultNamespace().equals(DEFAULT)) {
        context.report(resource, resource.root().keyNode("metadata"), resource.displayName()
            + " sets no namespace, so it lands in default unless --default-namespace (or kubectl apply -n)"
            + " says otherwise");
      }
    } else if (namespace.equals(DEFAULT)) {
      context.report(resource, resource.root().get("metadata").get("namespace"), resource.displayName()
          + " is in the default namespace (namespace: default)");
    }
  }
}
