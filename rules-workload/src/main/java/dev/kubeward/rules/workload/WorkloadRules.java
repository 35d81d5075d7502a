/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rules.workload.hardening.AppArmorProfileMissing;
import dev.kubeward.rules.workload.hardening.DangerousCapability;
import dev.kubeward.rules.workload.hardening.HostAliases;
import dev.kubeward.rules.workload.hardening.HostNetworkDnsPolicy;
import dev.kubeward.rules.workload.hardening.PrivilegedNotFalse;
import dev.kubeward.rules.workload.hardening.RunAsLowId;
import dev.kubeward.rules.workload.hardening.SensitiveHostPath;
import dev.kubeward.rules.workload.hardening.SecurityContextMissing;
import dev.kubeward.rules.workload.hardening.SharedProcessNamespace;
import dev.kubeward.rules.workload.hardening.ToleratesAllTaints;
import dev.kubeward.rules.workload.hardening.WritableHostPath;
import dev.kubeward.rules.workload.hardening.WritableRootFilesystem;
import dev.kubeward.rules.workload.hygiene.AutoscalerTargetMissing;
import dev.kubeward.rules.workload.hygiene.ContainerPortConflict;
import dev.kubeward.rules.workload.hygiene.ContainerPortUnnamed;
import dev.kubeward.rules.workload.hygiene.CronJobConcurrencyAllowed;
import dev.kubeward.rules.workload.hygiene.CronJobStartingDeadlineMissing;
import dev.kubeward.rules.workload.hygiene.DeploymentRolloutUnbounded;
import dev.kubeward.rules.workload.hygiene.DuplicateEnvVar;
import dev.kubeward.rules.workload.hygiene.EphemeralStorageRequirementsUnset;
import dev.kubeward.rules.workload.hygiene.IdenticalProbes;
import dev.kubeward.rules.workload.hygiene.KindNotServed;
import dev.kubeward.rules.workload.hygiene.LivenessProbeMissing;
import dev.kubeward.rules.workload.hygiene.LowReplicaCount;
import dev.kubeward.rules.workload.hygiene.PodDisruptionBudgetMissing;
import dev.kubeward.rules.workload.hygiene.PodDisruptionBudgetBlocksEviction;
import dev.kubeward.rules.workload.hygiene.PodDisruptionBudgetNoPolicy;
import dev.kubeward.rules.workload.hygiene.PriorityClassUnset;
import dev.kubeward.rules.workload.hygiene.ReadinessProbeMissing;
import dev.kubeward.rules.workload.hygiene.ReplicasNotSpread;
import dev.kubeward.rules.workload.hygiene.ReplicasWithAutoscaler;
import dev.kubeward.rules.workload.hygiene.RequestsNotEqualLimits;
import dev.kubeward.rules.workload.hygiene.SelectorMismatch;
import dev.kubeward.rules.workload.hygiene.StatefulSetHeadlessServiceMissing;
import dev.kubeward.rules.workload.images.ImageNotPinned;
import dev.kubeward.rules.workload.images.ImagePullPolicyNotAlways;
import dev.kubeward.rules.workload.images.ImageRegistryNotAllowed;
import dev.kubeward.rules.workload.images.ImageWithoutDigest;
import dev.kubeward.rules.workload.podsecurity.PodSecurityAdmission;
import dev.kubeward.rules.workload.podsecurity.PodSecurityStandards;
import dev.kubeward.rules.workload.secrets.DefaultPassword;
import dev.kubeward.rules.workload.secrets.HardcodedEnvSecret;
import dev.kubeward.rules.workload.secrets.SecretAsEnvVar;
import dev.kubeward.rules.workload.secrets.SecretDataNotBase64;
import dev.kubeward.rules.workload.secrets.SecretFromConfigMap;
import dev.kubeward.rules.workload.secrets.SecretInConfigMap;
import dev.kubeward.rules.workload.secrets.SecretInManifest;
import dev.kubeward.rules.workload.serviceaccounts.AutomountServiceAccountToken;
import dev.kubeward.rules.workload.serviceaccounts.DefaultServiceAccount;
import dev.kubeward.rules.workload.serviceaccounts.DeprecatedServiceAccountField;
import dev.kubeward.rules.workload.tenancy.CpuRequirementsUnset;
import dev.kubeward.rules.workload.tenancy.DefaultNamespace;
import dev.kubeward.rules.workload.tenancy.MemoryRequirementsUnset;
import java.util.ArrayList;
import java.util.List;

/** Registers the workload rules. */
public final class WorkloadRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>(PodSecurityStandards.checks());
    rules.add(new PodSecurityAdmission());
    rules.addAll(List.of(
        // Beyond the Pod Security Standards (the recommended profile).
        new ImageNotPinned(),
        new ImageWithoutDigest(),
        new ImageRegistryNotAllowed(),
        new ImagePullPolicyNotAlways(),
        new HardcodedEnvSecret(),
        new SecretInConfigMap(),
        new SecretAsEnvVar(),
        new SecretInManifest(),
        new DefaultPassword(),
        new SecretDataNotBase64(),
        new SecretFromConfigMap(),
        new AutomountServiceAccountToken(),
        new DefaultServiceAccount(),
        new DeprecatedServiceAccountField(),
        new WritableRootFilesystem(),
        new RunAsLowId(),
        new DangerousCapability(),
        new SensitiveHostPath(),
        new SharedProcessNamespace(),
        new WritableHostPath(),
        new ToleratesAllTaints(),
        new HostAliases(),
        new HostNetworkDnsPolicy(),
        new KindNotServed(),
        // Opt-in: in the all profile (and cis where they map to it), not in recommended.
        new AppArmorProfileMissing(),
        new PrivilegedNotFalse(),
        new SecurityContextMissing(),
        new CpuRequirementsUnset(),
        new MemoryRequirementsUnset(),
        new DefaultNamespace(),
        new LivenessProbeMissing(),
        new ReadinessProbeMissing(),
        new LowReplicaCount(),
        new PodDisruptionBudgetMissing(),
        new AutoscalerTargetMissing(),
        new ReplicasWithAutoscaler(),
        new PodDisruptionBudgetNoPolicy(),
        new PodDisruptionBudgetBlocksEviction(),
        new IdenticalProbes(),
        new SelectorMismatch(),
        new CronJobStartingDeadlineMissing(),
        new CronJobConcurrencyAllowed(),
        new DuplicateEnvVar(),
        new ContainerPortConflict(),
        new ReplicasNotSpread(),
        new PriorityClassUnset(),
        new RequestsNotEqualLimits(),
        new EphemeralStorageRequirementsUnset(),
        new ContainerPortUnnamed(),
        new DeploymentRolloutUnbounded(),
        new StatefulSetHeadlessServiceMissing()));
    return List.copyOf(rules);
  }
}
