/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ingress with a configuration snippet annotation of ingress-nginx ({@code nginx.ingress.kubernetes.io/*-snippet})
 * or of the NGINX Inc. controller ({@code nginx.org/*-snippets}), one finding per annotation at its
 * key: MEDIUM, HIGH when the snippet holds what reads files or runs code (Lua, {@code alias},
 * {@code root}, {@code load_module}, {@code include}, the service account token path).
 */
public final class IngressNginxSnippet implements ResourceRule {

  /** Directives and paths that read files or run code, as whole words. */
  private static final Pattern DANGEROUS = Pattern.compile(
      "(?:^|[\\s;{])(alias|root|load_module|include|[a-z_]*by_lua[a-z_]*|lua_[a-z_]+)\\s"
          + "|(/var/run/secrets|/run/secrets/kubernetes\\.io)", Pattern.CASE_INSENSITIVE);

  private static final RuleMetadata METADATA = RuleMetadata.builder("ingress-nginx-snippet")
      .title("Ingress injects NGINX configuration through a snippet annotation")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .controls("cve:CVE-2021-25742", "cve:CVE-2023-5043")
      .kinds(GroupKind.INGRESS, GroupKind.EXTENSIONS_INGRESS)
      .rationale("Snippet annotations (configuration-snippet, server-snippet, auth-snippet, stream-snippet,"
          + " modsecurity-snippet of ingress-nginx; server-snippets and location-snippets of the NGINX Inc."
          + " controller) copy raw NGINX configuration into the controller, which runs with a service"
          + " account that reads every Secret of the cluster. For them to work the controller must allow"
          + " snippets, and then anyone who may create an Ingress in any namespace can read files"
          + " (alias, root), run Lua, and take the controller's token: CVE-2021-25742 and CVE-2023-5043;"
          + " ingress-nginx turned snippets off by default in v1.9. A snippet that itself reads files or"
          + " runs code is reported as HIGH.")
      .remediation("Replace the snippet with the controller's dedicated annotations or its ConfigMap, and"
          + " keep allow-snippet-annotations false on the controller.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    MapNode annotations = resource.root().get("metadata").get("annotations").asMap();
    for (int i = 0; i < annotations.size(); i++) {
      String key = annotations.key(i);
      if (!(key.startsWith("nginx.ingress.kubernetes.io/") && key.endsWith("-snippet"))
          && !(key.startsWith("nginx.org/") && key.endsWith("-snippets"))) {
        continue;
      }
      String value = annotations.value(i).text("");
      if (value.isBlank()) {
        continue;
      }
      String danger = danger(value);
      context.finding(resource, annotations.keyNode(i))
          .message(resource.displayName() + " injects NGINX configuration through annotation " + key
              + (danger == null ? "" : " (the snippet uses " + danger + ")"))
          .severity(danger == null ? Severity.MEDIUM : Severity.HIGH)
          .key("annotation:" + key)
          .report();
    }
  }

  /** The first directive or path of {@code snippet} that reads files or runs code, or {@code null}. */
  private static String danger(String snippet) {
    Matcher m = DANGEROUS.matcher(snippet);
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }
}
