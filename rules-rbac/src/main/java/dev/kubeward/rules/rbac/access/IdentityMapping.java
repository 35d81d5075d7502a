/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.List;

/**
 * An identity from outside Kubernetes that the cluster maps to a user name and groups: an entry of
 * the EKS {@code aws-auth} ConfigMap ({@code mapRoles}, {@code mapUsers}) or an EKS access entry
 * ({@code AccessEntry} of the AWS controllers for Kubernetes). Its groups feed the same bindings as
 * any group subject.
 *
 * @param principal the IAM role or user ARN
 * @param userName the Kubernetes user name it becomes (the ARN when none is given)
 * @param groups the Kubernetes groups it joins
 * @param source the ConfigMap or AccessEntry
 * @param at the node of the entry (for aws-auth, the {@code mapRoles} or {@code mapUsers} value)
 */
public record IdentityMapping(String principal, String userName, List<String> groups, Resource source, Node at) {

  public IdentityMapping {
    groups = List.copyOf(groups);
  }

  PathStep step() {
    return new PathStep(source.kind(), source.namespace(), source.name(), source, at);
  }
}
