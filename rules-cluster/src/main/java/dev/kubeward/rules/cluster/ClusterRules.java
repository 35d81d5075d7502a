/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rules.cluster.addons.AddonVulnerableVersion;
import dev.kubeward.rules.cluster.addons.AdminUiWithoutAuthentication;
import dev.kubeward.rules.cluster.addons.DashboardInsecureArguments;
import dev.kubeward.rules.cluster.addons.DashboardUnmaintained;
import dev.kubeward.rules.cluster.addons.TillerDeployed;
import dev.kubeward.rules.cluster.admission.AdmissionPolicyNotEnforcing;
import dev.kubeward.rules.cluster.admission.ImageVerificationPolicyMissing;
import dev.kubeward.rules.cluster.admission.PodSecurityDefaultLevel;
import dev.kubeward.rules.cluster.admission.PodSecurityExemption;
import dev.kubeward.rules.cluster.admission.SecurityWebhookBypass;
import dev.kubeward.rules.cluster.audit.AuditPolicyLogsNothing;
import dev.kubeward.rules.cluster.audit.AuditPolicyLogsSecretBodies;
import dev.kubeward.rules.cluster.audit.AuditPolicyNoCatchAll;
import dev.kubeward.rules.cluster.audit.AuditPolicyOmitsStages;
import dev.kubeward.rules.cluster.audit.AuditPolicyShadowedRule;
import dev.kubeward.rules.cluster.authconfig.AuthenticationConfigAnonymous;
import dev.kubeward.rules.cluster.authconfig.AuthorizationConfigAlwaysAllow;
import dev.kubeward.rules.cluster.authconfig.AuthorizationConfigModes;
import dev.kubeward.rules.cluster.authconfig.AuthorizationConfigWebhookNoOpinion;
import dev.kubeward.rules.cluster.controlplane.ControlPlaneCommandNotCheckable;
import dev.kubeward.rules.cluster.controlplane.ControlPlaneFlag;
import dev.kubeward.rules.cluster.controlplane.ControlPlaneVersionUnsupported;
import dev.kubeward.rules.cluster.encryption.EncryptionConfigInvalid;
import dev.kubeward.rules.cluster.encryption.EncryptionIdentityFirst;
import dev.kubeward.rules.cluster.encryption.EncryptionKeyInFile;
import dev.kubeward.rules.cluster.encryption.EncryptionKmsV1;
import dev.kubeward.rules.cluster.encryption.EncryptionSecretsNotCovered;
import dev.kubeward.rules.cluster.encryption.EncryptionWeakProvider;
import dev.kubeward.rules.cluster.kubeadm.KubeadmExternalEtcdPlaintext;
import dev.kubeward.rules.cluster.kubeconfig.KubeconfigEmbeddedCredentials;
import dev.kubeward.rules.cluster.kubeconfig.KubeconfigExecPlugin;
import dev.kubeward.rules.cluster.kubeconfig.KubeconfigInsecureSkipTlsVerify;
import dev.kubeward.rules.cluster.kubeconfig.KubeconfigSystemMasters;
import dev.kubeward.rules.cluster.lifecycle.DeprecatedApiVersion;
import dev.kubeward.rules.cluster.lifecycle.DeprecatedSecurityAnnotation;
import dev.kubeward.rules.cluster.lifecycle.RemovedApiVersion;
import dev.kubeward.rules.cluster.node.KubeletRules;
import dev.kubeward.rules.cluster.tenancy.KubeSystemApplicationWorkload;
import dev.kubeward.rules.cluster.tenancy.NamespaceWithoutLimitRange;
import dev.kubeward.rules.cluster.tenancy.NamespaceWithoutResourceQuota;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Registers the cluster rules. */
public final class ClusterRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    // Control plane: static Pods and kubeadm configuration.
    rules.addAll(ControlPlaneFlag.rules());
    rules.add(new ControlPlaneCommandNotCheckable());
    rules.add(new ControlPlaneVersionUnsupported());
    rules.add(new KubeadmExternalEtcdPlaintext());
    // Audit policy, encryption at rest, API lifecycle, kubeconfig files.
    rules.addAll(List.of(
        new AuditPolicyLogsNothing(),
        new AuditPolicyNoCatchAll(),
        new AuditPolicyLogsSecretBodies(),
        new AuditPolicyOmitsStages(),
        new AuditPolicyShadowedRule(),
        new EncryptionSecretsNotCovered(),
        new EncryptionIdentityFirst(),
        new EncryptionWeakProvider(),
        new EncryptionKmsV1(),
        new EncryptionConfigInvalid(),
        new EncryptionKeyInFile(),
        new RemovedApiVersion(),
        new DeprecatedApiVersion(),
        new DeprecatedSecurityAnnotation(),
        new KubeconfigEmbeddedCredentials(),
        new KubeconfigInsecureSkipTlsVerify(),
        new KubeconfigExecPlugin(),
        new KubeconfigSystemMasters()));
    // Nodes: the kubelet (CIS 4.2) and the API server's authentication and authorization files.
    rules.addAll(KubeletRules.rules());
    rules.add(new AuthenticationConfigAnonymous());
    rules.add(new AuthorizationConfigAlwaysAllow());
    rules.addAll(AuthorizationConfigModes.rules());
    rules.add(new AuthorizationConfigWebhookNoOpinion());
    // Admission, the Dashboard and add-ons, tenancy.
    rules.addAll(List.of(
        new PodSecurityDefaultLevel(),
        new PodSecurityExemption(),
        new SecurityWebhookBypass(),
        new AdmissionPolicyNotEnforcing(),
        new ImageVerificationPolicyMissing(),
        new DashboardInsecureArguments(),
        new DashboardUnmaintained(),
        new TillerDeployed(),
        new AddonVulnerableVersion(),
        new AdminUiWithoutAuthentication(),
        new NamespaceWithoutResourceQuota(),
        new NamespaceWithoutLimitRange(),
        new KubeSystemApplicationWorkload()));
    return Collections.unmodifiableList(rules);
  }
}
