/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.encryption;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Placeholders;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A real encryption key ({@code secret} of an {@code aescbc}, {@code aesgcm} or {@code secretbox}
 * key, not a placeholder as {@link Placeholders} defines it) written in an encryption configuration
 * that sits in the scanned files. Reported at the value, which is never quoted.
 */
public final class EncryptionKeyInFile implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("encryption-key-in-file")
      .title("Encryption key written in the configuration file")
      .severity(Severity.HIGH)
      .topic(Topic.SECRETS)
      .kinds(EncryptionConfig.KINDS)
      .rationale("The aescbc, aesgcm and secretbox keys decrypt every Secret in etcd and in its backups."
          + " A key committed to a repository is readable by everyone with access to the repository and"
          + " its history, often the same people and systems that hold the backups, and cannot be"
          + " un-leaked: the data must be re-encrypted with a new key.")
      .remediation("Keep the key out of the repository (write the file on the control-plane hosts from a"
          + " secret store, or use kms with apiVersion v2) and rotate the leaked key.")
      .build();

  private static final String[] KEYED = {"aescbc", "aesgcm", "secretbox"};

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    ListNode entries = EncryptionConfig.entries(resource);
    for (int i = 0; i < entries.size(); i++) {
      ListNode providers = entries.get(i).get("providers").asList();
      for (int j = 0; j < providers.size(); j++) {
        for (String type : KEYED) {
          ListNode keys = providers.get(j).get(type).get("keys").asList();
          for (int k = 0; k < keys.size(); k++) {
            Node secret = keys.get(k).get("secret");
            if (secret.isScalar() && !Placeholders.isPlaceholder(secret.text())) {
              context.finding(resource, secret)
                  .message(resource.displayName() + " holds the " + type + " key \""
                      + keys.get(k).get("name").text("") + "\" in clear (value not shown)")
                  .key("key:" + type + ":" + keys.get(k).get("name").text(""))
                  .report();
            }
          }
        }
      }
    }
  }
}
