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

/** A binding to the user {@code system:anonymous} or the group {@code system:unauthenticated}. */
public final class RbacAnonymousBinding extends SubjectRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("rbac-anonymous-binding")
      .title("Binding to anonymous users")
      .severity(Severity.CRITICAL)
      .topic(Topic.RBAC)
      .kinds(GroupKind.ROLE_BINDING, GroupKind.CLUSTER_ROLE_BINDING, GroupKind.CLUSTER_ROLE, GroupKind.ROLE)
      .rationale("When anonymous authentication is on (the API server's default), a request without"
          + " credentials runs as the user system:anonymous in the group system:unauthenticated: a binding to"
          + " either grants its role to anyone who can reach the API server, from the internet if it is"
          + " exposed. The built-in ClusterRoles that grant only discovery, health and version URLs and"
          + " self-reviews (system:public-info-viewer, system:discovery, system:basic-user,"
          + " system:service-account-issuer-discovery), which Kubernetes itself binds this way, are not"
          + " reported unless the scan adds other rules to them. Any other role is reported, whether or not it"
          + " is in the scan.")
      .remediation("Remove system:anonymous and system:unauthenticated from the binding's subjects and bind the"
          + " role to authenticated identities.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  boolean concerns(String kind, String name) {
    return name.equals("system:anonymous") || name.equals("system:unauthenticated");
  }

  @Override
  void check(Inventory inventory, Resource binding, Bindings.Subject subject, Context context) {
    if (!subject.isUser("system:anonymous") && !subject.isGroup("system:unauthenticated")) {
      return;
    }
    if (Bindings.bindsTrivialRole(inventory, binding)) {
      return;
    }
    report(context, binding, subject, binding.displayName() + " grants " + Bindings.describeRole(inventory, binding)
        + " to " + subject.describe() + " " + scope(inventory, binding)
        + ", that is to anyone who can reach the API server without credentials", null);
  }
}
