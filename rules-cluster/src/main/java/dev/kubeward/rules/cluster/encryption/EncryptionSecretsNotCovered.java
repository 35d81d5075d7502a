/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.encryption;

import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * An encryption configuration none of whose entries names Secrets ({@code secrets}, {@code *.} or
 * {@code *.*}): Secrets are stored in etcd as written. Reported at {@code resources}.
 */
public final class EncryptionSecretsNotCovered implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("encryption-secrets-not-covered")
      .title("Encryption configuration does not cover Secrets")
      .severity(Severity.HIGH)
      .topic(Topic.ETCD)
      .controls("cis-k8s:1.2.27")
      .kinds(EncryptionConfig.KINDS)
      .rationale("Resources that no entry of the encryption configuration names are stored unencrypted."
          + " Without an entry for Secrets, anyone who reads etcd, a backup or a disk snapshot of a"
          + " control-plane node reads every Secret of the cluster.")
      .remediation("Add an entry for secrets whose first provider is kms (apiVersion v2) or secretbox.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    if (!EncryptionConfig.secretsEntry(resource).isMissing()) {
      return;
    }
    context.report(resource, resource.root().keyNode("resources"), resource.displayName()
        + " names no entry for secrets (secrets, *. or *.*), so Secrets are stored unencrypted");
  }
}
