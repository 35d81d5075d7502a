/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rules.cluster.addons.AddonVulnerableVersion;
import dev.kubeward.rules.cluster.addons.DashboardInsecureArguments;
import dev.kubeward.rules.cluster.addons.DashboardUnmaintained;
import dev.kubeward.rules.cluster.addons.TillerDeployed;
import java.util.List;

/** Registers the cluster rules. */
public final class ClusterRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return List.of(
        // Admission, the Dashboard and add-ons, tenancy.
        new DashboardInsecureArguments(),
        new DashboardUnmaintained(),
        new TillerDeployed(),
        new AddonVulnerableVersion());
  }
}
