/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.network.objects.Policies.Direction;

/**
 * A NetworkPolicy whose rules of one direction have no effect because its {@code policyTypes} (as
 * written or as defaulted) leave that direction out: rules listed under {@code ingress} or
 * {@code egress} that Kubernetes ignores, or an empty {@code egress: []} / {@code ingress: []}
 * that denies nothing. Reported at the key of the ignored list.
 */
public final class NetworkPolicyTypesMismatch implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("network-policy-types-mismatch")
      .title("NetworkPolicy rules ignored because of policyTypes")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .kinds(Policies.KINDS)
      .rationale("A NetworkPolicy isolates and filters only the directions its policyTypes name. When"
          + " policyTypes is given, rules of a direction it leaves out are kept by the API server and ignored"
          + " by every network plugin: policyTypes: [Ingress] with egress rules leaves egress unrestricted,"
          + " the opposite of what the rules say. When policyTypes is absent (or empty) it defaults to"
          + " Ingress, plus Egress only if egress has at least one rule, so egress: [] written to deny all"
          + " egress denies nothing; the same holds for ingress: [] under policyTypes that leave Ingress out."
          + " Source: SetDefaults_NetworkPolicy in pkg/apis/networking/v1/defaults.go and the policyTypes"
          + " field of k8s.io/api/networking/v1.")
      .remediation("List every direction the policy is meant to restrict in policyTypes (Ingress, Egress),"
          + " or delete the rules of the direction it should not touch.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    for (Direction direction : Policies.DIRECTIONS) {
      Node rules = spec.get(direction.field);
      if (!rules.isList() || Policies.enforces(spec, direction)) {
        continue;
      }
      String why = Policies.explicitTypes(spec)
          ? "policyTypes does not list " + direction.type
          : "policyTypes is not given and defaults to Ingress only";
      String what = rules.size() == 0
          ? direction.field + ": [] denies no " + direction.field
          : "its " + rules.size() + " " + direction.field + (rules.size() == 1 ? " rule is" : " rules are")
              + " ignored and " + direction.field + " is not restricted by it";
      context.finding(resource, spec.asMap().keyNode(direction.field))
          .message(resource.displayName() + ": " + what + " (" + why + ")")
          .key(direction.field)
          .report();
    }
  }
}
