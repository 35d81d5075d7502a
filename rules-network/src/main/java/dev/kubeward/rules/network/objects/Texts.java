/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;

/** Small helpers for messages. */
final class Texts {

  private Texts() {}

  /** A plain map of labels as {@code {app: web, tier: front}}. */
  static String labels(Node labels) {
    MapNode map = labels.asMap();
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < map.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(map.key(i)).append(": ").append(map.value(i).text(""));
    }
    return sb.append('}').toString();
  }
}
