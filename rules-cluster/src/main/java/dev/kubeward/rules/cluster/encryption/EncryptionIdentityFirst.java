/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.encryption;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * The first provider of the entry that decides how Secrets are stored (the first entry naming
 * {@code secrets}, {@code *.} or {@code *.*}) is {@code identity}: Secrets are written in clear,
 * whatever providers follow (those only decrypt what was written before). Reported at that provider.
 */
public final class EncryptionIdentityFirst implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("encryption-identity-first")
      .title("Secrets written with the identity provider")
      .severity(Severity.HIGH)
      .topic(Topic.ETCD)
      .controls("cis-k8s:1.2.27", "cis-k8s:1.2.28")
      .kinds(EncryptionConfig.KINDS)
      .rationale("The first provider of an entry encrypts every write; the others are only tried when"
          + " reading. With identity first, new and updated Secrets are written to etcd in clear, so the"
          + " configuration looks like encryption at rest and provides none. identity belongs last, to"
          + " read data written before encryption was turned on.")
      .remediation("Put kms (apiVersion v2) or secretbox first in the providers for secrets and keep"
          + " identity last.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node entry = EncryptionConfig.secretsEntry(resource);
    Node first = entry.get("providers").get(0);
    if ("identity".equals(EncryptionConfig.type(first))) {
      context.report(resource, first.asMap().keyNode("identity"), resource.displayName()
          + " writes Secrets with the identity provider (first for "
          + EncryptionConfig.secretsItem(entry).text() + "), so they are stored unencrypted");
    }
  }
}
