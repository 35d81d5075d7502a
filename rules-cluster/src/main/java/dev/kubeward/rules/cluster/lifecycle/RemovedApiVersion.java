/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.lifecycle;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * An object whose {@code apiVersion} and kind the cluster's Kubernetes version no longer serves
 * ({@code extensions/v1beta1} Deployment, {@code policy/v1beta1} PodSecurityPolicy...), from the
 * table in {@code api-lifecycle.tsv}. The version is the scan's ({@code --kube-version}), else the
 * one the object states, else the newest Kubeward knows: with no version given every removal the
 * table knows is reported. The message names the release that removed it and the replacement, or,
 * for a kind that no longer exists, what took its place. Reported at {@code apiVersion}. Before the
 * removal release a deprecated pair is {@code deprecated-api-version}'s.
 */
public final class RemovedApiVersion implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("removed-api-version")
      .title("API version removed from Kubernetes")
      .severity(Severity.HIGH)
      .topic(Topic.UPDATES)
      .kinds(ApiLifecycle.removedKinds())
      .rationale("The API server rejects an object whose apiVersion it no longer serves (no matches for"
          + " kind ... in version ...). A manifest that still uses one cannot be applied: a security fix"
          + " shipped in it, or the cluster upgrade it blocks, does not happen, and a PodSecurityPolicy"
          + " that is still in the repository protects nothing.")
      .remediation("Move the object to the replacement apiVersion named in the finding, applying the"
          + " migration notes of the Kubernetes deprecation guide.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    ApiLifecycle.Entry e = ApiLifecycle.lookup(resource.apiVersion(), resource.kind());
    if (e == null || e.status() != ApiLifecycle.Status.REMOVED) {
      return;
    }
    KubeVersions.Applied version = context.kubeVersion(resource);
    if (version.version().isBefore(e.removed())) {
      return;
    }
    Node at = resource.root().get("apiVersion");
    context.report(resource, at, resource.displayName() + " uses " + e.apiVersion() + ", removed in Kubernetes v1."
        + e.removed() + ": " + ApiLifecycle.advice(e) + " (" + version.describe() + ")");
  }
}
