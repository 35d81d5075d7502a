/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.node;

import dev.kubeward.rule.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The kubelet rules of this package, one per row of the kubelet settings table. */
public final class KubeletRules {

  private KubeletRules() {}

  /** Every kubelet rule: the table's rows in order, then the command lines that cannot be checked. */
  public static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>(KubeletSetting.rules());
    rules.add(new KubeletCommandLineNotCheckable());
    return Collections.unmodifiableList(rules);
  }
}
