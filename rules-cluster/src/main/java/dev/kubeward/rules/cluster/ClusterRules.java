/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rules.cluster.audit.AuditPolicyLogsNothing;
import dev.kubeward.rules.cluster.audit.AuditPolicyLogsSecretBodies;
import dev.kubeward.rules.cluster.audit.AuditPolicyNoCatchAll;
import dev.kubeward.rules.cluster.audit.AuditPolicyOmitsStages;
import dev.kubeward.rules.cluster.audit.AuditPolicyShadowedRule;
import dev.kubeward.rules.cluster.encryption.EncryptionConfigInvalid;
import dev.kubeward.rules.cluster.encryption.EncryptionIdentityFirst;
import dev.kubeward.rules.cluster.encryption.EncryptionKeyInFile;
import dev.kubeward.rules.cluster.encryption.EncryptionKmsV1;
import dev.kubeward.rules.cluster.encryption.EncryptionSecretsNotCovered;
import dev.kubeward.rules.cluster.encryption.EncryptionWeakProvider;
import dev.kubeward.rules.cluster.kubeconfig.KubeconfigEmbeddedCredentials;
import dev.kubeward.rules.cluster.kubeconfig.KubeconfigExecPlugin;
import dev.kubeward.rules.cluster.kubeconfig.KubeconfigInsecureSkipTlsVerify;
import dev.kubeward.rules.cluster.kubeconfig.KubeconfigSystemMasters;
import dev.kubeward.rules.cluster.lifecycle.DeprecatedApiVersion;
import dev.kubeward.rules.cluster.lifecycle.DeprecatedSecurityAnnotation;
import dev.kubeward.rules.cluster.lifecycle.RemovedApiVersion;
import java.util.List;

/** Registers the cluster rules. */
public final class ClusterRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return List.of(
        // Audit policy, encryption at rest, API lifecycle, kubeconfig files.
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
        new KubeconfigSystemMasters());
  }
}
