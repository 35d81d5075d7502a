/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One finding being written: where it points, what it says, and what else the reader needs to see
 * (related locations in this or other resources), then {@link #report()}. Made only when a rule
 * has something to report, so the happy path allocates none.
 *
 * <pre>{@code
 * context.finding(workload, container.node())
 *     .message("container \"app\" of Deployment shop/web can read every Secret")
 *     .key("container:app")
 *     .related(binding, subject, "ClusterRoleBinding read-all binds its service account")
 *     .report();
 * }</pre>
 *
 * <p>A context (the engine, or a test's) extends this class and implements {@link #report()}.
 */
public abstract class FindingBuilder {

  /**
   * A place in a resource that explains a finding.
   *
   * @param resource the resource holding it (may be another than the finding's)
   * @param at the node, or {@link Node#MISSING} for the resource itself
   * @param message one short sentence, no trailing period
   */
  public record Related(Resource resource, Node at, String message) {
    public Related {
      Objects.requireNonNull(resource, "resource");
      at = at == null ? Node.MISSING : at;
      Objects.requireNonNull(message, "message");
    }
  }

  private final Resource resource;
  private final Node at;
  private String message;
  private List<String> controls;
  private Severity severity;
  private String key;
  private List<Related> related = List.of();
  private int line;
  private int column;

  /**
   * A finding on {@code resource} at {@code at}: the offending node, or, for a missing field, the
   * object that lacks it; {@link Node#MISSING} (or {@code null}) for the resource itself.
   */
  protected FindingBuilder(Resource resource, Node at) {
    this.resource = Objects.requireNonNull(resource, "resource");
    this.at = at == null ? Node.MISSING : at;
  }

  /** One sentence, no trailing period, naming the object and quoting the value. Required. */
  public FindingBuilder message(String message) {
    this.message = Objects.requireNonNull(message, "message");
    return this;
  }

  /** Controls that replace the rule's own for this finding. */
  public FindingBuilder controls(List<String> controls) {
    this.controls = List.copyOf(controls);
    return this;
  }

  /**
   * A severity instead of the rule's default, for a rule whose findings differ in weight (an
   * admission rejection versus a warning). A severity the configuration sets for the rule still
   * applies to every finding of the rule.
   */
  public FindingBuilder severity(Severity severity) {
    this.severity = Objects.requireNonNull(severity, "severity");
    return this;
  }

  /**
   * What tells this finding apart from the rule's other findings on the same object (a container
   * name, a subject, a flag), for the finding's stable key. It must not depend on line numbers.
   * Without one, the JSON Pointer of the node is used.
   */
  public FindingBuilder key(String discriminator) {
    this.key = Objects.requireNonNull(discriminator, "discriminator");
    return this;
  }

  /** Adds a related location: a node of {@code resource} (this or another) that explains the finding. */
  public FindingBuilder related(Resource resource, Node at, String message) {
    if (related.isEmpty()) {
      related = new ArrayList<>(2);
    }
    related.add(new Related(resource, at, message));
    return this;
  }

  /**
   * Points the finding at {@code line} and {@code column} of the resource's source, for what no
   * node holds (a comment); the finding's JSON Pointer stays that of its node.
   */
  public FindingBuilder position(int line, int column) {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column must be positive");
    }
    this.line = line;
    this.column = column;
    return this;
  }

  /** The line set with {@link #position(int, int)}, or 0 for the node's. */
  public final int line() {
    return line;
  }

  /** The column set with {@link #position(int, int)}, or 0 for the node's. */
  public final int column() {
    return column;
  }

  /** Reports the finding. */
  public abstract void report();

  public final Resource resource() {
    return resource;
  }

  public final Node at() {
    return at;
  }

  /** The message; {@link IllegalStateException} if none was given. */
  public final String message() {
    if (message == null) {
      throw new IllegalStateException("a finding needs a message");
    }
    return message;
  }

  /** The controls set for this finding, or {@code null} for the rule's. */
  public final List<String> controls() {
    return controls;
  }

  /** The severity set for this finding, or {@code null} for the rule's. */
  public final Severity severity() {
    return severity;
  }

  /** The discriminator, or {@code null} when none was given. */
  public final String discriminator() {
    return key;
  }

  public final List<Related> related() {
    return related.isEmpty() ? List.of() : List.copyOf(related);
  }
}
