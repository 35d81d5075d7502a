/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.List;

/**
 * Where a rule reports findings and reads scan-wide settings. The engine fills in the rule,
 * severity, source, position and JSON path of each finding.
 */
public interface Context {

  /**
   * Reports a finding on {@code resource} at {@code at}: the offending node, or, for a missing
   * field, the object that lacks it. {@code at} must belong to {@code resource}'s tree; when it is
   * {@link Node#MISSING} the finding points at the resource itself.
   *
   * @param message one sentence, no trailing period, naming the object and quoting the value
   */
  void report(Resource resource, Node at, String message);

  /** As {@link #report(Resource, Node, String)}, with controls that replace the rule's own. */
  void report(Resource resource, Node at, String message, List<String> controls);

  /**
   * As {@link #report(Resource, Node, String, List)}, at {@code severity} instead of the rule's
   * default, for a rule whose findings differ in weight (an admission rejection versus a warning).
   * A severity the configuration sets for the rule still applies to every finding of the rule. A
   * context that does not support per-finding severity uses the rule's.
   */
  default void report(Resource resource, Node at, String message, List<String> controls, Severity severity) {
    report(resource, at, message, controls);
  }

  /** Scan-wide settings, such as the Pod Security Standards level and version. */
  ScanSettings settings();
}
