/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import dev.kubeward.model.Container;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A control-plane image (kube-apiserver, kube-controller-manager, kube-scheduler, kube-proxy) or a
 * kubeadm {@code kubernetesVersion} whose minor version is older than the oldest one still
 * supported upstream.
 */
public final class ControlPlaneVersionUnsupported implements ResourceRule {

  static final ParameterKey<String> OLDEST_SUPPORTED = ParameterKey.ofString("oldestSupported",
      "v1." + (KubeVersion.newestKnown().minor() - 2),
      "The oldest Kubernetes minor version (v1.N) still receiving patches; the project supports the three"
          + " newest minors.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("control-plane-version-unsupported")
      .title("Control plane runs an unsupported Kubernetes release")
      .severity(Severity.MEDIUM)
      .topic(Topic.UPDATES)
      .kinds(RuleMetadata.WORKLOADS, GroupKind.KUBEADM_CLUSTER_CONFIGURATION)
      .parameters(OLDEST_SUPPORTED)
      .rationale("Kubernetes patches only its three newest minor releases. A control plane older than that gets"
          + " no fix for the vulnerabilities found since, and its defaults (anonymous access, admission"
          + " plugins, token lifetimes) are those of its release; the other control-plane rules judge the"
          + " object by the version its image states unless --kube-version is given.")
      .remediation("Upgrade the control plane to a supported minor release, one minor at a time.")
      .build();

  private final KubeVersion oldest;

  public ControlPlaneVersionUnsupported() {
    this(KubeVersion.parse(OLDEST_SUPPORTED.defaultValue()));
  }

  private ControlPlaneVersionUnsupported(KubeVersion oldest) {
    this.oldest = oldest;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new ControlPlaneVersionUnsupported(KubeVersion.parse(parameters.get(OLDEST_SUPPORTED)));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    if (resource.is(GroupKind.KUBEADM_CLUSTER_CONFIGURATION)) {
      Node stated = resource.root().get("kubernetesVersion");
      int minor = KubeVersions.minorOf(stated.text());
      if (minor >= 0 && minor < oldest.minor()) {
        report(resource, context, stated, minor, "kubernetesVersion " + stated.text());
      }
      return;
    }
    List<Container> containers = resource.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Node image = containers.get(i).image();
      int minor = KubeVersions.controlPlaneMinor(image.text());
      if (minor >= 0 && minor < oldest.minor()) {
        report(resource, context, image, minor, containers.get(i).describe() + " runs " + image.text());
      }
    }
  }

  private void report(Resource resource, Context context, Node at, int minor, String what) {
    context.finding(resource, at)
        .message(what + ", Kubernetes v1." + minor + ", older than the oldest supported release " + oldest
            + "; upgrade the control plane")
        .report();
  }
}
