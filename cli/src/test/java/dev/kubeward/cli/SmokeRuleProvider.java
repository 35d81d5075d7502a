/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import java.util.List;

/**
 * Registers the smoke rules through {@code META-INF/services} on the test class path, so that
 * the command line finds them by discovery, next to the rules of the real modules.
 */
public final class SmokeRuleProvider implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return TestRules.smoke();
  }
}
