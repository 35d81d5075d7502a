/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rules.cluster.controlplane.ControlPlaneCommandNotCheckable;
import dev.kubeward.rules.cluster.controlplane.ControlPlaneFlag;
import dev.kubeward.rules.cluster.controlplane.ControlPlaneVersionUnsupported;
import dev.kubeward.rules.cluster.kubeadm.KubeadmExternalEtcdPlaintext;
import java.util.ArrayList;
import java.util.List;

/** Registers the cluster rules. */
public final class ClusterRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    // control plane: static Pods and kubeadm configuration
    rules.addAll(ControlPlaneFlag.rules());
    rules.add(new ControlPlaneCommandNotCheckable());
    rules.add(new ControlPlaneVersionUnsupported());
    rules.add(new KubeadmExternalEtcdPlaintext());
    return List.copyOf(rules);
  }
}
