/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FamilyRule;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rules.cluster.controlplane.ControlPlanes.Target;
import dev.kubeward.rules.cluster.controlplane.FlagCheck.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The control-plane flag checks, one rule per row of the component tables: the flags of
 * kube-apiserver, kube-controller-manager, kube-scheduler and etcd as a static Pod (or any
 * workload running them) or a kubeadm {@code ClusterConfiguration} gives them, judged with the
 * defaults of the Kubernetes version in effect for the object. A command line that is not
 * checkable is left to {@code control-plane-command-not-checkable}.
 */
public final class ControlPlaneFlag implements ResourceRule, FamilyRule {

  private final FlagCheck check;
  private final RuleMetadata metadata;

  ControlPlaneFlag(FlagCheck check) {
    this.check = check;
    List<String> controls = new ArrayList<>();
    if (check.cis() != null) {
      controls.add("cis-k8s:" + check.cis());
    }
    controls.addAll(check.controls());
    String where = check.component().binary() + " flags, in a static Pod or a kubeadm ClusterConfiguration ("
        + check.component().kubeadmSection() + (check.component() == Component.ETCD ? ".local" : "")
        + ".extraArgs). ";
    this.metadata = RuleMetadata.builder(check.id())
        .title(check.title())
        .severity(check.severity())
        .topic(check.topic())
        .controls(controls.toArray(String[]::new))
        .kinds(RuleMetadata.WORKLOADS, GroupKind.KUBEADM_CLUSTER_CONFIGURATION)
        .rationale(check.rationale() + " Judged on the " + where.trim())
        .remediation(check.remediation())
        .build();
  }

  /** Every row of every component table, as rules. */
  public static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (List<FlagCheck> table : List.of(ApiServerChecks.ROWS, ControllerChecks.ROWS, EtcdChecks.ROWS)) {
      for (FlagCheck row : table) {
        rules.add(new ControlPlaneFlag(row));
      }
    }
    return List.copyOf(rules);
  }

  /** The row this rule checks. */
  public FlagCheck check() {
    return check;
  }

  @Override
  public RuleMetadata metadata() {
    return metadata;
  }

  @Override
  public void check(Resource resource, Context context) {
    List<Target> targets = ControlPlanes.in(resource);
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      if (target.component() != check.component() || !target.isCheckable()) {
        continue;
      }
      KubeVersions.Applied version = context.kubeVersion(resource);
      List<Verdict> verdicts = check.judge().judge(target.flags(), version);
      for (Verdict verdict : verdicts) {
        FindingBuilder finding = context.finding(resource, verdict.at()).message(verdict.message());
        if (verdict.severity() != null) {
          finding.severity(verdict.severity());
        }
        if (verdicts.size() > 1) {
          finding.key(verdict.message());
        }
        finding.report();
      }
    }
  }
}
