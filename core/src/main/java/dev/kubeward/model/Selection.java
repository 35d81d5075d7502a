/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.Map;
import java.util.Objects;

/**
 * What a label selector field selects once its own meaning is applied (see {@link SelectorField}):
 * nothing, everything in its scope, the objects a {@link LabelSelector} matches, or, for a
 * namespace selector left out, the namespace of the object that holds it.
 *
 * @param kind which of the four it is
 * @param selector the selector for {@link Kind#MATCHING}, {@link LabelSelector#everything()} for
 *     {@link Kind#EVERYTHING}, {@code null} otherwise
 * @param node the selector node the meaning comes from (the labels a default was taken from, when
 *     the field is absent and defaulted), or {@code MISSING}
 */
public record Selection(Kind kind, LabelSelector selector, Node node) {

  /** What a selector field selects. */
  public enum Kind {
    /** No object at all (an absent selector that means none, a Service without selector...). */
    NOTHING,
    /** Every object in the field's scope (all pods of the namespace, all namespaces...). */
    EVERYTHING,
    /** The objects whose labels {@link Selection#selector()} matches. */
    MATCHING,
    /** Only the namespace of the object that holds the field (a NetworkPolicy peer's own namespace). */
    OWN_NAMESPACE
  }

  public Selection {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(node, "node");
    if ((kind == Kind.MATCHING || kind == Kind.EVERYTHING) != (selector != null)) {
      throw new IllegalArgumentException("a selector is given exactly for MATCHING and EVERYTHING");
    }
  }

  /** Nothing, as read from {@code node}. */
  public static Selection nothing(Node node) {
    return new Selection(Kind.NOTHING, null, node);
  }

  /** Everything in scope, as read from {@code node}. */
  public static Selection everything(Node node) {
    return new Selection(Kind.EVERYTHING, LabelSelector.everything(), node);
  }

  /** The objects {@code selector} matches, as read from {@code node}. */
  public static Selection matching(LabelSelector selector, Node node) {
    return new Selection(Kind.MATCHING, Objects.requireNonNull(selector, "selector"), node);
  }

  /** The holder's own namespace, as read from {@code node}. */
  public static Selection ownNamespace(Node node) {
    return new Selection(Kind.OWN_NAMESPACE, null, node);
  }

  /**
   * True if an object with {@code labels} is selected (within the field's scope).
   *
   * @throws IllegalStateException for {@link Kind#OWN_NAMESPACE}, which selects by name, not by
   *     labels
   */
  public boolean matches(Map<String, String> labels) {
    switch (kind) {
      case NOTHING:
        return false;
      case EVERYTHING:
        return true;
      case MATCHING:
        return selector.matches(labels);
      default:
        throw new IllegalStateException("OWN_NAMESPACE selects the holder's namespace, not by labels");
    }
  }
}
