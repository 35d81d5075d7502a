/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A configured exemption: findings of {@code rule} on resources matching the kind, namespace and
 * name patterns ({@code *} matches any run of characters) are suppressed with {@code reason}.
 */
public record Exemption(String rule, String kind, String namespace, String name, String reason) {

  public Exemption {
    Objects.requireNonNull(rule, "rule");
    kind = kind == null ? "*" : kind;
    namespace = namespace == null ? "*" : namespace;
    name = name == null ? "*" : name;
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an exemption of rule " + rule + " needs a reason");
    }
  }

  /** True if the exemption covers a finding of {@code ruleId} on {@code resource}. */
  public boolean covers(String ruleId, ResourceRef resource) {
    return glob(rule, ruleId)
        && glob(kind, resource.kind())
        && glob(namespace, resource.namespace() == null ? "" : resource.namespace())
        && glob(name, resource.name() == null ? "" : resource.name());
  }

  static boolean glob(String pattern, String value) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.indexOf('*') < 0) {
      return pattern.equals(value);
    }
    StringBuilder regex = new StringBuilder();
    String[] parts = pattern.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.matches(regex.toString(), value);
  }
}
