/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector: {@code matchLabels} and {@code matchExpressions} (In, NotIn,
 * Exists, DoesNotExist), or the plain map of a Service selector. An empty selector matches
 * everything; use {@link #isEmpty()} where an absent selector means "nothing".
 */
public final class LabelSelector {

  private record Requirement(String key, String operator, List<String> values) {
    boolean matches(Map<String, String> labels) {
      return matches(labels.get(key));
    }

    boolean matches(MapNode labels) {
      Node node = labels.get(key);
      return matches(node.isMissing() ? null : node.text(""));
    }

    private boolean matches(String value) {
      switch (operator) {
        case "In":
          return value != null && values.contains(value);
        case "NotIn":
          return value == null || !values.contains(value);
        case "Exists":
          return value != null;
        case "DoesNotExist":
          return value == null;
        default:
          return false;
      }
    }
  }

  private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), true);

  private final List<Requirement> requirements;
  private final boolean valid;

  private LabelSelector(List<Requirement> requirements, boolean valid) {
    this.requirements = requirements;
    this.valid = valid;
  }

  /** A selector that matches everything. */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /**
   * A selector from a {@code LabelSelector} object ({@code matchLabels}, {@code matchExpressions}).
   * A missing or null node gives the empty selector. An unknown operator makes the selector match
   * nothing, as the API server would reject it.
   */
  public static LabelSelector of(Node selector) {
    if (!selector.isMap()) {
      return EVERYTHING;
    }
    List<Requirement> reqs = new ArrayList<>();
    boolean valid = true;
    MapNode matchLabels = selector.get("matchLabels").asMap();
    for (int i = 0; i < matchLabels.size(); i++) {
      reqs.add(new Requirement(matchLabels.key(i), "In", List.of(matchLabels.value(i).text(""))));
    }
    Node expressions = selector.get("matchExpressions");
    for (int i = 0; i < expressions.size(); i++) {
      Node e = expressions.get(i);
      String op = e.get("operator").text("");
      if (!List.of("In", "NotIn", "Exists", "DoesNotExist").contains(op)) {
        valid = false;
      }
      List<String> values = new ArrayList<>();
      Node v = e.get("values");
      for (int j = 0; j < v.size(); j++) {
        values.add(v.get(j).text(""));
      }
      reqs.add(new Requirement(e.get("key").text(""), op, List.copyOf(values)));
    }
    return new LabelSelector(List.copyOf(reqs), valid);
  }

  /** A selector from a plain map of labels, as in {@code Service.spec.selector}. */
  public static LabelSelector ofMap(Node labels) {
    MapNode map = labels.asMap();
    List<Requirement> reqs = new ArrayList<>();
    for (int i = 0; i < map.size(); i++) {
      reqs.add(new Requirement(map.key(i), "In", List.of(map.value(i).text(""))));
    }
    return new LabelSelector(List.copyOf(reqs), true);
  }

  /** True if the selector has no requirement (and so selects everything). */
  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** True if {@code labels} satisfy every requirement. */
  public boolean matches(Map<String, String> labels) {
    if (!valid) {
      return false;
    }
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /**
   * As {@link #matches(Map)} for a labels object of the tree (values as their text, a null or
   * non-scalar value as {@code ""}), without copying it into a map.
   */
  public boolean matches(MapNode labels) {
    if (!valid) {
      return false;
    }
    for (int i = 0; i < requirements.size(); i++) {
      if (!requirements.get(i).matches(labels)) {
        return false;
      }
    }
    return true;
  }
}
