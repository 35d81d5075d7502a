/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Kubeward core: the resource model with source positions, the loader, the Rule SPI, the engine
 * and the report writers.
 */
module dev.kubeward.core {
  requires org.snakeyaml.engine;
  requires com.fasterxml.jackson.core;

  exports dev.kubeward.model;
  exports dev.kubeward.commandline;
  exports dev.kubeward.load;
  exports dev.kubeward.rule;
  exports dev.kubeward.engine;
  exports dev.kubeward.report;

  uses dev.kubeward.rule.RuleProvider;
}
