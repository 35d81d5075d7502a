/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import dev.kubeward.model.Node;
import java.util.List;
import java.util.Map;

/**
 * The flags one control-plane component runs with, from wherever they are written: a static Pod's
 * command line or a kubeadm configuration's {@code extraArgs} with kubeadm's own flags. Flag names
 * are given without dashes.
 */
public interface ComponentFlags {

  /** The component. */
  Component component();

  /** True if the component gets the flag; false if its default applies. */
  boolean isSet(String name);

  /** The effective value (the last one given), or {@code null} when the flag is not set. */
  String text(String name);

  /**
   * The effective items of a list flag (every occurrence appended where the component appends),
   * the entries of a map flag as {@code key=value}, or the effective value alone; empty when not set.
   */
  List<String> values(String name);

  /** The merged entries of a map flag ({@code --feature-gates}); empty when not set. */
  Map<String, String> entries(String name);

  /** Where the flag is given (its effective occurrence), or {@link Node#MISSING}. */
  Node node(String name);

  /** Where the item {@code item} of a list or map flag is given, or {@link #node(String)}. */
  Node nodeOf(String name, String item);

  /** Where a finding about a flag that is not given points: the container's command, the extraArgs. */
  Node missingAt();

  /**
   * How a message names where a flag came from when the user did not write it ({@code " (set by
   * kubeadm)"}), or the empty string.
   */
  String origin(String name);

  /** How a message names the component: {@code kube-apiserver}, {@code kubeadm's kube-apiserver}. */
  default String subject() {
    return component().binary();
  }

  /** How a message names a flag: {@code --profiling}. */
  default String spell(String name) {
    return "--" + name;
  }

  /** How a message names a flag with a value: {@code --profiling=true}. */
  default String spell(String name, String value) {
    return "--" + name + "=" + value;
  }
}
