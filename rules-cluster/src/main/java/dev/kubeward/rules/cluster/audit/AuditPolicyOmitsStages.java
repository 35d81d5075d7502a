/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.audit;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * An {@code omitStages} list (of the policy or of a rule at a level other than {@code None}) that
 * omits a stage other than {@code RequestReceived}: {@code ResponseComplete} holds the response
 * status (was the request allowed?), {@code ResponseStarted} the start of watches, exec and
 * port-forward sessions, {@code Panic} the requests that crashed a handler. Omitting
 * {@code RequestReceived} is the documented way to halve the log and is not reported. Each omitted
 * stage is reported at its entry.
 */
public final class AuditPolicyOmitsStages implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("audit-policy-omits-stages")
      .title("Audit policy omits stages other than RequestReceived")
      .severity(Severity.INFO)
      .topic(Topic.AUDIT)
      .kinds(GroupKind.AUDIT_POLICY)
      .rationale("Each audit stage is a separate event. RequestReceived repeats what the later stages say"
          + " and is safe to omit; ResponseComplete is the only event with the response status, so"
          + " omitting it leaves a log that cannot tell a denied request from a granted one, and omitting"
          + " ResponseStarted or Panic loses long-running sessions and crashed requests.")
      .remediation("Omit only RequestReceived (omitStages: [RequestReceived]).")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    MapNode root = resource.root();
    report(resource, context, root.get("omitStages"), "the policy");
    ListNode rules = root.get("rules").asList();
    for (int i = 0; i < rules.size(); i++) {
      Node rule = rules.get(i);
      if (rule.get("omitStages").size() > 0 && !rule.get("level").textEquals("None")) {
        report(resource, context, rule.get("omitStages"), "rule " + (i + 1));
      }
    }
  }

  private static void report(Resource resource, Context context, Node stages, String where) {
    ListNode list = stages.asList();
    for (int i = 0; i < list.size(); i++) {
      Node stage = list.get(i);
      String text = stage.text();
      if (text != null && !text.equals("RequestReceived")) {
        context.report(resource, stage, resource.displayName() + " omits stage " + text + " in " + where
            + (text.equals("ResponseComplete") ? ", so the log does not say whether requests were allowed"
                : ", so those events are not logged"));
      }
    }
  }
}
