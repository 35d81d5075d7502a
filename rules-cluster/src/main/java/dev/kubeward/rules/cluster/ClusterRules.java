/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rules.cluster.authconfig.AuthenticationConfigAnonymous;
import dev.kubeward.rules.cluster.authconfig.AuthorizationConfigAlwaysAllow;
import dev.kubeward.rules.cluster.authconfig.AuthorizationConfigModes;
import dev.kubeward.rules.cluster.authconfig.AuthorizationConfigWebhookNoOpinion;
import dev.kubeward.rules.cluster.node.KubeletRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Registers the cluster rules. */
public final class ClusterRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    // Nodes: the kubelet (CIS 4.2) and the API server's authentication and authorization files.
    rules.addAll(KubeletRules.rules());
    rules.add(new AuthenticationConfigAnonymous());
    rules.add(new AuthorizationConfigAlwaysAllow());
    rules.addAll(AuthorizationConfigModes.rules());
    rules.add(new AuthorizationConfigWebhookNoOpinion());
    return Collections.unmodifiableList(rules);
  }
}
