/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;
import java.util.Set;

/**
 * An object of a kind the catalogue knows whose {@code apiVersion} names a Kubernetes API group that
 * never served that kind ({@code apiVersion: v1} with {@code kind: Deployment}). No rule checks it
 * as what it claims to be, so it is reported instead of skipped. A group that serves the kind under
 * a version that was removed is {@code removed-api-version}'s; custom groups, which may define any
 * kind, are not judged.
 */
public final class KindNotServed implements ResourceRule {

  /** The groups Kubernetes itself serves (the core group is {@code ""}); only these are judged. */
  private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "extensions", "autoscaling",
      "policy", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io", "scheduling.k8s.io",
      "node.k8s.io", "certificates.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "events.k8s.io",
      "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io",
      "flowcontrol.apiserver.k8s.io", "authentication.k8s.io", "authorization.k8s.io", "resource.k8s.io",
      "storagemigration.k8s.io", "internal.apiserver.k8s.io");

  private static final RuleMetadata METADATA = RuleMetadata.builder("kind-not-served")
      .title("Kind not served by its apiVersion")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(RuleMetadata.ANY)
      .rationale("An object such as apiVersion: v1 with kind: Deployment is rejected by the API server (no"
          + " matches for kind Deployment in version v1), so the manifest never applied as written; and"
          + " since it is not a Deployment to any tool that reads the group, no workload rule checks its"
          + " pod template, which would otherwise hide every problem in it. Reported when the group is one"
          + " Kubernetes serves and the kind is one Kubeward knows in another group; a removed version of"
          + " the right group is removed-api-version's. Peers: kube-linter and Kubescape validate schemas"
          + " with kubeconform (schema-validation).")
      .remediation("Set the apiVersion of the group that serves the kind, named in the finding (apps/v1 for"
          + " a Deployment).")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    GroupKind gk = resource.groupKind();
    if (!BUILT_IN_GROUPS.contains(gk.group()) || gk.isKnown()) {
      return;
    }
    String served = null;
    List<GroupKind> known = GroupKind.knownOfKind(gk.kind());
    for (int i = 0; i < known.size() && served == null; i++) {
      GroupKind other = known.get(i);
      // A configuration file (the kube-scheduler's legacy v1 Policy, say) is not an API kind.
      if (!other.isConfigurationFile()) {
        served = other.group();
      }
    }
    if (served == null) {
      return;
    }
    String version = resource.apiVersion();
    String where = served.isEmpty() ? "apiVersion v1" : "the " + served + " group";
    context.report(resource, resource.root().get("apiVersion"), resource.displayName() + " has apiVersion "
        + version + ", which never served " + gk.kind() + ": the API server rejects it and no rule checks it as a "
        + gk.kind() + " (" + where + " serves it)");
  }
}
