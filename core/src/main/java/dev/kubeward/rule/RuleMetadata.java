/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import dev.kubeward.model.GroupKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything known about a rule before it runs: the single source of truth for the catalogue, the
 * CLI's {@code rules} and {@code explain}, SARIF rule descriptors and the docs.
 *
 * <p>{@link #kinds()} says which resources the engine hands the rule; the special kind
 * {@link #WORKLOADS} stands for every object that carries a pod template (built-in or declared).
 * {@link #optIn()} rules are left out of the {@code recommended} profile.
 */
public final class RuleMetadata {

  /** Pseudo-kind: every resource with a pod spec (Pod, Deployment, CronJob, declared carriers...). */
  public static final GroupKind WORKLOADS = new GroupKind("*", "workloads");

  /** Pseudo-kind: every resource. */
  public static final GroupKind ANY = new GroupKind("*", "*");

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final String id;
  private final String title;
  private final Severity severity;
  private final Topic topic;
  private final List<String> controls;
  private final String rationale;
  private final String remediation;
  private final String since;
  private final Set<GroupKind> kinds;
  private final List<Parameter> parameters;
  private final boolean optIn;

  private RuleMetadata(Builder b) {
    this.id = b.id;
    this.title = require(b.title, "title");
    this.severity = Objects.requireNonNull(b.severity, "rule " + b.id + " needs a severity");
    this.topic = Objects.requireNonNull(b.topic, "rule " + b.id + " needs a topic");
    this.controls = List.copyOf(b.controls);
    this.rationale = require(b.rationale, "rationale");
    this.remediation = require(b.remediation, "remediation");
    this.since = b.since;
    this.kinds = Set.copyOf(b.kinds);
    this.parameters = List.copyOf(b.parameters);
    this.optIn = b.optIn;
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " must declare the kinds it looks at");
    }
    if (title.endsWith(".")) {
      throw new IllegalArgumentException("title of rule " + id + " must not end with a period");
    }
    if (!remediation.endsWith(".")) {
      throw new IllegalArgumentException("remediation of rule " + id + " must end with a period");
    }
    for (String c : controls) {
      String problem = Controls.problem(c);
      if (problem != null) {
        throw new IllegalArgumentException("control '" + c + "' of rule " + id + " " + problem);
      }
    }
    Set<String> names = new java.util.HashSet<>();
    for (Parameter p : parameters) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("rule " + id + " declares parameter " + p.name() + " twice");
      }
    }
  }

  private String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("rule " + id + " needs a " + what);
    }
    return value;
  }

  /** Starts metadata for the rule {@code id} (kebab-case, unique, stable forever). */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  public String id() {
    return id;
  }

  /** A short noun phrase, no trailing period. */
  public String title() {
    return title;
  }

  /** The default severity (a profile or configuration may override it). */
  public Severity severity() {
    return severity;
  }

  public Topic topic() {
    return topic;
  }

  /**
   * Standard references: {@code pss-baseline:privileged}, {@code cis-k8s:1.2.1}... Each is of a
   * form {@link Controls} knows, and a {@code cis-k8s:} id is a recommendation of the CIS
   * Kubernetes Benchmark {@value Controls#CIS_K8S_VERSION}.
   */
  public List<String> controls() {
    return controls;
  }

  /** Why the finding matters. */
  public String rationale() {
    return rationale;
  }

  /** What to do, as an imperative sentence ending in a period. */
  public String remediation() {
    return remediation;
  }

  /** The Kubeward version that introduced the rule. */
  public String since() {
    return since;
  }

  /**
   * The group-kinds the engine dispatches to the rule ({@link #WORKLOADS}, {@link #ANY} or
   * group-kinds such as {@link GroupKind#DEPLOYMENT}).
   */
  public Set<GroupKind> kinds() {
    return kinds;
  }

  /** The declared parameters, as the catalogue describes them, in declaration order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** True if the rule is left out of the {@code recommended} profile. */
  public boolean optIn() {
    return optIn;
  }

  /** True if one of the controls starts with {@code prefix} (e.g. {@code "pss-baseline:"}). */
  public boolean hasControlPrefix(String prefix) {
    for (String c : controls) {
      if (c.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return id;
  }

  /** Builds {@link RuleMetadata}; every field but controls, parameters and optIn is required. */
  public static final class Builder {
    private final String id;
    private String title;
    private Severity severity;
    private Topic topic;
    private final List<String> controls = new ArrayList<>();
    private String rationale;
    private String remediation;
    private String since = "0.1.0";
    private final Set<GroupKind> kinds = new LinkedHashSet<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private boolean optIn;

    private Builder(String id) {
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalArgumentException("rule id '" + id + "' must be kebab-case");
      }
      this.id = id;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    public Builder topic(Topic topic) {
      this.topic = topic;
      return this;
    }

    /**
     * Adds standard references; {@link #build()} rejects one that is not of a form {@link Controls}
     * knows, or a {@code cis-k8s:} id the benchmark does not have.
     */
    public Builder controls(String... controls) {
      this.controls.addAll(List.of(controls));
      return this;
    }

    public Builder rationale(String rationale) {
      this.rationale = rationale;
      return this;
    }

    public Builder remediation(String remediation) {
      this.remediation = remediation;
      return this;
    }

    public Builder since(String since) {
      this.since = since;
      return this;
    }

    /**
     * The group-kinds to dispatch; {@link RuleMetadata#WORKLOADS} for every pod template carrier,
     * {@link RuleMetadata#ANY} for every resource.
     */
    public Builder kinds(GroupKind... kinds) {
      this.kinds.addAll(List.of(kinds));
      return this;
    }

    /** Declares parameters, each with its default, in the order the catalogue lists them. */
    public Builder parameters(ParameterKey<?>... keys) {
      for (ParameterKey<?> key : keys) {
        this.parameters.add(key.parameter());
      }
      return this;
    }

    /** Leaves the rule out of the {@code recommended} profile. */
    public Builder optIn() {
      this.optIn = true;
      return this;
    }

    public RuleMetadata build() {
      return new RuleMetadata(this);
    }
  }
}
