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
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A ConfigMap entry that holds a credential: a value in a known credential format, or a
 * secret-sounding key with a literal value. The message names the key, never the value.
 */
public final class SecretInConfigMap implements ResourceRule {

  private static final ParameterKey<List<String>> NAME_PATTERNS = ParameterKey.ofList("namePatterns",
      SecretPatterns.DEFAULT_NAME_PATTERNS, "Words that make a key look secret; matched as in"
      + " hardcoded-env-secret.");
  private static final ParameterKey<List<String>> IGNORED_SUFFIXES = ParameterKey.ofList("ignoredNameSuffixes",
      SecretPatterns.DEFAULT_IGNORED_SUFFIXES, "Key endings that mark a reference to a secret rather than the"
      + " secret itself.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("secret-in-config-map")
      .title("Secret-looking value in a ConfigMap")
      .severity(Severity.HIGH)
      .topic(Topic.SECRETS)
      .kinds(GroupKind.CONFIG_MAP)
      .parameters(NAME_PATTERNS, IGNORED_SUFFIXES)
      .rationale("ConfigMaps are not treated as confidential: they are readable by far more subjects than"
          + " Secrets (view roles, CI logs, kubectl describe), never encrypted at rest by an"
          + " EncryptionConfiguration meant for Secrets, and copied freely between environments. The rule"
          + " looks for the same credential formats and secret-sounding names as hardcoded-env-secret,"
          + " in data (binaryData is not inspected), leaves well-known default passwords to default-password while"
          + " that rule runs, and never prints a value.")
      .remediation("Move the value into a Secret or an external secret store and rotate the exposed credential.")
      .build();

  private final HardcodedEnvSecret.Params params;

  public SecretInConfigMap() {
    this(Parameters.defaults(METADATA));
  }

  private SecretInConfigMap(Parameters parameters) {
    this.params = HardcodedEnvSecret.Params.of(parameters.get(NAME_PATTERNS), parameters.get(IGNORED_SUFFIXES));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new SecretInConfigMap(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    if (resource.root().get("sops").isMap()) {
      return; // a SOPS-encrypted file: the values are ciphertext
    }
    boolean defaultsShown = DefaultPassword.shown(context, resource);
    MapNode data = resource.root().get("data").asMap();
    for (int i = 0; i < data.size(); i++) {
      Node value = data.value(i);
      String key = data.key(i);
      String kind = flagged(key, value.text(), params, defaultsShown);
      if (BY_NAME.equals(kind)) {
        context.report(resource, value, resource.displayName() + " holds a literal value under key \"" + key
            + "\", whose name says it is a secret (value not shown)");
      } else if (kind != null) {
        context.report(resource, value, resource.displayName() + " holds a value that looks like " + kind
            + " under key \"" + key + "\" (value not shown)");
      }
    }
  }

  /** What {@link #flagged} returns for a literal value under a secret-looking key. */
  static final String BY_NAME = "a secret, by its key";

  /**
   * Whether this rule reports the ConfigMap entry {@code key}: {@code text} in a known credential
   * format (the format's noun phrase), a literal under a secret-looking key ({@link #BY_NAME}), or
   * {@code null} for nothing; {@code defaultsShown} if default-password runs and is seen on the ConfigMap.
   */
  static String flagged(String key, String text, HardcodedEnvSecret.Params params, boolean defaultsShown) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String kind = SecretPatterns.credentialIn(text);
    if (kind != null) {
      return kind;
    }
    if (SecretPatterns.nameLooksSecret(key, params.namePatterns(), params.ignoredSuffixes())
        && !SecretPatterns.isPlaceholder(text)
        && !(defaultsShown && SecretPatterns.isBuiltInDefaultPassword(key, text))) {
      return BY_NAME;
    }
    return null;
  }
}
