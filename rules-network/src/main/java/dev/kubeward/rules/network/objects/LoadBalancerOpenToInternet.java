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
import java.util.Map;

/**
 * A Service of {@code type: LoadBalancer} whose source ranges (as
 * {@code GetLoadBalancerSourceRanges} reads them: {@code spec.loadBalancerSourceRanges}, else the
 * {@code service.beta.kubernetes.io/load-balancer-source-ranges} annotation, else
 * {@code 0.0.0.0/0}) admit the whole Internet or a very broad part of it. Load balancers the
 * cloud provider annotations make internal are left alone.
 */
public final class LoadBalancerOpenToInternet implements ResourceRule {

  static final String RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";

  /** Annotations, each followed by the value (any case) that makes a cloud load balancer internal. */
  private static final String[] INTERNAL = {
      "service.beta.kubernetes.io/aws-load-balancer-scheme", "internal",
      "service.beta.kubernetes.io/azure-load-balancer-internal", "true",
      "networking.gke.io/load-balancer-type", "internal",
      "cloud.google.com/load-balancer-type", "internal",
      "service.beta.kubernetes.io/oci-load-balancer-internal", "true",
      "service.beta.kubernetes.io/openstack-internal-load-balancer", "true",
      "service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type", "private",
      "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type", "intranet"};

  private static final RuleMetadata METADATA = RuleMetadata.builder("load-balancer-open-to-internet")
      .title("LoadBalancer Service accepts traffic from any address")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .kinds(GroupKind.SERVICE)
      .rationale("A Service of type LoadBalancer asks the cloud provider for an external load balancer. Its"
          + " allowed client ranges come from spec.loadBalancerSourceRanges, or, when that is empty, from the"
          + " service.beta.kubernetes.io/load-balancer-source-ranges annotation, and default to 0.0.0.0/0:"
          + " without either, every address on the Internet reaches the pods behind it, an admin UI or"
          + " database included. Ranges of 0.0.0.0/0, ::/0 or wider than an IPv4 /8 count as open. Load"
          + " balancers marked internal by their cloud's annotation (AWS, Azure, GCP, OCI, OpenStack, IBM,"
          + " Alibaba) are not reported. Public web front ends are open on purpose: suppress the finding"
          + " on them with a reason. The node ports a LoadBalancer allocates are not reported again by"
          + " node-port-service.")
      .remediation("Set spec.loadBalancerSourceRanges to the client ranges that need the service, or make the"
          + " load balancer internal and put a reviewed ingress in front of it.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    Node type = spec.get("type");
    if (!type.textEquals("LoadBalancer") || internal(resource)) {
      return;
    }
    Node ranges = spec.get("loadBalancerSourceRanges");
    if (ranges.size() > 0) {
      for (int i = 0; i < ranges.size(); i++) {
        report(resource, context, ranges.get(i), ranges.get(i).text(""), "spec.loadBalancerSourceRanges");
      }
      return;
    }
    String annotation = resource.annotations().get(RANGES_ANNOTATION);
    if (annotation != null && !annotation.isBlank()) {
      Node at = resource.root().get("metadata").get("annotations").get(RANGES_ANNOTATION);
      for (String range : annotation.split(",")) {
        report(resource, context, at, range.trim(), "annotation " + RANGES_ANNOTATION);
      }
      return;
    }
    context.finding(resource, type)
        .message(resource.displayName() + " of type LoadBalancer accepts traffic from any address (no"
            + " loadBalancerSourceRanges, so 0.0.0.0/0)")
        .key("no-ranges")
        .report();
  }

  private static void report(Resource resource, Context context, Node at, String range, String where) {
    Cidr block = Cidr.parse(range);
    String broad = block == null ? null : Policies.broadness(block);
    if (broad != null) {
      context.finding(resource, at)
          .message(resource.displayName() + " of type LoadBalancer accepts traffic from " + range + " (" + broad
              + ", " + where + ")")
          .key("range:" + range)
          .report();
    }
  }

  /** True if a cloud provider's annotation makes the load balancer internal. */
  private static boolean internal(Resource resource) {
    Map<String, String> annotations = resource.annotations();
    if (annotations.isEmpty()) {
      return false;
    }
    for (int i = 0; i < INTERNAL.length; i += 2) {
      String value = annotations.get(INTERNAL[i]);
      if (value != null && value.trim().equalsIgnoreCase(INTERNAL[i + 1])) {
        return true;
      }
    }
    // The AWS provider makes any value but "false" internal (0.0.0.0/0 was the documented one once).
    String aws = annotations.get("service.beta.kubernetes.io/aws-load-balancer-internal");
    return aws != null && !aws.isBlank() && !aws.trim().equalsIgnoreCase("false");
  }
}
