/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * An {@code apps} Deployment, ReplicaSet, StatefulSet or DaemonSet whose {@code spec.selector} is
 * missing, empty or does not match the labels of its own pod template.
 */
public final class SelectorMismatch implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("selector-mismatch")
      .title("Workload selector that does not match its pod template")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(GroupKind.DEPLOYMENT, GroupKind.REPLICA_SET, GroupKind.STATEFUL_SET, GroupKind.DAEMON_SET)
      .optIn()
      .rationale("In the apps group a Deployment, ReplicaSet, StatefulSet or DaemonSet must state a"
          + " non-empty spec.selector that matches its template's labels: the API server rejects it"
          + " otherwise (selector does not match template labels), so the manifest never applied as"
          + " written and the controller never ran the pods the other findings are about. The selector is"
          + " matched with matchLabels and matchExpressions. The extensions group, which defaulted a"
          + " missing selector to the template's labels, is not judged. Peers: kube-linter"
          + " mismatching-selector, kube-score *-pod-selector-labels-match-template-metadata-labels. A"
          + " missing or empty selector is reported as INFO: kustomize bases leave it out on purpose when"
          + " their kustomization adds it (commonLabels, or labels with includeSelectors).")
      .remediation("Make spec.selector a subset of spec.template.metadata.labels (the selector of an"
          + " existing object cannot be changed: recreate it).")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    if (resource.podSpec() == null) {
      return;
    }
    Node spec = resource.root().get("spec");
    Node selector = spec.get("selector");
    if (selector.isNull() || (selector.isMap() && selector.size() == 0)) {
      Node at = selector.isMissing() ? resource.root().keyNode("spec") : spec.asMap().keyNode("selector");
      // A kustomize base often leaves the selector to commonLabels or labels with includeSelectors.
      context.finding(resource, at)
          .message(resource.displayName() + (selector.isMissing() ? " sets no spec.selector"
              : " has an empty spec.selector") + ", which the API server rejects in " + resource.apiVersion()
              + " (unless a kustomize overlay adds one)")
          .severity(Severity.INFO)
          .report();
      return;
    }
    if (!selector.isMap()) {
      return;
    }
    Node labels = resource.podSpec().metadata().get("labels");
    if (!matches(selector.asMap(), labels.asMap())) {
      context.report(resource, spec.asMap().keyNode("selector"), resource.displayName() + "'s spec.selector"
          + " does not match its template's labels " + (labels.isMap() ? labels.toString() : "(none)")
          + ": the API server rejects it");
    }
  }

  /**
   * True if {@code selector} (matchLabels and matchExpressions) matches {@code labels}, read in the
   * trees so that a workload that passes allocates nothing. An unknown operator matches nothing, as
   * the API server rejects it.
   */
  static boolean matches(MapNode selector, MapNode labels) {
    MapNode matchLabels = selector.get("matchLabels").asMap();
    for (int i = 0; i < matchLabels.size(); i++) {
      String want = matchLabels.value(i).text();
      if (want == null || !labels.get(matchLabels.key(i)).textEquals(want)) {
        return false;
      }
    }
    Node expressions = selector.get("matchExpressions");
    for (int i = 0; i < expressions.size(); i++) {
      Node e = expressions.get(i);
      String key = e.get("key").text();
      Node label = key == null ? Node.MISSING : labels.get(key);
      boolean present = !label.isNull();
      Node op = e.get("operator");
      boolean ok;
      if (op.textEquals("Exists")) {
        ok = present;
      } else if (op.textEquals("DoesNotExist")) {
        ok = !present;
      } else if (op.textEquals("In")) {
        ok = present && contains(e.get("values"), label.text());
      } else if (op.textEquals("NotIn")) {
        ok = !present || !contains(e.get("values"), label.text());
      } else {
        // An unknown operator is a schema error, not a mismatch: left to schema validation.
        ok = true;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(Node values, String value) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).textEquals(value)) {
        return true;
      }
    }
    return false;
  }
}
