/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ScalarNode;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * What every Pod Security Standards check rule shares: it runs only where admission would run its
 * check (level, policy version, overrides: see {@link PssCheck}), evaluates the version-specific
 * behaviour of that check on a pod spec, and words its findings the upstream way. The admission
 * rule calls {@link #evaluate} directly, at the level and version a namespace asks for.
 *
 * <p>Evaluation allocates nothing when the pod is fine: subclasses loop over containers by index
 * and build messages only for a violation.
 */
abstract class PssRule implements ResourceRule {

  private final PssCheck check;

  PssRule(PssCheck check) {
    this.check = check;
  }

  /** Metadata every check rule shares: topic, control, kinds. */
  static RuleMetadata.Builder metadata(String id, PssCheck check, Severity severity) {
    return RuleMetadata.builder(id)
        .severity(severity)
        .topic(Topic.POD_SECURITY)
        .controls(check.control())
        .kinds(RuleMetadata.WORKLOADS);
  }

  /** The upstream check this rule implements. */
  final PssCheck pssCheck() {
    return check;
  }

  @Override
  public final void check(Resource resource, Context context) {
    PodSpec pod = resource.podSpec();
    if (pod == null) {
      return;
    }
    if (PssOverlaps.evaluates(check, resource, context)) {
      evaluate(resource, pod, context.settings().pssVersion().minor(), context);
    }
  }

  /**
   * True if admission at {@code level}, policy version {@code minor}, runs this rule's check.
   */
  final boolean runsAt(PssLevel level, int minor) {
    return check.runsAt(level, minor);
  }

  /**
   * Evaluates the check as policy version {@code minor} defines it ({@link Integer#MAX_VALUE} for
   * {@code latest}) and reports each violation to {@code out}.
   */
  abstract void evaluate(Resource resource, PodSpec pod, int minor, Context out);

  /**
   * As {@link #evaluate}, for the Pods that {@code resource} (a Pod, or a template a controller
   * creates Pods from) stands for: the API defaults that apply to Pods only are applied first.
   */
  void evaluateCreatedPods(Resource resource, PodSpec pod, int minor, Context out) {
    evaluate(resource, pod, minor, out);
  }

  /**
   * True if {@link #evaluateCreatedPods} can report other than {@link #evaluate} on {@code pod} of
   * {@code resource}. A subclass that overrides {@code evaluateCreatedPods} overrides this too; the
   * admission rule evaluates a check once for a template and the Pods created from it when false.
   */
  boolean createdPodsDiffer(Resource resource, PodSpec pod) {
    return false;
  }

  // ---- shared helpers -------------------------------------------------------------------------

  /** True if {@code spec.os.name} is {@code windows} (exact, lower case, as admission compares). */
  static boolean isWindows(PodSpec pod) {
    return pod.isWindows();
  }

  /** True if the pod runs in its own user namespace ({@code spec.hostUsers: false}). */
  static boolean userNamespace(PodSpec pod) {
    return pod.spec().get("hostUsers").isFalse();
  }

  /** {@code container "app" of Deployment shop/web}. */
  static String subject(Container c, Resource resource) {
    return c.describe() + " of " + resource.displayName();
  }

  /** The pod ({@code c == null}) or the container {@code c} of {@code resource}, for messages. */
  static String subject(Resource resource, Container c) {
    return c == null ? subject(resource) : subject(c, resource);
  }

  /** {@code Deployment shop/web}: the pod of a resource, for pod-level fields. */
  static String subject(Resource resource) {
    return resource.displayName();
  }

  /**
   * A value as a message quotes it: booleans and numbers as they resolve, strings in double
   * quotes, anything else by its shape.
   */
  static String value(Node node) {
    if (node instanceof ScalarNode scalar) {
      switch (scalar.type()) {
        case BOOLEAN:
          return scalar.isTrue() ? "true" : "false";
        case INTEGER:
          long v = scalar.longValue(Long.MIN_VALUE);
          return v == Long.MIN_VALUE ? scalar.rawText() : Long.toString(v);
        case FLOAT:
          return scalar.rawText();
        case NULL:
          return "null";
        default:
          return "\"" + scalar.rawText() + "\"";
      }
    }
    if (node.isMap()) {
      return "a map";
    }
    if (node.isList()) {
      return "a list";
    }
    return "nothing";
  }

  /**
   * Where a finding about a field missing in the security context of {@code c} points: the key
   * {@code securityContext} when its value is an object (the object lacking the field), else the
   * container.
   */
  static Node lackingSecurityContext(Container c) {
    return c.securityContext().isMap() ? c.node().keyNode("securityContext") : c.node();
  }

  /**
   * Where a finding about a field missing below {@code start.k1.k2} points: the key {@code k2} when
   * its value is an object, else the key {@code k1} when its value is one, else {@code start}.
   */
  static Node lacking(Node start, String k1, String k2) {
    Node a = start.get(k1);
    if (!a.isMap()) {
      return start;
    }
    return a.get(k2).isMap() ? a.asMap().keyNode(k2) : start.asMap().keyNode(k1);
  }

  /** {@link #profile}: the profile object is unset (absent or null). */
  static final int UNSET = 0;
  /** {@link #profile}: the profile type is {@code RuntimeDefault} or {@code Localhost}. */
  static final int ALLOWED = 1;
  /** {@link #profile}: the profile is set with any other type, or none. */
  static final int FORBIDDEN = 2;

  private static final String[] PROFILE_TYPES = {"RuntimeDefault", "Localhost"};

  /**
   * Classifies {@code securityContext.<field>} ({@code seccompProfile}, {@code appArmorProfile}) as
   * admission does: {@link #UNSET}, {@link #ALLOWED} or {@link #FORBIDDEN}.
   */
  static int profile(Node securityContext, String field) {
    Node profile = securityContext.get(field);
    if (profile.isNull()) {
      return UNSET;
    }
    return oneOf(profile.get("type").text(), PROFILE_TYPES) ? ALLOWED : FORBIDDEN;
  }

  /** Reports a {@link #FORBIDDEN} {@code securityContext.<field>} of the pod ({@code c == null}) or of {@code c}. */
  static void reportForbiddenProfile(Resource resource, Node securityContext, String field, Container c,
      Context out) {
    Node profile = securityContext.get(field);
    Node type = profile.get("type");
    String who = subject(resource, c);
    if (type.isNull()) {
      out.report(resource, type.isMissing() ? securityContext.asMap().keyNode(field) : type,
          who + " must set securityContext." + field + ".type to RuntimeDefault or Localhost");
    } else {
      out.report(resource, type, who + " must not set securityContext." + field + ".type=" + value(type)
          + " (allowed: RuntimeDefault, Localhost)");
    }
  }

  /** {@code v1.25}, or {@code latest} for {@link Integer#MAX_VALUE}. */
  static String version(int minor) {
    return minor == Integer.MAX_VALUE ? "latest" : "v1." + minor;
  }

  /** True if {@code text} is one of {@code allowed} (exact, case-sensitive). */
  static boolean oneOf(String text, String[] allowed) {
    if (text == null) {
      return false;
    }
    for (String a : allowed) {
      if (a.equals(text)) {
        return true;
      }
    }
    return false;
  }
}
