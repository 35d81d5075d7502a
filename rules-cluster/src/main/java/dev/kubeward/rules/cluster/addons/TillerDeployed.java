/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.addons;

import dev.kubeward.model.Container;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * Tiller, the in-cluster half of Helm v2, still deployed: a container whose image is named
 * {@code tiller} (gcr.io/kubernetes-helm/tiller, ghcr.io/helm/tiller, mirrors and forks).
 */
public final class TillerDeployed implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("tiller-deployed")
      .title("Tiller (Helm v2) still deployed")
      .severity(Severity.HIGH)
      .topic(Topic.DASHBOARD)
      .controls("mitre-attack:T1610")
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("Tiller installs charts with its own service account, usually bound to cluster-admin, and by"
          + " default serves its gRPC port 44134 to every Pod of the cluster without authentication: any Pod"
          + " can ask it to deploy anything. Helm v2 reached its end of life in November 2020 and gets no"
          + " fixes.")
      .remediation("Migrate the releases to Helm 3 (helm-2to3) and delete the Tiller Deployment, its Service and"
          + " its service account's bindings.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    for (Container c : resource.podSpec().containers()) {
      String image = c.image().text();
      if (image == null || image.isBlank() || !ImageRef.parse(image).name().equals("tiller")) {
        continue;
      }
      context.report(resource, c.image(), c.describe() + " of " + resource.displayName()
          + " runs Tiller (image \"" + image + "\"), the unauthenticated in-cluster server of Helm v2");
    }
  }
}
