/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.kubeconfig;

import dev.kubeward.model.GroupKind;
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
 * A kubeconfig ({@code apiVersion: v1}, {@code kind: Config}) with a credential written in it: a
 * user's {@code client-key-data}, {@code token} or {@code password}, or the {@code id-token},
 * {@code refresh-token}, {@code access-token} or {@code client-secret} of an {@code auth-provider}.
 * Placeholders ({@link Placeholders}) and what {@code kubectl config view} prints without
 * {@code --raw} in place of a value ({@code REDACTED}, {@code DATA+OMITTED}) are left alone; paths
 * ({@code client-key}, {@code tokenFile}) are not credentials. One finding per credential, at its
 * value, which is never quoted.
 */
public final class KubeconfigEmbeddedCredentials implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("kubeconfig-embedded-credentials")
      .title("Credentials embedded in a kubeconfig")
      .severity(Severity.CRITICAL)
      .topic(Topic.SECRETS)
      .kinds(GroupKind.KUBECONFIG)
      .rationale("A kubeconfig with an embedded client key, token or password is a ready-to-use login to"
          + " the cluster for anyone who can read the repository or its history. Client certificates"
          + " cannot be revoked before they expire, and the kubeconfigs kept in repositories are often"
          + " the administrator's.")
      .remediation("Remove the kubeconfig from the repository and its history, rotate the credential"
          + " (a new certificate, token or password) and use short-lived credentials from an exec plugin"
          + " instead.")
      .build();

  private static final String[] USER_FIELDS = {"client-key-data", "token", "password"};
  private static final String[] AUTH_PROVIDER_FIELDS = {"id-token", "refresh-token", "access-token", "client-secret"};

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    ListNode users = resource.root().get("users").asList();
    for (int i = 0; i < users.size(); i++) {
      Node named = users.get(i);
      Node user = named.get("user");
      String name = named.get("name").text("");
      for (String field : USER_FIELDS) {
        report(resource, context, user.get(field), name, field);
      }
      Node config = user.get("auth-provider").get("config");
      for (String field : AUTH_PROVIDER_FIELDS) {
        report(resource, context, config.get(field), name, "auth-provider " + field);
      }
    }
  }

  /** What {@code kubectl config view} writes instead of a secret value. */
  static boolean isElided(String text) {
    return text.equals("REDACTED") || text.equals("DATA+OMITTED");
  }

  private static void report(Resource resource, Context context, Node value, String user, String field) {
    if (!value.isScalar() || Placeholders.isPlaceholder(value.text()) || isElided(value.text())) {
      return;
    }
    context.finding(resource, value)
        .message(resource.displayName() + " embeds the " + field + " of user \"" + user + "\" (value not shown)")
        .key("user:" + user + ":" + field)
        .report();
  }
}
