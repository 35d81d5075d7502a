/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Placeholders;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ScalarNode;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A value in a Secret's {@code data} that the API server cannot decode: not a string, or not
 * standard base64 with padding. The message names the key, never the value.
 */
public final class SecretDataNotBase64 implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("secret-data-not-base64")
      .title("Secret data value that is not valid base64")
      .severity(Severity.MEDIUM)
      .topic(Topic.SECRETS)
      .kinds(GroupKind.SECRET)
      .rationale("The API server decodes each value of a Secret's data as Go decodes a []byte from JSON"
          + " (encoding/base64 StdEncoding): the standard alphabet A-Z a-z 0-9 + /, padded with = to a"
          + " multiple of four characters, line breaks ignored. Anything else (a plain-text value, spaces,"
          + " the URL-safe - and _, missing padding, a number or a boolean) makes it reject the whole Secret,"
          + " so the manifest never applies, and a plain-text value written where base64 was meant is a"
          + " credential committed in clear. Template placeholders ({{ ... }}, ${VAR}, <...>), names left to fill in"
          + " (YOUR_API_TOKEN, also as a one-item list [YOUR_BASE64_KEY]) and SOPS-encrypted files are left"
          + " alone. The other secret rules do not read such a value as if it were decoded."
          + " Values are never printed.")
      .remediation("Base64-encode the value (base64 -w0), or move it to stringData, which takes plain text.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    if (resource.apiVersion().indexOf('/') >= 0 || resource.root().get("sops").isMap()) {
      return; // a Secret kind of another API group, or a SOPS-encrypted file
    }
    MapNode data = resource.root().get("data").asMap();
    for (int i = 0; i < data.size(); i++) {
      Node value = data.value(i);
      String why = problem(value);
      if (why != null) {
        context.finding(resource, value).key(data.key(i))
            .message(resource.displayName() + " has a value under key \"" + data.key(i) + "\" of data that " + why
                + " (value not shown), so the API server rejects the Secret")
            .report();
      }
    }
  }

  /** What is wrong with {@code value} as a data value, or {@code null} if nothing is. */
  private static String problem(Node value) {
    if (value.isNull() || isFillIn(value) || (value.isList() && value.size() == 1 && isFillIn(value.get(0)))) {
      return null;
    }
    if (!(value instanceof ScalarNode scalar)) {
      return "is not a string";
    }
    if (scalar.type() != ScalarNode.Type.STRING) {
      return scalar.type() == ScalarNode.Type.BOOLEAN ? "is a boolean, not a base64 string" : "is a number, not a base64 string";
    }
    String text = scalar.text();
    if (text.contains("{{") || text.contains("${") || Placeholders.isPlaceholder(text)) {
      return null;
    }
    return SecretPatterns.decodeBase64(text) == null ? "is not valid base64" : null;
  }

  /**
   * A name left for a person to fill in, {@code YOUR_API_TOKEN}: upper-case letters, digits and at
   * least one underscore, starting with a letter (base64 has no underscore).
   */
  private static boolean isFillIn(Node value) {
    String text = value.isScalar() ? value.text() : null;
    if (text == null || text.length() < 6 || text.charAt(0) < 'A' || text.charAt(0) > 'Z') {
      return false;
    }
    boolean underscore = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        underscore = true;
      } else if ((c < 'A' || c > 'Z') && (c < '0' || c > '9')) {
        return false;
      }
    }
    return underscore;
  }
}
