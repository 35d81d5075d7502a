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
 * A binding of a role (other than a trivial built-in one) to a namespace's {@code default}
 * service account, as a ServiceAccount subject or as the user
 * {@code system:serviceaccount:<namespace>:default}.
 */
public final class RbacDefaultServiceAccountBinding extends SubjectRule {

  private static final String PREFIX = "system:serviceaccount:";

  private static final RuleMetadata METADATA = RuleMetadata.builder("rbac-default-service-account-binding")
      .title("Binding to a default service account")
      .severity(Severity.MEDIUM)
      .topic(Topic.RBAC)
      .controls("cis-k8s:5.1.5")
      .kinds(GroupKind.ROLE_BINDING, GroupKind.CLUSTER_ROLE_BINDING, GroupKind.CLUSTER_ROLE, GroupKind.ROLE)
      .rationale("Every namespace has a service account named default, and every pod that names no other runs"
          + " as it: a role bound to it goes to every such pod of the namespace, present and future, and to"
          + " whoever may create pods there. A ServiceAccount subject of a RoleBinding without a namespace is"
          + " in the binding's namespace; the user system:serviceaccount:<namespace>:default is the same"
          + " account. The built-in ClusterRoles that grant only discovery and self-reviews are not reported."
          + " CIS Kubernetes Benchmark 1.12, 5.1.5: ensure that default service accounts are not actively"
          + " used.")
      .remediation("Create a dedicated ServiceAccount for the workload that needs the role, bind the role to it,"
          + " and set serviceAccountName in that workload.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  boolean concerns(String kind, String name) {
    return name.equals("default") || name.endsWith(":default");
  }

  @Override
  void check(Inventory inventory, Resource binding, Bindings.Subject subject, Context context) {
    String account;
    if (Bindings.SERVICE_ACCOUNT.equals(subject.kind()) && subject.name().equals("default")) {
      account = subject.describe();
    } else if (Bindings.USER.equals(subject.kind()) && subject.name().startsWith(PREFIX)
        && subject.name().endsWith(":default") && subject.name().indexOf(':', PREFIX.length()) == subject.name().length() - 8) {
      account = "ServiceAccount " + subject.name().substring(PREFIX.length(), subject.name().length() - 8)
          + "/default (as User " + subject.name() + ")";
    } else {
      return;
    }
    if (Bindings.bindsTrivialRole(inventory, binding)) {
      return;
    }
    report(context, binding, subject, binding.displayName() + " binds " + Bindings.describeRole(inventory, binding)
        + " to " + account + " " + scope(inventory, binding)
        + ", which every pod of the namespace that names no service account runs as", null);
  }
}
