/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.kubeconfig;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A kubeconfig cluster with {@code insecure-skip-tls-verify: true} (YAML 1.1 spellings included):
 * the client does not check the API server's certificate. Reported at the value.
 */
public final class KubeconfigInsecureSkipTlsVerify implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("kubeconfig-insecure-skip-tls-verify")
      .title("Kubeconfig skips TLS verification")
      .severity(Severity.MEDIUM)
      .topic(Topic.API_SERVER)
      .kinds(GroupKind.KUBECONFIG)
      .rationale("With insecure-skip-tls-verify the client accepts any certificate, so anyone on the"
          + " network path can pose as the API server and receive the token, password or client"
          + " certificate handshake of every user of the kubeconfig, and feed back forged answers.")
      .remediation("Remove insecure-skip-tls-verify and set certificate-authority-data (or"
          + " certificate-authority) to the cluster's CA.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    ListNode clusters = resource.root().get("clusters").asList();
    for (int i = 0; i < clusters.size(); i++) {
      Node skip = clusters.get(i).get("cluster").get("insecure-skip-tls-verify");
      if (skip.isTrue()) {
        String name = clusters.get(i).get("name").text("");
        context.finding(resource, skip)
            .message(resource.displayName() + " does not verify the certificate of cluster \"" + name
                + "\" (insecure-skip-tls-verify: true)")
            .key("cluster:" + name)
            .report();
      }
    }
  }
}
