/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.admission;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.List;
import java.util.Locale;

/**
 * Which admission webhooks enforce security policy, told by name: a webhook is a security webhook
 * when its configuration's name, its own name, its Service's name or namespace, or its URL holds
 * one of the markers as a whole word ({@code kyverno} in {@code kyverno-resource-validating-webhook-cfg},
 * {@code gatekeeper} in {@code validation.gatekeeper.sh}; {@code opa} in {@code opa-webhook} but not
 * in {@code opaque}).
 */
final class SecurityWebhooks {

  /** The policy engines and admission controllers recognised by default. */
  static final List<String> MARKERS = List.of("kyverno", "gatekeeper", "kubewarden", "opa", "sigstore",
      "policy-controller", "connaisseur", "ratify", "jspolicy", "k-rail", "polaris", "datree", "neuvector",
      "pod-security-webhook", "kube-policy", "cosign");

  private SecurityWebhooks() {}

  /** The marker that makes {@code webhook} of {@code configuration} a security webhook, or {@code null}. */
  static String marker(Resource configuration, Node webhook, List<String> markers) {
    Node service = webhook.get("clientConfig").get("service");
    String[] names = {configuration.name(), webhook.get("name").text(), service.get("name").text(),
        service.get("namespace").text(), webhook.get("clientConfig").get("url").text()};
    for (String name : names) {
      if (name == null) {
        continue;
      }
      String lower = name.toLowerCase(Locale.ROOT);
      for (String marker : markers) {
        if (containsWord(lower, marker)) {
          return marker;
        }
      }
    }
    return null;
  }

  /** True if {@code webhook} only warns or audits, by its name: the word advisory, audit or warn. */
  static boolean isAdvisory(Node webhook) {
    String name = webhook.get("name").text("").toLowerCase(Locale.ROOT);
    return containsWord(name, "advisory") || containsWord(name, "audit") || containsWord(name, "warn");
  }

  private static boolean containsWord(String text, String word) {
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      int end = i + word.length();
      if ((i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
          && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }
}
