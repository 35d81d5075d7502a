/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import java.util.List;

/** Registers the rbac rules. */
public final class RbacRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return List.of();
  }
}
