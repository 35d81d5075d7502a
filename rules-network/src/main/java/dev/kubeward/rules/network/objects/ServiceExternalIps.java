/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** A Service with {@code spec.externalIPs}, one finding per address, at the address. */
public final class ServiceExternalIps implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("service-external-ips")
      .title("Service claims external IPs")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .controls("cve:CVE-2020-8554")
      .kinds(GroupKind.SERVICE)
      .rationale("kube-proxy routes traffic for every address in a Service's externalIPs to the Service's"
          + " pods, from inside the cluster and on every node, without checking that the address belongs"
          + " to the cluster. Anyone who may create or edit a Service can thus claim the address of a"
          + " database, a DNS server or an API outside the cluster and intercept what pods send there"
          + " (CVE-2020-8554, which Kubernetes cannot fix in kube-proxy). The feature is rarely needed; the"
          + " DenyServiceExternalIPs admission plugin (CIS 1.2.3) turns it off cluster-wide.")
      .remediation("Remove spec.externalIPs and expose the Service through a LoadBalancer, an Ingress or a"
          + " Gateway; enable the DenyServiceExternalIPs admission plugin.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node ips = resource.root().get("spec").get("externalIPs");
    for (int i = 0; i < ips.size(); i++) {
      Node ip = ips.get(i);
      context.finding(resource, ip)
          .message(resource.displayName() + " takes the traffic of external IP " + ip.text("(empty)")
              + " (spec.externalIPs)")
          .key("ip:" + ip.text(""))
          .report();
    }
  }
}
