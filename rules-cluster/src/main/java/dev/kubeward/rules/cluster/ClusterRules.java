/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rules.cluster.addons.AddonVulnerableVersion;
import dev.kubeward.rules.cluster.addons.AdminUiWithoutAuthentication;
import dev.kubeward.rules.cluster.addons.DashboardInsecureArguments;
import dev.kubeward.rules.cluster.addons.DashboardUnmaintained;
import dev.kubeward.rules.cluster.addons.TillerDeployed;
import dev.kubeward.rules.cluster.admission.AdmissionPolicyNotEnforcing;
import dev.kubeward.rules.cluster.admission.ImageVerificationPolicyMissing;
import dev.kubeward.rules.cluster.admission.PodSecurityDefaultLevel;
import dev.kubeward.rules.cluster.admission.PodSecurityExemption;
import dev.kubeward.rules.cluster.admission.SecurityWebhookBypass;
import dev.kubeward.rules.cluster.tenancy.KubeSystemApplicationWorkload;
import dev.kubeward.rules.cluster.tenancy.NamespaceWithoutLimitRange;
import dev.kubeward.rules.cluster.tenancy.NamespaceWithoutResourceQuota;
import java.util.List;

/** Registers the cluster rules. */
public final class ClusterRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return List.of(
        // Admission, the Dashboard and add-ons, tenancy.
        new PodSecurityDefaultLevel(),
        new PodSecurityExemption(),
        new SecurityWebhookBypass(),
        new AdmissionPolicyNotEnforcing(),
        new ImageVerificationPolicyMissing(),
        new DashboardInsecureArguments(),
        new DashboardUnmaintained(),
        new TillerDeployed(),
        new AddonVulnerableVersion(),
        new AdminUiWithoutAuthentication(),
        new NamespaceWithoutResourceQuota(),
        new NamespaceWithoutLimitRange(),
        new KubeSystemApplicationWorkload());
  }
}
