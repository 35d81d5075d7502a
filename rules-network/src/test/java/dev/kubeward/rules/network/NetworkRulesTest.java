/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network;

import dev.kubeward.assertj.CatalogueChecks;
import dev.kubeward.assertj.RuleFixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class NetworkRulesTest {

  @TestFactory
  Stream<DynamicTest> fixtures() {
    return new NetworkRules().rules().stream().flatMap(rule -> RuleFixtures.of(rule).tests());
  }

  @Test
  void catalogue() {
    CatalogueChecks.verify(new NetworkRules());
  }
}
