/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.admission;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An admission policy that only warns or audits: a ValidatingAdmissionPolicyBinding whose
 * {@code validationActions} lack {@code Deny}; a Kyverno ClusterPolicy or Policy whose validate
 * rules run in Audit mode ({@code spec.validationFailureAction}, unset meaning Audit, or the
 * newer {@code spec.rules[].validate.failureAction}, which overrides it); a Kyverno
 * ValidatingPolicy without {@code Deny}; a Gatekeeper constraint ({@code constraints.gatekeeper.sh})
 * whose {@code enforcementAction} is {@code dryrun} or {@code warn}, or {@code scoped} without a
 * {@code deny} action. One finding per deciding field; a Kyverno policy's finding names its rules.
 */
public final class AdmissionPolicyNotEnforcing implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("admission-policy-not-enforcing")
      .title("Admission policy that only warns or audits")
      .severity(Severity.LOW)
      .topic(Topic.API_SERVER)
      .controls("cis-k8s:5.2.1")
      .kinds(RuleMetadata.ANY)
      .rationale("A policy in audit or warn mode reports violations but admits them: it is a rollout step,"
          + " not a control. Left that way, the workload it was written to stop runs anyway, and the"
          + " report or warning is read by nobody. Kyverno policies audit unless told to enforce.")
      .remediation("Once the audit reports are clean, switch the policy to enforce: validationActions [Deny]"
          + " for a ValidatingAdmissionPolicyBinding, failureAction Enforce for Kyverno, enforcementAction deny"
          + " for Gatekeeper.")
      .build();

  private static final GroupKind KYVERNO_CLUSTER_POLICY = GroupKind.of("kyverno.io", "ClusterPolicy");
  private static final GroupKind KYVERNO_POLICY = GroupKind.of("kyverno.io", "Policy");
  private static final GroupKind KYVERNO_VALIDATING_POLICY = GroupKind.of("policies.kyverno.io", "ValidatingPolicy");
  private static final String GATEKEEPER_CONSTRAINTS = "constraints.gatekeeper.sh";

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    if (resource.is(GroupKind.VALIDATING_ADMISSION_POLICY_BINDING) || resource.is(KYVERNO_VALIDATING_POLICY)) {
      validationActions(resource, context);
    } else if (resource.is(KYVERNO_CLUSTER_POLICY) || resource.is(KYVERNO_POLICY)) {
      kyverno(resource, context);
    } else if (resource.apiGroup().equals(GATEKEEPER_CONSTRAINTS)) {
      gatekeeper(resource, context);
    }
  }

  private static void validationActions(Resource resource, Context context) {
    Node actions = resource.root().get("spec").get("validationActions");
    if (actions.size() == 0) {
      return;
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      String text = actions.get(i).text("");
      if (text.equals("Deny")) {
        return;
      }
      values.add(text);
    }
    context.report(resource, actions, resource.displayName() + " only reports violations (validationActions: ["
        + String.join(", ", values) + "]), so what it forbids is admitted");
  }

  private static void kyverno(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    Node policyAction = spec.get("validationFailureAction");
    Map<Node, List<String>> auditing = new LinkedHashMap<>();
    Node rules = spec.get("rules");
    for (int i = 0; i < rules.size(); i++) {
      Node rule = rules.get(i);
      Node validate = rule.get("validate");
      if (!validate.isMap()) {
        continue;
      }
      Node ruleAction = validate.get("failureAction");
      Node deciding = ruleAction.isMissing() ? policyAction : ruleAction;
      if (!deciding.isMissing() && !deciding.text("").toLowerCase(Locale.ROOT).equals("audit")) {
        continue;
      }
      Node at = deciding.isMissing() ? spec.asMap().keyNode("rules") : deciding;
      auditing.computeIfAbsent(at, k -> new ArrayList<>()).add(rule.get("name").text("#" + (i + 1)));
    }
    for (Map.Entry<Node, List<String>> e : auditing.entrySet()) {
      Node at = e.getKey();
      List<String> names = e.getValue();
      String how;
      if (at == policyAction) {
        how = "validationFailureAction: " + policyAction.text();
      } else if (at.isScalar()) {
        how = "validate.failureAction: " + at.text();
      } else {
        how = "no validationFailureAction, which means Audit";
      }
      context.finding(resource, at).key(String.join(",", names))
          .message(resource.displayName() + " audits without enforcing (" + how + ") in its validate rule"
              + (names.size() == 1 ? " " : "s ") + quoteAll(names) + ", so what it forbids is admitted")
          .report();
    }
  }

  private static void gatekeeper(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    Node action = spec.get("enforcementAction");
    String text = action.text("deny");
    if (text.equals("dryrun") || text.equals("warn")) {
      context.report(resource, action, resource.displayName() + " only reports violations (enforcementAction: "
          + text + "), so what it forbids is admitted");
    } else if (text.equals("scoped")) {
      Node scoped = spec.get("scopedEnforcementActions");
      for (int i = 0; i < scoped.size(); i++) {
        if (scoped.get(i).get("action").textEquals("deny")) {
          return;
        }
      }
      MapNode map = spec.asMap();
      context.report(resource, map.has("scopedEnforcementActions") ? map.keyNode("scopedEnforcementActions") : action,
          resource.displayName() + " is scoped without a deny action (enforcementAction: scoped), so what it"
          + " forbids is admitted");
    }
  }

  private static String quoteAll(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append(sb.length() == 0 ? "" : ", ").append('"').append(n).append('"');
    }
    return sb.toString();
  }
}
