/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;

/**
 * Where a rule reports findings and reads scan-wide settings. The engine fills in the rule,
 * severity, source, position, JSON path and stable key of each finding.
 */
public interface Context {

  /**
   * Starts a finding on {@code resource} at {@code at}: the offending node, or, for a missing
   * field, the object that lacks it; {@link Node#MISSING} points at the resource itself. {@code at}
   * must belong to {@code resource}'s tree (related locations may be in any resource). Nothing is
   * reported until {@link FindingBuilder#report()}.
   */
  FindingBuilder finding(Resource resource, Node at);

  /**
   * Reports a finding with nothing but a message: {@code finding(resource, at).message(message).report()}.
   *
   * @param message one sentence, no trailing period, naming the object and quoting the value
   */
  default void report(Resource resource, Node at, String message) {
    finding(resource, at).message(message).report();
  }

  /** Scan-wide settings, such as the Pod Security Standards level and version. */
  ScanSettings settings();

  /**
   * The Kubernetes version that applies to {@code resource} and where it came from:
   * {@code KubeVersions.forObject(resource, settings())}.
   */
  default KubeVersions.Applied kubeVersion(Resource resource) {
    return KubeVersions.forObject(resource, settings());
  }

  /**
   * True if the rule {@code ruleId} runs in this scan. A rule that another overrides (a baseline
   * check a restricted one replaces) asks whether the overriding rule runs.
   */
  default boolean runs(String ruleId) {
    return false;
  }

  /**
   * True if findings of rule {@code ruleId} on {@code resource} are suppressed (by an annotation
   * with a reason or a configured exemption). An override applies only where the overriding
   * rule's finding would be seen.
   */
  default boolean isSuppressed(String ruleId, Resource resource) {
    return false;
  }
}
