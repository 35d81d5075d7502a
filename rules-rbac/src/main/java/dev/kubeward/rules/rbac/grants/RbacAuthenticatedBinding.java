/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A binding of a non-trivial role to the group {@code system:authenticated} (every user) or
 * {@code system:serviceaccounts} (every service account).
 */
public final class RbacAuthenticatedBinding extends SubjectRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("rbac-authenticated-binding")
      .title("Binding to every authenticated user or every service account")
      .severity(Severity.HIGH)
      .topic(Topic.RBAC)
      .kinds(GroupKind.ROLE_BINDING, GroupKind.CLUSTER_ROLE_BINDING, GroupKind.CLUSTER_ROLE, GroupKind.ROLE)
      .rationale("Every authenticated request is in the group system:authenticated, every service account's in"
          + " system:serviceaccounts: a role bound to either is held by every pod of the cluster that mounts a"
          + " token, so one compromised container anywhere gets it (and, for system:authenticated, every user"
          + " of an identity provider that the cluster trusts, which for some managed clusters is every account"
          + " of the provider). The built-in ClusterRoles that grant only discovery, health and version URLs"
          + " and self-reviews (system:basic-user, system:discovery, system:public-info-viewer,"
          + " system:service-account-issuer-discovery), which Kubernetes itself binds this way, are not"
          + " reported unless the scan adds other rules to them. Any other role is reported, whether or not it"
          + " is in the scan.")
      .remediation("Bind the role to the users, groups or service accounts that need it instead of"
          + " system:authenticated or system:serviceaccounts.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  boolean concerns(String kind, String name) {
    return name.equals("system:authenticated") || name.equals("system:serviceaccounts");
  }

  @Override
  void check(Inventory inventory, Resource binding, Bindings.Subject subject, Context context) {
    String who;
    if (subject.isGroup("system:authenticated")) {
      who = "every authenticated user and service account";
    } else if (subject.isGroup("system:serviceaccounts")) {
      who = "every service account of the cluster";
    } else {
      return;
    }
    if (Bindings.bindsTrivialRole(inventory, binding)) {
      return;
    }
    report(context, binding, subject, binding.displayName() + " grants " + Bindings.describeRole(inventory, binding)
        + " to " + subject.describe() + " " + scope(inventory, binding) + ", that is to " + who, null);
  }
}
