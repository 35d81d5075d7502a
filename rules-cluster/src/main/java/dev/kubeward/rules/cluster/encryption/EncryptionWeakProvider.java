/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.encryption;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * An entry whose first provider, the one that encrypts every write, is {@code aescbc} (CBC without
 * authentication, exposed to padding-oracle attacks) or {@code aesgcm} (a random nonce per write: the
 * key must be rotated before 200,000 writes). Providers after the first only decrypt and are not
 * reported. Reported at the provider's key.
 */
public final class EncryptionWeakProvider implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("encryption-weak-provider")
      .title("Encryption at rest with aescbc or aesgcm")
      .severity(Severity.LOW)
      .topic(Topic.ETCD)
      .controls("cis-k8s:1.2.28")
      .kinds(EncryptionConfig.KINDS)
      .rationale("The Kubernetes documentation no longer recommends aescbc (unauthenticated CBC, open to"
          + " padding-oracle attacks) and recommends aesgcm only with automated key rotation, since a key"
          + " must be replaced before 200,000 writes. Both keep the key in a file on the control-plane"
          + " hosts, next to the data it protects. KMS v2 keeps the key encryption key outside the cluster;"
          + " secretbox is the strong local choice.")
      .remediation("Use kms with apiVersion v2, or secretbox, as the first provider.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    ListNode entries = EncryptionConfig.entries(resource);
    for (int i = 0; i < entries.size(); i++) {
      Node first = entries.get(i).get("providers").get(0);
      String type = EncryptionConfig.type(first);
      if ("aescbc".equals(type) || "aesgcm".equals(type)) {
        context.finding(resource, first.asMap().keyNode(type))
            .message(resource.displayName() + " encrypts " + names(entries.get(i)) + " with " + type
                + (type.equals("aescbc") ? " (unauthenticated CBC, no longer recommended)"
                    : " (its key must be rotated before 200,000 writes)"))
            .key("entry:" + i)
            .report();
      }
    }
  }

  static String names(Node entry) {
    ListNode list = entry.get("resources").asList();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(list.get(i).text(""));
    }
    return sb.length() == 0 ? "nothing" : sb.toString();
  }
}
