/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access.rules;

import dev.kubeward.model.Inventory;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ServiceAccounts;
import dev.kubeward.rules.rbac.access.AccessModel;
import dev.kubeward.rules.rbac.access.Grant;
import dev.kubeward.rules.rbac.access.PolicyRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service accounts the workloads of a scan run as, each with its grants, shared by every
 * workload permission rule of the scan: the workloads of one account and the rules of the scan
 * then look its grants up once, not once per workload and rule. The policy rules of the grants are
 * numbered, so that a rule can keep its verdict on each in an array. Immutable.
 */
final class WorkloadAccounts {

  static final Inventory.Derived<WorkloadAccounts> KEY =
      Inventory.Derived.of("workload service accounts", WorkloadAccounts::new);

  /**
   * A service account some workloads run as, with its grants, the number of each grant's policy rule
   * and whether each grant is cluster-wide (in arrays, which the rules scan without reading every grant).
   */
  static final class Account {
    final int index;
    final String name;
    final List<Grant> grants;
    final int[] ruleNumbers;
    final boolean[] clusterWide;

    private Account(int index, String name, List<Grant> grants, int[] ruleNumbers, boolean[] clusterWide) {
      this.index = index;
      this.name = name;
      this.grants = grants;
      this.ruleNumbers = ruleNumbers;
      this.clusterWide = clusterWide;
    }
  }

  private final Resource[] workloads;
  private final Account[] accountOf;
  private final int accounts;
  private final PolicyRule[] rules;

  private WorkloadAccounts(Inventory inventory) {
    List<Resource> all = inventory.workloads();
    List<Resource> kept = new ArrayList<>(all.size());
    List<Account> owners = new ArrayList<>(all.size());
    Map<String, Map<String, Account>> byNamespace = new HashMap<>();
    Map<PolicyRule, Integer> numbers = new IdentityHashMap<>();
    List<PolicyRule> numbered = new ArrayList<>();
    AccessModel model = all.isEmpty() ? null : AccessModel.of(inventory);
    int count = 0;
    for (int i = 0; i < all.size(); i++) {
      Resource w = all.get(i);
      PodSpec pod = w.podSpec();
      String ns = inventory.namespaceOf(w);
      if (pod == null || ns == null) {
        continue;
      }
      String name = ServiceAccounts.nameOf(pod.spec());
      Map<String, Account> inNs = byNamespace.computeIfAbsent(ns, k -> new HashMap<>());
      Account account = inNs.get(name);
      if (account == null) {
        List<Grant> grants = model.serviceAccountGrants(ns, name);
        int[] ruleNumbers = new int[grants.size()];
        boolean[] clusterWide = new boolean[grants.size()];
        for (int g = 0; g < ruleNumbers.length; g++) {
          Grant grant = grants.get(g);
          clusterWide[g] = grant.clusterWide();
          PolicyRule rule = grant.rule();
          Integer number = numbers.get(rule);
          if (number == null) {
            number = numbered.size();
            numbers.put(rule, number);
            numbered.add(rule);
          }
          ruleNumbers[g] = number;
        }
        account = new Account(count++, name, grants, ruleNumbers, clusterWide);
        inNs.put(name, account);
      }
      kept.add(w);
      owners.add(account);
    }
    this.workloads = kept.toArray(new Resource[0]);
    this.accountOf = owners.toArray(new Account[0]);
    this.accounts = count;
    this.rules = numbered.toArray(new PolicyRule[0]);
  }

  /** The accounts of {@code inventory}'s workloads, worked out on first use in a scan. */
  static WorkloadAccounts of(Inventory inventory) {
    return inventory.derived(KEY);
  }

  /** The number of workloads with a pod spec and a namespace: those the rules look at. */
  int workloads() {
    return workloads.length;
  }

  /** The {@code i}-th of those workloads, in inventory order. */
  Resource workload(int i) {
    return workloads[i];
  }

  /** The pod spec of {@link #workload(int) workload i}. */
  PodSpec pod(int i) {
    return workloads[i].podSpec();
  }

  /** The account {@link #workload(int) workload i} runs as. */
  Account accountOf(int i) {
    return accountOf[i];
  }

  /** The number of distinct accounts; {@link Account#index} is below it. */
  int accounts() {
    return accounts;
  }

  /** The number of distinct policy rules in the accounts' grants, above every {@link Account#ruleNumbers} entry. */
  int rules() {
    return rules.length;
  }

  /** Policy rule number {@code n}. */
  PolicyRule rule(int n) {
    return rules[n];
  }
}
