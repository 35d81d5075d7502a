/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.node;

import dev.kubeward.rule.Rule;
import java.util.List;

/** The kubelet rules of this package, one per row of the kubelet settings table. */
public final class KubeletRules {

  private KubeletRules() {}

  /** Every kubelet rule, in table order. */
  public static List<Rule> rules() {
    return KubeletSetting.rules();
  }
}
