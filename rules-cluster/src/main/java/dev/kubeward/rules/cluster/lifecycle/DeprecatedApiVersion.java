/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.lifecycle;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * An object whose {@code apiVersion} and kind are deprecated in the cluster's Kubernetes version but
 * still served, from {@code api-lifecycle.tsv}: a removed version before its removal release (with
 * the release that removes it), a beta version whose removal is planned (with the planned release),
 * a deprecated GA kind (ComponentStatus, Endpoints), and built-in alpha versions, which are off by
 * default at any version. The version is chosen as for {@code removed-api-version}; with none given,
 * the newest known. Reported at {@code apiVersion}.
 */
public final class DeprecatedApiVersion implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("deprecated-api-version")
      .title("Deprecated API version")
      .severity(Severity.LOW)
      .topic(Topic.UPDATES)
      .kinds(ApiLifecycle.allKinds())
      .rationale("A deprecated apiVersion still works but the API server warns about it and a later"
          + " release removes it; manifests that are not moved in time break the upgrade that brings the"
          + " next security fixes. Alpha versions are off by default and may change or disappear in any"
          + " release.")
      .remediation("Move the object to the replacement apiVersion named in the finding before the release"
          + " that removes it.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    ApiLifecycle.Entry e = ApiLifecycle.lookup(resource.apiVersion(), resource.kind());
    if (e == null) {
      return;
    }
    Node at = resource.root().get("apiVersion");
    String name = resource.displayName() + " uses ";
    if (e.status() == ApiLifecycle.Status.ALPHA) {
      context.report(resource, at, name + "the alpha API " + e.apiVersion()
          + ", off by default and without compatibility promise: " + ApiLifecycle.advice(e));
      return;
    }
    KubeVersions.Applied applied = context.kubeVersion(resource);
    KubeVersion version = applied.version();
    if (e.deprecated() < 0 || version.isBefore(e.deprecated())) {
      return;
    }
    if (e.status() == ApiLifecycle.Status.REMOVED && version.isAtLeast(e.removed())) {
      return;
    }
    String what = e.status() == ApiLifecycle.Status.DEPRECATED ? e.apiVersion() + " " + e.kind() : e.apiVersion();
    String removal = switch (e.status()) {
      case REMOVED -> ", removed in v1." + e.removed();
      case PLANNED -> ", removal planned for v1." + e.removed();
      default -> "";
    };
    context.report(resource, at, name + what + ", deprecated since Kubernetes v1." + e.deprecated() + removal
        + ": " + ApiLifecycle.advice(e) + " (" + applied.describe() + ")");
  }
}
