/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import java.util.List;

/** Registers the cluster rules. */
public final class ClusterRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return List.of();
  }
}
