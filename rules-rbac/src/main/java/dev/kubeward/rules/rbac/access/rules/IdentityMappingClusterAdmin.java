/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access.rules;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.rbac.access.AccessModel;
import dev.kubeward.rules.rbac.access.Grant;
import dev.kubeward.rules.rbac.access.IdentityMapping;
import dev.kubeward.rules.rbac.access.Subject;

/**
 * An identity from outside Kubernetes (an EKS {@code aws-auth} entry, an EKS access entry) mapped
 * into {@code system:masters}, or into a group that a ClusterRoleBinding gives every permission.
 */
public final class IdentityMappingClusterAdmin implements InventoryRule {

  private static final String MASTERS = "system:masters";
  private static final String CLUSTER_ADMIN_POLICY = "/AmazonEKSClusterAdminPolicy";
  private static final GroupKind ACCESS_ENTRY = GroupKind.of("eks.services.k8s.aws", "AccessEntry");

  private static final RuleMetadata METADATA = RuleMetadata.builder("identity-mapping-cluster-admin")
      .title("Cloud identity mapped to cluster-admin")
      .severity(Severity.HIGH)
      .topic(Topic.RBAC)
      .controls("cis-k8s:5.1.7", "cis-k8s:5.1.1")
      .kinds(GroupKind.CONFIG_MAP, GroupKind.CLUSTER_ROLE_BINDING, GroupKind.CLUSTER_ROLE,
          ACCESS_ENTRY)
      .rationale("On EKS the aws-auth ConfigMap in kube-system (mapRoles, mapUsers) and access entries map IAM"
          + " roles and users to a Kubernetes user name and groups. A mapping into system:masters makes the"
          + " identity a superuser that no RBAC object grants and none can take away (the group bypasses"
          + " authorization); a mapping into a group that a ClusterRoleBinding gives every permission is"
          + " cluster-admin too. Anyone who can assume the IAM role (an instance profile, a CI pipeline) holds"
          + " the cluster. The rule reads the mappings as YAML, follows their groups through the bindings of the"
          + " scan and the built-in ones, and reports each mapping with the path. CIS Kubernetes Benchmark 1.12,"
          + " 5.1.7: avoid use of the system:masters group; 5.1.1: ensure that the cluster-admin role is only"
          + " used where required.")
      .remediation("Map the identity into a group bound to a role with the permissions it needs, or use an EKS"
          + " access policy scoped to the namespaces it works in.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    if (!inventory.contains(GroupKind.CONFIG_MAP, "kube-system", "aws-auth")
        && inventory.ofKind(ACCESS_ENTRY).isEmpty()) {
      return;
    }
    for (Resource entry : inventory.ofKind(ACCESS_ENTRY)) {
      Node policies = entry.root().get("spec").get("accessPolicies");
      for (int i = 0; i < policies.size(); i++) {
        Node arn = policies.get(i).get("policyARN");
        String scope = policies.get(i).get("accessScope").get("type").text("");
        if (arn.text("").endsWith(CLUSTER_ADMIN_POLICY) && scope.equalsIgnoreCase("cluster")) {
          context.finding(entry, arn)
              .message(entry.displayName() + " gives " + entry.root().get("spec").get("principalARN").text("?")
                  + " the access policy AmazonEKSClusterAdminPolicy on the whole cluster")
              .report();
        }
      }
    }
    AccessModel model = AccessModel.of(inventory);
    for (IdentityMapping m : model.identityMappings()) {
      String where = m.source().displayName();
      if (m.groups().contains(MASTERS)) {
        context.finding(m.source(), m.at())
            .message(where + " maps " + m.principal() + " into group system:masters, which bypasses RBAC")
            .key(m.principal())
            .report();
        continue;
      }
      for (String group : m.groups()) {
        Grant admin = null;
        for (Grant g : model.grantsOf(Subject.group(group))) {
          if (g.clusterWide() && g.rule().allows("*", "*", "*", null, null)) {
            admin = g;
            break;
          }
        }
        if (admin != null) {
          FindingBuilder f = context.finding(m.source(), m.at())
              .message(where + " maps " + m.principal() + " into group " + group + ", which has every permission"
                  + " via " + admin.describePath())
              .key(m.principal());
          if (admin.binding().source() != null) {
            f.related(admin.binding().source(), admin.entry().at(), admin.binding().displayName() + " binds group "
                + group + " to " + admin.role().displayName());
          }
          f.report();
          break;
        }
      }
    }
  }
}
