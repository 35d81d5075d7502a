/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * An example third-party rules plugin: one rule for cert-manager Certificates, registered the
 * way every Kubeward rules module is.
 */
module dev.kubeward.examples {
  requires transitive dev.kubeward.core;

  exports dev.kubeward.examples;

  provides dev.kubeward.rule.RuleProvider with dev.kubeward.examples.ExampleRules;
}
