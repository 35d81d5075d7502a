/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import dev.kubeward.rule.Rule;
import java.util.ArrayList;
import java.util.List;

/** The rules of this package, in catalogue order. */
public final class GrantRules {

  private GrantRules() {}

  /** Every rule that judges RBAC objects one at a time. */
  public static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    rules.add(new RbacWildcard());
    rules.addAll(DangerousGrant.rules());
    rules.add(new RbacClusterAdminBinding());
    rules.add(new RbacAnonymousBinding());
    rules.add(new RbacAuthenticatedBinding());
    rules.add(new RbacSystemMasters());
    rules.add(new RbacDefaultServiceAccountBinding());
    return List.copyOf(rules);
  }
}
