/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.InlineSuppression;
import dev.kubeward.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a finding of a rule on a resource is suppressed, and why: an annotation
 * {@code ignore.kubeward.dev/<rule-id>} with a reason on the object, a comment
 * {@code # kubeward:ignore <rule-id> <reason>} in its document, or a configured exemption.
 * Thread-safe; asking about an object that suppresses nothing allocates nothing once each rule's
 * annotation name is known.
 */
final class Suppressions {

  private final List<Exemption> exemptions;
  private final Map<String, String> annotationNames = new ConcurrentHashMap<>();

  Suppressions(List<Exemption> exemptions) {
    this.exemptions = List.copyOf(exemptions);
  }

  /** Why findings of {@code ruleId} on {@code resource} are suppressed, or {@code null}. */
  String reasonFor(String ruleId, Resource resource) {
    Map<String, String> annotations = resource.annotations();
    if (!annotations.isEmpty()) {
      String name = annotationNames.computeIfAbsent(ruleId, id -> Kubeward.SUPPRESSION_PREFIX + id);
      String reason = annotations.get(name);
      if (reason != null && !reason.isBlank()) {
        return reason;
      }
    }
    List<InlineSuppression> comments = resource.inlineSuppressions();
    for (int i = 0; i < comments.size(); i++) {
      InlineSuppression c = comments.get(i);
      if (c.suppresses() && c.ruleId().equals(ruleId)) {
        return c.reason();
      }
    }
    for (int i = 0; i < exemptions.size(); i++) {
      Exemption e = exemptions.get(i);
      if (e.covers(ruleId, resource)) {
        return e.reason();
      }
    }
    return null;
  }
}
