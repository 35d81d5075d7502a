/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.encryption;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A {@code kms} provider without {@code apiVersion: v2}: KMS v1 ({@code v1} is the default).
 * Deprecated in Kubernetes v1.28 (LOW); from v1.29 the {@code KMSv1} feature gate is off by default
 * and the API server refuses to start with a KMS v1 provider unless it is turned on (MEDIUM). Before
 * v1.28 nothing is reported. Judged against the Kubernetes version of the scan (the newest known
 * when none is given).
 */
public final class EncryptionKmsV1 implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("encryption-kms-v1")
      .title("KMS v1 encryption provider")
      .severity(Severity.MEDIUM)
      .topic(Topic.ETCD)
      .kinds(EncryptionConfig.KINDS)
      .rationale("KMS v1 is deprecated since Kubernetes v1.28 and behind the KMSv1 feature gate, off by"
          + " default, since v1.29: an upgrade leaves the API server unable to read its encryption"
          + " configuration until the gate is turned on. KMS v1 also calls the KMS plugin for every"
          + " encryption, which is slow enough that large clusters were tempted to drop encryption.")
      .remediation("Set apiVersion: v2 on the kms provider (with a KMS v2 plugin) and re-encrypt the data.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    ListNode entries = EncryptionConfig.entries(resource);
    KubeVersions.Applied version = null;
    for (int i = 0; i < entries.size(); i++) {
      ListNode providers = entries.get(i).get("providers").asList();
      for (int j = 0; j < providers.size(); j++) {
        Node kms = providers.get(j).get("kms");
        Node apiVersion = kms.get("apiVersion");
        if (!kms.isMap() || !(apiVersion.isMissing() || apiVersion.textEquals("v1"))) {
          // v2, or a value the API server rejects (encryption-config-invalid's).
          continue;
        }
        if (version == null) {
          version = context.kubeVersion(resource);
        }
        if (version.version().isBefore(28)) {
          return;
        }
        Node at = apiVersion.isMissing() ? providers.get(j).asMap().keyNode("kms") : apiVersion;
        String name = kms.get("name").text("");
        boolean gated = version.version().isAtLeast(29);
        context.finding(resource, at)
            .message(resource.displayName() + " uses KMS v1 for provider \"" + name + "\" ("
                + (apiVersion.isMissing() ? "no apiVersion" : "apiVersion: v1") + "), "
                + (gated ? "off by default since v1.29: the API server starts only with the KMSv1 feature gate"
                    : "deprecated since v1.28")
                + " (" + version.describe() + ")")
            .severity(gated ? Severity.MEDIUM : Severity.LOW)
            .key("kms:" + i + ":" + j)
            .report();
      }
    }
  }
}
