/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import dev.kubeward.model.WorkloadKinds;
import java.util.List;

/**
 * The service a rules module registers through {@code java.util.ServiceLoader} (both
 * {@code provides} in {@code module-info.java} and {@code META-INF/services}).
 */
public interface RuleProvider {

  /** The rules of this module, with default parameters. */
  List<Rule> rules();

  /**
   * Pod template carriers this module declares (custom resources whose template holds a pod), so
   * that every workload rule, of any module, also checks them. A scanner that discovers this
   * provider adds them to its loader; carriers from the configuration win over these, and these
   * win over the built-in ones for the same kind.
   */
  default List<WorkloadKinds.Carrier> workloadKinds() {
    return List.of();
  }
}
