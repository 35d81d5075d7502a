/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import java.util.List;

/** Registers the network rules. */
public final class NetworkRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return List.of();
  }
}
