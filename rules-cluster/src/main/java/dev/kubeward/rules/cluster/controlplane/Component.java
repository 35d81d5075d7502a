/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import dev.kubeward.commandline.FlagTable;

/** A control-plane component whose flags the control-plane rules judge. */
public enum Component {
  KUBE_APISERVER("kube-apiserver", FlagTable.KUBE_APISERVER, "apiServer"),
  KUBE_CONTROLLER_MANAGER("kube-controller-manager", FlagTable.KUBE_CONTROLLER_MANAGER, "controllerManager"),
  KUBE_SCHEDULER("kube-scheduler", FlagTable.KUBE_SCHEDULER, "scheduler"),
  ETCD("etcd", FlagTable.ETCD, "etcd");

  private final String binary;
  private final FlagTable table;
  private final String kubeadmSection;

  Component(String binary, FlagTable table, String kubeadmSection) {
    this.binary = binary;
    this.table = table;
    this.kubeadmSection = kubeadmSection;
  }

  /** The component's name, as its static Pod's {@code component} label and its binary call it. */
  public String binary() {
    return binary;
  }

  /** How the component reads its flags. */
  public FlagTable table() {
    return table;
  }

  /** The field of a kubeadm {@code ClusterConfiguration} that configures it. */
  public String kubeadmSection() {
    return kubeadmSection;
  }

  /** The component a flag table belongs to, or {@code null} when it is not a control-plane component. */
  public static Component of(FlagTable table) {
    for (Component c : values()) {
      if (c.table == table) {
        return c;
      }
    }
    return null;
  }

  /** The component called {@code name} ({@code kube-apiserver}), or {@code null}. */
  public static Component named(String name) {
    for (Component c : values()) {
      if (c.binary.equals(name)) {
        return c;
      }
    }
    return null;
  }
}
