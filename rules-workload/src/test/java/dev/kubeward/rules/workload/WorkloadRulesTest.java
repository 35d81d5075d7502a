/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload;

import dev.kubeward.assertj.CatalogueChecks;
import dev.kubeward.assertj.RuleFixtures;
import dev.kubeward.rule.Rule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class WorkloadRulesTest {

  @TestFactory
  Stream<DynamicTest> fixtures() {
    List<Rule> all = new WorkloadRules().rules();
    return all.stream().flatMap(rule -> RuleFixtures.of(rule, all).tests());
  }

  @Test
  void catalogue() {
    CatalogueChecks.verify(new WorkloadRules());
  }
}
