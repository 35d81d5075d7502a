/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.Set;

/**
 * Labels that controllers put on the pods they create ({@code pod-template-hash},
 * {@code statefulset.kubernetes.io/pod-name}, {@code job-name}...), which no pod template carries:
 * a selector entry on one of them matches any pod of the right workload, so matching a selector
 * against pod template labels leaves those entries out.
 */
public final class ControllerLabels {

  private static final Set<String> KEYS = Set.of(
      "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index", "controller-revision-hash",
      "pod-template-hash", "pod-template-generation", "job-name", "controller-uid",
      "batch.kubernetes.io/job-name", "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-completion-index");

  private ControllerLabels() {}

  /** True if controllers set the label {@code key} on the pods they create. */
  public static boolean contains(String key) {
    return KEYS.contains(key);
  }

  /**
   * How many entries of the equality {@code selector} (a Service's {@code spec.selector}) pod
   * template {@code labels} match, leaving out entries on {@linkplain #contains controller labels};
   * -1 if one of the other entries does not match. Read in the trees: allocates nothing.
   */
  public static int matchedEntries(MapNode selector, Node labels) {
    int matched = 0;
    for (int i = 0; i < selector.size(); i++) {
      String key = selector.key(i);
      if (KEYS.contains(key)) {
        continue;
      }
      Node value = labels.get(key);
      if (value.isMissing() || !value.text("").equals(selector.value(i).text(""))) {
        return -1;
      }
      matched++;
    }
    return matched;
  }
}
