/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.admission;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * The cluster-wide Pod Security Admission defaults, which apply to every namespace without
 * {@code pod-security.kubernetes.io} labels: an {@code enforce} default that is unset or
 * {@code privileged} enforces nothing (MEDIUM); an {@code enforce-version} pinned to a release
 * instead of {@code latest} leaves out the checks later releases added (INFO).
 */
public final class PodSecurityDefaultLevel implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("pod-security-default-level")
      .title("Pod Security Admission enforces nothing by default")
      .severity(Severity.MEDIUM)
      .topic(Topic.POD_SECURITY)
      .controls("cis-k8s:5.2.1")
      .kinds(PodSecurityConfigurations.KINDS)
      .rationale("The PodSecurity admission plugin's defaults apply to every namespace that has no"
          + " pod-security.kubernetes.io/enforce label. An enforce default of privileged, which is also what"
          + " an unset one means, lets any Pod through in those namespaces, including one that mounts the"
          + " node's root filesystem or runs privileged; a namespace created later starts unprotected. A"
          + " version pinned to an old release also skips the checks added since.")
      .remediation("Set defaults.enforce to baseline (or restricted) with enforce-version latest, and label the"
          + " namespaces that need more with pod-security.kubernetes.io/enforce=privileged deliberately.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    for (Node configuration : PodSecurityConfigurations.of(resource)) {
      Node defaults = configuration.get("defaults");
      Node enforce = defaults.get("enforce");
      String level = enforce.text();
      if (level == null || level.isEmpty()) {
        Node at = configuration.asMap().keyNode(defaults.isMissing() ? "kind" : "defaults");
        context.report(resource, at, "the PodSecurityConfiguration of " + resource.displayName()
            + " sets no defaults.enforce, so namespaces without a pod-security.kubernetes.io/enforce label"
            + " enforce privileged: no Pod is rejected");
      } else if (PssLevel.parseOrNull(level) == PssLevel.PRIVILEGED) {
        context.report(resource, enforce, "the PodSecurityConfiguration of " + resource.displayName()
            + " enforces privileged by default (defaults.enforce: " + level + "), so namespaces without a"
            + " pod-security.kubernetes.io/enforce label reject no Pod");
      }
      Node version = defaults.get("enforce-version");
      String pinned = version.text();
      if (pinned != null && !pinned.isEmpty() && !pinned.equals("latest")
          && PssLevel.parseOrNull(level == null ? "privileged" : level) != PssLevel.PRIVILEGED) {
        context.finding(resource, version).severity(Severity.INFO).message("the PodSecurityConfiguration of "
            + resource.displayName() + " pins the default enforce version (defaults.enforce-version: " + pinned
            + "), so checks added by later releases are not enforced").report();
      }
    }
  }
}
