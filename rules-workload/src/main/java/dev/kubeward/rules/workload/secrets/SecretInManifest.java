/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A Secret object whose {@code data} or {@code stringData} holds values, committed with the
 * manifests. The message counts and names the keys, never the values.
 */
public final class SecretInManifest implements ResourceRule {

  private static final int MAX_KEYS_NAMED = 5;
  private static final String[] NAME_WORDS = SecretPatterns.compile(SecretPatterns.DEFAULT_NAME_PATTERNS);
  private static final SecretPatterns.Initials NAME_INITIALS = SecretPatterns.initials(NAME_WORDS);
  private static final String[] NO_SUFFIXES = SecretPatterns.compile(SecretPatterns.DEFAULT_IGNORED_SUFFIXES);

  private static final RuleMetadata METADATA = RuleMetadata.builder("secret-in-manifest")
      .title("Secret values committed in a manifest")
      .severity(Severity.MEDIUM)
      .topic(Topic.SECRETS)
      .controls("cis-k8s:5.4.2")
      .kinds(GroupKind.SECRET)
      .rationale("Secret data is only base64-encoded, not encrypted: whoever can read the repository, its"
          + " forks, its CI logs or its history can read the credentials, and removing them later does not"
          + " remove them from history. An external secret store (External Secrets Operator, Secrets Store"
          + " CSI driver, Vault) or an encrypted form (Sealed Secrets, SOPS) keeps plaintext out of Git. Only"
          + " non-empty values count: a Secret with no data, such as a kubernetes.io/service-account-token"
          + " Secret the token controller fills in, is fine, and so is a SOPS-encrypted file (a top-level sops"
          + " block). A well-known default password under a secret-looking key is left to default-password while"
          + " that rule runs (it is public, not leaked); a value that is not valid base64 still counts (it is"
          + " committed either way; secret-data-not-base64 reports it). The message names the keys that look"
          + " secret (password, token, key...) first. CIS Kubernetes Benchmark 1.12, 5.4.2: consider"
          + " external secret storage.")
      .remediation("Remove the values from the manifest, keep them in an external secret store or commit them"
          + " encrypted, and rotate the ones already committed.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    if (resource.apiVersion().indexOf('/') >= 0) {
      return; // a Secret kind of some other API group, not the core one
    }
    MapNode root = resource.root();
    if (root.get("sops").isMap()) {
      return; // a SOPS-encrypted file: the values are ciphertext
    }
    boolean defaultsShown = DefaultPassword.shown(context, resource);
    check(resource, context, root, "data", defaultsShown);
    check(resource, context, root, "stringData", defaultsShown);
  }

  /**
   * True if entry {@code i} of {@code data} holds a value this rule counts: not empty, and not a
   * well-known default password that default-password reports.
   */
  private static boolean counts(MapNode data, int i, boolean base64, boolean defaultsShown) {
    String text = data.value(i).text();
    if (text == null || text.isEmpty()) {
      return false;
    }
    if (!defaultsShown || !SecretPatterns.nameLooksSecretByDefault(data.key(i))) {
      return true;
    }
    if (base64) {
      byte[] bytes = SecretPatterns.decodeBase64(text);
      text = bytes == null ? null : SecretPatterns.utf8(bytes);
    }
    return !SecretPatterns.isBuiltInDefaultPassword(data.key(i), text);
  }

  private static void check(Resource resource, Context context, MapNode root, String field, boolean defaultsShown) {
    MapNode data = root.get(field).asMap();
    boolean base64 = field.equals("data");
    int filled = 0;
    for (int i = 0; i < data.size(); i++) {
      if (counts(data, i, base64, defaultsShown)) {
        filled++;
      }
    }
    if (filled == 0) {
      return;
    }
    StringBuilder keys = new StringBuilder();
    int named = 0;
    // Keys that look secret first, then the others, each in file order.
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < data.size() && named < MAX_KEYS_NAMED; i++) {
        boolean secret = SecretPatterns.nameLooksSecret(data.key(i), NAME_WORDS, NAME_INITIALS, NO_SUFFIXES);
        if (secret == (pass == 0) && counts(data, i, base64, defaultsShown)) {
          keys.append(named++ == 0 ? "" : ", ").append('"').append(data.key(i)).append('"');
        }
      }
    }
    if (filled > named) {
      keys.append(" and ").append(filled - named).append(" more");
    }
    Node at = root.keyNode(field);
    context.report(resource, at, resource.displayName() + " commits " + filled
        + (filled == 1 ? " value" : " values") + " in " + field + " (" + (filled == 1 ? "key " : "keys ")
        + keys + ")");
  }
}
