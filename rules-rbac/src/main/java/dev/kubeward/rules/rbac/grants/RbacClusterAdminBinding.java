/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A binding of {@code cluster-admin} (from a ClusterRoleBinding or a RoleBinding), of
 * {@code admin} or {@code edit} from a ClusterRoleBinding, or of a role of the scan that grants
 * every verb on every resource, to anyone but the identities Kubernetes itself binds it to.
 */
public final class RbacClusterAdminBinding extends SubjectRule {

  private static final String CLUSTER_ADMIN = "cluster-admin";
  /** The group of the admin.conf credential kubeadm (v1.29 and later) binds to cluster-admin. */
  private static final String KUBEADM_ADMINS = "kubeadm:cluster-admins";

  private static final RuleMetadata METADATA = RuleMetadata.builder("rbac-cluster-admin-binding")
      .title("Binding of cluster-admin or another all-powerful role")
      .severity(Severity.HIGH)
      .topic(Topic.RBAC)
      .controls("cis-k8s:5.1.1")
      .kinds(GroupKind.ROLE_BINDING, GroupKind.CLUSTER_ROLE_BINDING, GroupKind.CLUSTER_ROLE, GroupKind.ROLE)
      .rationale("cluster-admin grants every verb on every resource: from a ClusterRoleBinding it is full"
          + " control of the cluster, from a RoleBinding full control of the namespace (its Secrets, pods and"
          + " roles included). admin and edit bound by a ClusterRoleBinding give, in every namespace, the"
          + " reading and writing of Secrets, running pods as any service account and (admin) changing roles"
          + " and bindings. The rule reports each subject of such a binding, and of bindings of a role of the"
          + " scan with an entry of \"*\" verbs on \"*\" resources in \"*\" API groups; a ClusterRoleBinding at"
          + " HIGH severity, a RoleBinding at MEDIUM. Kubernetes binds cluster-admin only to the group"
          + " system:masters (ClusterRoleBinding cluster-admin), which rbac-system-masters judges, and kubeadm"
          + " v1.29 and later to the group kubeadm:cluster-admins of its admin.conf (ClusterRoleBinding"
          + " kubeadm:cluster-admins): these two are not reported. CIS Kubernetes Benchmark 1.12, 5.1.1: ensure"
          + " that the cluster-admin role is only used where required.")
      .remediation("Bind a role with the permissions the subject needs, in the namespaces it needs them, instead"
          + " of cluster-admin (or admin and edit cluster-wide).")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  boolean concerns(Inventory inventory, Resource binding) {
    String name = Bindings.roleName(binding);
    if (Bindings.bindsClusterRole(binding) && (CLUSTER_ADMIN.equals(name)
        || (binding.is(GroupKind.CLUSTER_ROLE_BINDING) && ("admin".equals(name) || "edit".equals(name))))) {
      return true;
    }
    List<Resource> roles = Bindings.roles(inventory, binding);
    for (int r = 0; r < roles.size(); r++) {
      Resource role = roles.get(r);
      if (PolicyRules.isAggregated(role)) {
        return true;
      }
      Node rules = role.root().get("rules");
      for (int i = 0; i < rules.size(); i++) {
        if (PolicyRules.isFullWildcard(rules.get(i))) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  boolean concerns(String kind, String name) {
    return true;
  }

  @Override
  void check(Inventory inventory, Resource binding, Bindings.Subject subject, Context context) {
    if (subject.isGroup("system:masters")
        || (subject.isGroup(KUBEADM_ADMINS) && KUBEADM_ADMINS.equals(binding.name()))) {
      return;
    }
    String why = allPowerful(inventory, binding);
    if (why == null) {
      return;
    }
    boolean cluster = binding.is(GroupKind.CLUSTER_ROLE_BINDING);
    report(context, binding, subject, binding.displayName() + " binds " + Bindings.describeRole(inventory, binding)
        + why + " to " + subject.describe() + " " + scope(inventory, binding),
        cluster ? Severity.HIGH : Severity.MEDIUM);
  }

  /**
   * What makes the bound role all-powerful, as a phrase after its name ({@code ""} for
   * cluster-admin, admin and edit), or {@code null} if it is not.
   */
  private static String allPowerful(Inventory inventory, Resource binding) {
    String name = Bindings.roleName(binding);
    boolean clusterRole = Bindings.bindsClusterRole(binding);
    if (clusterRole && CLUSTER_ADMIN.equals(name)) {
      return "";
    }
    if (clusterRole && binding.is(GroupKind.CLUSTER_ROLE_BINDING) && ("admin".equals(name) || "edit".equals(name))) {
      return "";
    }
    for (Resource role : Bindings.roles(inventory, binding)) {
      for (PolicyRules.Entry e : PolicyRules.effective(inventory, role)) {
        if (e.isFullWildcard()) {
          return " (" + e.label() + " of " + e.role().displayName() + ": every verb on every resource)";
        }
      }
    }
    return null;
  }
}
