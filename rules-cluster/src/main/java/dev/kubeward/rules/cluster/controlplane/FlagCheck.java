/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import dev.kubeward.model.Node;
import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;
import java.util.Objects;

/**
 * One row of a component's table: one check of the CIS Kubernetes Benchmark, or one documented
 * check beyond it, on the flags of one control-plane component.
 *
 * @param id the rule id
 * @param cis the CIS Kubernetes Benchmark recommendation ({@code 1.2.15}), or {@code null}
 * @param component the component whose flags are judged
 * @param severity how bad a finding is
 * @param topic the rule's topic
 * @param title what is wrong, as the catalogue's title
 * @param judge the check
 * @param rationale why it matters, with the default that applies when the flag is absent
 * @param remediation the value to set
 * @param controls further controls ({@code cve:...}), beyond the CIS one
 */
public record FlagCheck(String id, String cis, Component component, Severity severity, Topic topic, String title,
    Judge judge, String rationale, String remediation, List<String> controls) {

  /** Judges the flags of one component. */
  @FunctionalInterface
  public interface Judge {
    /**
     * What is wrong with {@code flags} on the Kubernetes version {@code version}; empty when
     * nothing is (without allocating).
     */
    List<Verdict> judge(ComponentFlags flags, KubeVersions.Applied version);
  }

  /**
   * One finding.
   *
   * @param at where it points
   * @param message the message
   * @param severity the severity when it differs from the rule's, or {@code null}
   */
  public record Verdict(Node at, String message, Severity severity) {
    public Verdict {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(message, "message");
    }

    /** A finding of the rule's severity. */
    public static List<Verdict> of(Node at, String message) {
      return List.of(new Verdict(at, message, null));
    }
  }

  public FlagCheck {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(component, "component");
    controls = List.copyOf(controls);
  }

  /** A row citing the CIS recommendation {@code cis} ({@code null} for none) and nothing else. */
  static FlagCheck of(String id, String cis, Component component, Severity severity, Topic topic, String title,
      Judge judge, String rationale, String remediation) {
    return new FlagCheck(id, cis, component, severity, topic, title, judge, rationale, remediation, List.of());
  }
}
