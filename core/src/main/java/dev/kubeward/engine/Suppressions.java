/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.InlineSuppression;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a finding of a rule on a resource is suppressed, and why: an annotation
 * {@code ignore.kubeward.dev/<rule-id>} with a reason on the object or its pod template, a comment
 * {@code # kubeward:ignore <rule-id> <reason>} in its document, or a configured exemption.
 * A reason of the form {@code until 2027-03-01: reason} suppresses through that day (UTC) and no
 * longer: after it the finding is reported again, with a note. Thread-safe; asking about an object that suppresses nothing allocates nothing once each rule's
 * annotation name is known.
 */
final class Suppressions {

  /** The form of a reason that ends: {@code until 2027-03-01: reason}. */
  private static final Pattern UNTIL = Pattern.compile("until\\s+(\\d{4}-\\d{2}-\\d{2})\\s*:\\s*(.*)", Pattern.DOTALL);

  private final List<Exemption> exemptions;
  private final LocalDate today;
  private final Map<String, String> annotationNames = new ConcurrentHashMap<>();

  Suppressions(List<Exemption> exemptions) {
    this(exemptions, LocalDate.now(ZoneOffset.UTC));
  }

  /** Suppressions as of {@code today}: a reason {@code until DATE: ...} holds through DATE. */
  Suppressions(List<Exemption> exemptions, LocalDate today) {
    this.exemptions = List.copyOf(exemptions);
    this.today = today;
  }

  /**
   * The reason {@code declared} gives, or {@code null} when there is none or it has expired: why a
   * finding is suppressed.
   */
  String activeReason(String declared) {
    return declared == null || expiry(declared) != null ? null : declared;
  }

  /**
   * The note a finding carries because the suppression {@code declared} gave has expired
   * ({@code suppression expired on 2027-03-01: reason}), or {@code null}.
   */
  String expiredNote(String declared) {
    Matcher m = declared == null ? null : expiry(declared);
    return m == null ? null : "suppression expired on " + m.group(1) + ": " + m.group(2).strip();
  }

  /** The matched {@code until DATE:} form of {@code reason} when DATE has passed, or {@code null}. */
  private Matcher expiry(String reason) {
    if (!reason.regionMatches(true, 0, "until", 0, 5)) {
      return null;
    }
    Matcher m = UNTIL.matcher(reason.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      return LocalDate.parse(m.group(1)).isBefore(today) ? m : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The reason given for suppressing {@code ruleId} on {@code resource}: an annotation on the
   * object or on its pod template (Helm charts often let users set only the latter), a comment in
   * its document, or an exemption; or {@code null}.
   */
  String declared(String ruleId, Resource resource) {
    return declared(ruleId, resource, annotated(resource));
  }

  /**
   * {@link #declared(String, Resource)} when the caller knows whether {@code resource} is
   * {@link #annotated}: most resources are not, and their findings then skip both annotation
   * look-ups.
   */
  String declared(String ruleId, Resource resource, boolean annotated) {
    return annotated ? declaredInAnnotations(ruleId, resource) : declaredElsewhere(ruleId, resource);
  }

  /**
   * True if {@code resource} or its pod template has an annotation named with
   * {@link Kubeward#SUPPRESSION_PREFIX}, whatever its rule.
   */
  static boolean annotated(Resource resource) {
    if (hasSuppressionKey(resource.root().get("metadata").get("annotations"))) {
      return true;
    }
    PodSpec pod = resource.podSpec();
    return pod != null && hasSuppressionKey(pod.annotations());
  }

  private static boolean hasSuppressionKey(Node annotations) {
    if (!annotations.isMap()) {
      return false;
    }
    MapNode map = annotations.asMap();
    for (int i = 0; i < map.size(); i++) {
      if (map.key(i).startsWith(Kubeward.SUPPRESSION_PREFIX)) {
        return true;
      }
    }
    return false;
  }

  private String declaredInAnnotations(String ruleId, Resource resource) {
    Map<String, String> annotations = resource.annotations();
    String name = null;
    if (!annotations.isEmpty()) {
      name = annotationNames.computeIfAbsent(ruleId, id -> Kubeward.SUPPRESSION_PREFIX + id);
      String reason = annotations.get(name);
      if (reason != null && !reason.isBlank()) {
        return reason;
      }
    }
    PodSpec pod = resource.podSpec();
    if (pod != null && pod.annotations().isMap() && pod.annotations() != resource.root().get("metadata").get("annotations")) {
      if (name == null) {
        name = annotationNames.computeIfAbsent(ruleId, id -> Kubeward.SUPPRESSION_PREFIX + id);
      }
      String reason = pod.annotations().get(name).text();
      if (reason != null && !reason.isBlank()) {
        return reason;
      }
    }
    return declaredElsewhere(ruleId, resource);
  }

  /** The reason a comment in the object's document or an exemption gives, or {@code null}. */
  private String declaredElsewhere(String ruleId, Resource resource) {
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
