/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rules.rbac.access.rules.BindingRoleMissing;
import dev.kubeward.rules.rbac.access.rules.BindingServiceAccountMissing;
import dev.kubeward.rules.rbac.access.rules.IdentityMappingClusterAdmin;
import dev.kubeward.rules.rbac.access.rules.WorkloadPermission;
import dev.kubeward.rules.rbac.grants.GrantRules;
import java.util.ArrayList;
import java.util.List;

/** Registers the rbac rules. */
public final class RbacRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    // RBAC objects one at a time: dangerous grants of roles and bindings.
    rules.addAll(GrantRules.rules());
    // Effective access (dev.kubeward.rules.rbac.access): workloads followed through their bindings.
    rules.addAll(WorkloadPermission.rules());
    rules.add(new BindingRoleMissing());
    rules.add(new BindingServiceAccountMissing());
    rules.add(new IdentityMappingClusterAdmin());
    return List.copyOf(rules);
  }
}
