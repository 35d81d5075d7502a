/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.examples;

import dev.kubeward.examples.certificates.CertificateLifetimeTooLong;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import java.util.List;

/** Registers the example plugin's rules. */
public final class ExampleRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return List.of(new CertificateLifetimeTooLong());
  }
}
