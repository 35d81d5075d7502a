/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.kubeadm;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A kubeadm {@code ClusterConfiguration} whose {@code etcd.external} endpoints use {@code http://}:
 * the API server then talks to etcd in plain text, whatever TLS files are given. (Missing
 * {@code caFile}, {@code certFile} and {@code keyFile} are reported by the API server's etcd rules,
 * as the flags kubeadm derives from them.)
 */
public final class KubeadmExternalEtcdPlaintext implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("kubeadm-external-etcd-plaintext")
      .title("kubeadm reaches external etcd over plain HTTP")
      .severity(Severity.HIGH)
      .topic(Topic.ETCD)
      .controls("cis-k8s:1.2.23")
      .kinds(GroupKind.KUBEADM_CLUSTER_CONFIGURATION)
      .rationale("kubeadm passes etcd.external.endpoints to the API server as --etcd-servers. An http://"
          + " endpoint carries every object, Secrets included, in clear text and authenticates neither side;"
          + " the caFile, certFile and keyFile are then not used. Missing TLS files are reported by"
          + " api-server-etcd-client-cert and api-server-etcd-cafile.")
      .remediation("Use https:// endpoints and set etcd.external.caFile, certFile and keyFile.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node endpoints = resource.root().get("etcd").get("external").get("endpoints");
    for (int i = 0; i < endpoints.size(); i++) {
      Node endpoint = endpoints.get(i);
      String url = endpoint.text("");
      if (url.startsWith("http://")) {
        context.report(resource, endpoint, "kubeadm's etcd.external endpoint " + url
            + " is plain HTTP; use https:// with caFile, certFile and keyFile");
      }
    }
  }
}
