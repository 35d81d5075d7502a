/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import dev.kubeward.model.Container;
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
import java.util.ArrayList;
import java.util.List;

/**
 * A well-known default password ({@code changeme}, {@code admin}, {@code postgres}...) as the literal
 * value of a secret-looking environment variable, Secret entry ({@code stringData}, or {@code data}
 * once decoded) or ConfigMap entry. The rules that report leaked values leave these values to this one.
 */
public final class DefaultPassword implements ResourceRule {

  /** The rule's id, for the rules that leave default passwords to it. */
  public static final String ID = "default-password";

  private static final ParameterKey<List<String>> ADDITIONAL = ParameterKey.ofList("additionalPasswords",
      List.of(), "Further passwords to treat as well-known defaults (matched whole, ignoring case and"
      + " surrounding blanks), on top of the built-in list: " + String.join(", ", SecretPatterns.DEFAULT_PASSWORDS)
      + ".");

  private static final RuleMetadata METADATA = RuleMetadata.builder(ID)
      .title("Well-known default password")
      .severity(Severity.HIGH)
      .topic(Topic.SECRETS)
      .kinds(RuleMetadata.WORKLOADS, GroupKind.SECRET, GroupKind.CONFIG_MAP)
      .parameters(ADDITIONAL)
      .rationale("A default password such as changeme, admin, password or postgres is the first one an"
          + " attacker tries: guessing it needs no access to the manifests at all, only to the service, which"
          + " is why the finding is HIGH although nothing is leaked. The rule looks at the literal values of"
          + " environment variables, ConfigMap entries and Secret entries (stringData as written, data once"
          + " base64-decoded) whose name looks secret (as hardcoded-env-secret judges names), and matches the"
          + " whole value, trimmed, ignoring case, against a list of passwords that ship as defaults or that"
          + " people type when asked for one. One problem, one finding: while this rule runs and is not"
          + " suppressed on the object, hardcoded-env-secret, secret-in-config-map and secret-in-manifest do"
          + " not also report these values (they are public, not leaked); words added with"
          + " additionalPasswords are left to those rules as well only when they are on the built-in list."
          + " Values are never printed.")
      .remediation("Generate a strong random password, keep it in a Secret that is not committed (or an external"
          + " secret store), and change it on the running service too.")
      .build();

  private final String[] passwords;

  public DefaultPassword() {
    this(Parameters.defaults(METADATA));
  }

  private DefaultPassword(Parameters parameters) {
    List<String> all = new ArrayList<>(SecretPatterns.DEFAULT_PASSWORDS);
    all.addAll(parameters.get(ADDITIONAL));
    this.passwords = SecretPatterns.passwords(all);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new DefaultPassword(parameters);
  }

  /** True if default-password runs and is seen on {@code resource}, so other rules leave its values to it. */
  static boolean shown(Context context, Resource resource) {
    return context.runs(ID) && !context.isSuppressed(ID, resource);
  }

  @Override
  public void check(Resource resource, Context context) {
    if (resource.isWorkload()) {
      checkEnv(resource, context);
    } else if (!resource.root().get("sops").isMap() && resource.apiVersion().indexOf('/') < 0) {
      boolean secret = resource.is(GroupKind.SECRET);
      checkEntries(resource, context, secret ? "stringData" : "data", false);
      if (secret) {
        checkEntries(resource, context, "data", true);
      }
    }
  }

  private void checkEnv(Resource resource, Context context) {
    List<Container> containers = resource.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node env = c.node().get("env");
      for (int j = 0; j < env.size(); j++) {
        Node value = env.get(j).get("value");
        String name = env.get(j).get("name").text("");
        if (SecretPatterns.nameLooksSecretByDefault(name) && SecretPatterns.isDefaultPassword(value.text(), passwords)) {
          context.finding(resource, value).key(c.name() + "/" + name)
              .message(c.describe() + " of " + resource.displayName() + " sets environment variable \"" + name
                  + "\" to a well-known default password (value not shown)")
              .report();
        }
      }
    }
  }

  private void checkEntries(Resource resource, Context context, String field, boolean base64) {
    MapNode data = resource.root().get(field).asMap();
    for (int i = 0; i < data.size(); i++) {
      String key = data.key(i);
      String text = data.value(i).text();
      if (text == null || text.isEmpty() || !SecretPatterns.nameLooksSecretByDefault(key)) {
        continue;
      }
      if (base64) {
        byte[] bytes = SecretPatterns.decodeBase64(text);
        text = bytes == null ? null : SecretPatterns.utf8(bytes); // not base64: secret-data-not-base64
      }
      if (SecretPatterns.isDefaultPassword(text, passwords)) {
        context.finding(resource, data.value(i)).key(field + "/" + key)
            .message(resource.displayName() + " sets key \"" + key + "\" of " + field + " to a well-known default"
                + " password" + (base64 ? " once decoded" : "") + " (value not shown)")
            .report();
      }
    }
  }
}
