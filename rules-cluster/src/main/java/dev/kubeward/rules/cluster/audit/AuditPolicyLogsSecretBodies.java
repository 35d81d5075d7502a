/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.audit;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An audit policy that writes the bodies of requests or responses that carry credentials to the
 * log: Secrets and ConfigMaps at {@code Request} or {@code RequestResponse}, TokenReviews (the
 * request holds the bearer token) at {@code Request} or above, and {@code serviceaccounts/token}
 * (the response holds the issued token) at {@code RequestResponse}. Rule order counts: the first
 * rule that matches a request decides its level, so an earlier {@code Metadata} rule for Secrets
 * shields them from a later {@code RequestResponse} catch-all, and an earlier rule that matches
 * only some of their requests (some users, verbs, namespaces or names) shields only those.
 * Reported once per rule that reaches any of them, at its {@code level}.
 */
public final class AuditPolicyLogsSecretBodies implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("audit-policy-logs-secret-bodies")
      .title("Audit policy logs the bodies of Secrets or tokens")
      .severity(Severity.HIGH)
      .topic(Topic.AUDIT)
      .controls("cis-k8s:3.2.2")
      .kinds(GroupKind.AUDIT_POLICY)
      .rationale("At level Request the audit log holds request bodies, at RequestResponse also response"
          + " bodies. For Secrets and ConfigMaps that is their data, for TokenReviews the bearer token being"
          + " checked, for serviceaccounts/token the token the API server issues. The audit log is read by"
          + " log pipelines, SIEMs and their operators who may not read Secrets, so every credential in"
          + " the cluster ends up readable outside RBAC.")
      .remediation("Add a rule at level Metadata for secrets, configmaps, tokenreviews and"
          + " serviceaccounts/token before any rule that logs bodies.")
      .build();

  /** A resource whose bodies carry credentials, and the lowest level that logs them. */
  private record Sensitive(String group, String resource, String subresource, AuditPolicy.Level leaksAt,
      String name) {}

  private static final List<Sensitive> SENSITIVE = List.of(
      new Sensitive("", "secrets", "", AuditPolicy.Level.REQUEST, "secrets"),
      new Sensitive("", "configmaps", "", AuditPolicy.Level.REQUEST, "configmaps"),
      new Sensitive("authentication.k8s.io", "tokenreviews", "", AuditPolicy.Level.REQUEST,
          "tokenreviews.authentication.k8s.io"),
      new Sensitive("", "serviceaccounts", "token", AuditPolicy.Level.REQUEST_RESPONSE, "serviceaccounts/token"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    AuditPolicy policy = AuditPolicy.of(resource);
    // By identity: each rule is one entry of the policy, and a record's generated hashCode would hash
    // its whole tree (and bootstrap java.lang.runtime.ObjectMethods on first use). Sorted below.
    Map<AuditPolicy.Rule, List<String>> leaks = new IdentityHashMap<>();
    for (Sensitive s : SENSITIVE) {
      for (AuditPolicy.Rule rule : policy.rules()) {
        AuditPolicy.Reach reach = AuditPolicy.reach(rule, s.group(), s.resource(), s.subresource());
        if (reach == AuditPolicy.Reach.NONE) {
          continue;
        }
        if (rule.level() != null && rule.level().compareTo(s.leaksAt()) >= 0) {
          leaks.computeIfAbsent(rule, r -> new ArrayList<>()).add(s.name());
        }
        if (reach == AuditPolicy.Reach.ALL) {
          break;
        }
      }
    }
    leaks.entrySet().stream()
        .sorted((a, b) -> Integer.compare(a.getKey().index(), b.getKey().index()))
        .forEach(e -> {
          AuditPolicy.Rule rule = e.getKey();
          context.finding(resource, rule.levelNode())
              .message(resource.displayName() + " logs " + join(e.getValue()) + " at level " + rule.level().text
                  + " (" + rule.label() + (rule.catchAll() ? ", a catch-all" : rule.scope())
                  + "), writing the credentials in their bodies to the audit log")
              .key("rule:" + rule.index())
              .report();
        });
  }

  private static String join(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
