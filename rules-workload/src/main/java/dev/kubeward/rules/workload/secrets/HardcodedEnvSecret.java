/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import dev.kubeward.model.Container;
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
 * A literal {@code env[].value} that is a credential: by its format (AWS key id, private key,
 * GitHub/Slack/Google/Stripe token, JWT, URL with a password) or by a secret-sounding variable name.
 * The message names the container and the variable, never the value.
 */
public final class HardcodedEnvSecret implements ResourceRule {

  private static final ParameterKey<List<String>> NAME_PATTERNS = ParameterKey.ofList("namePatterns",
      SecretPatterns.DEFAULT_NAME_PATTERNS, "Words that make a variable name look secret; matched"
      + " case-insensitively anywhere in the name, ignoring _ - and . separators, up to a word boundary (so"
      + " TOKEN matches GITHUB_TOKEN and apiTokens but not TOKENIZER).");
  private static final ParameterKey<List<String>> IGNORED_SUFFIXES = ParameterKey.ofList("ignoredNameSuffixes",
      SecretPatterns.DEFAULT_IGNORED_SUFFIXES, "Name endings that mark a reference to a secret rather than"
      + " the secret itself (DB_PASSWORD_FILE, TOKEN_URL); matched case-insensitively after a separator or a"
      + " camel-case hump.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("hardcoded-env-secret")
      .title("Secret-looking literal in an environment variable")
      .severity(Severity.HIGH)
      .topic(Topic.SECRETS)
      .kinds(RuleMetadata.WORKLOADS)
      .parameters(NAME_PATTERNS, IGNORED_SUFFIXES)
      .rationale("A literal value in env is stored in the manifest, in Git history, in the workload object"
          + " that anyone with read access to it can see, and in every ReplicaSet revision; it cannot be"
          + " rotated without a redeploy. The rule recognises the formats of common credentials whatever"
          + " the variable is called (AWS access key ids AKIA/ASIA..., PEM private keys, GitHub ghp_/gho_/"
          + "ghu_/ghs_/ghr_/github_pat_ tokens, Slack xox tokens and webhook URLs, Google AIza keys, Stripe"
          + " live keys, JSON Web Tokens, URLs with user:password@), and otherwise a variable whose name"
          + " looks secret, unless its value is a placeholder: empty, a $(VAR) or ${VAR} reference, a path,"
          + " a URL without credentials, a boolean word or a number of up to five digits. A well-known default password (admin,"
          + " changeme...) is left to default-password while that rule runs. Values are never printed.")
      .remediation("Move the value into a Secret (or an external secret store) and mount it as a file, or"
          + " reference it with valueFrom.secretKeyRef; then rotate the exposed credential.")
      .build();

  /** The bound parameters, compiled once. */
  record Params(String[] namePatterns, String[] ignoredSuffixes, SecretPatterns.Initials initials) {
    static Params of(List<String> patterns, List<String> suffixes) {
      String[] words = SecretPatterns.compile(patterns);
      return new Params(words, SecretPatterns.compile(suffixes), SecretPatterns.initials(words));
    }
  }

  private final Params params;

  public HardcodedEnvSecret() {
    this(Parameters.defaults(METADATA));
  }

  private HardcodedEnvSecret(Parameters parameters) {
    this.params = Params.of(parameters.get(NAME_PATTERNS), parameters.get(IGNORED_SUFFIXES));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new HardcodedEnvSecret(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    boolean defaultsShown = DefaultPassword.shown(context, resource);
    List<Container> containers = resource.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node env = c.node().get("env");
      for (int j = 0; j < env.size(); j++) {
        Node value = env.get(j).get("value");
        String text = value.text();
        if (text == null || text.isEmpty()) {
          continue;
        }
        String name = env.get(j).get("name").text("");
        String kind = SecretPatterns.credentialIn(text);
        if (kind != null) {
          context.report(resource, value, c.describe() + " of " + resource.displayName()
              + " sets environment variable \"" + name + "\" to a literal value that looks like " + kind
              + " (value not shown)");
        } else if (SecretPatterns.nameLooksSecret(name, params.namePatterns(), params.initials(), params.ignoredSuffixes())
            && !SecretPatterns.isPlaceholder(text)
            && !(defaultsShown && SecretPatterns.isBuiltInDefaultPassword(name, text))) {
          context.report(resource, value, c.describe() + " of " + resource.displayName()
              + " sets environment variable \"" + name + "\", whose name says it holds a secret, to a"
              + " literal value (value not shown)");
        }
      }
    }
  }
}
