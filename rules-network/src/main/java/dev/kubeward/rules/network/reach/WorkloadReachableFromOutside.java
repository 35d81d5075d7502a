/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload isolated for ingress whose policies let addresses outside the cluster in: a rule
 * without {@code from}, or an {@code ipBlock} peer. Each such rule is a related location.
 */
public final class WorkloadReachableFromOutside implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("workload-reachable-from-outside")
      .title("Workload reachable from outside the cluster")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .controls("cis-k8s:5.3.2")
      .kinds(Kinds.MODEL)
      .rationale("A NetworkPolicy rule without from, or with an ipBlock peer, admits addresses outside the cluster;"
          + " when the pods are also published (a LoadBalancer, a NodePort, a routable pod network), anyone in those"
          + " ranges can connect. The rule names every rule that lets outside addresses into a workload, so that a"
          + " reviewer can check the ranges are the intended clients. Findings whose ranges hold only private,"
          + " shared or link-local addresses are LOW; any public address makes them MEDIUM.")
      .remediation("Narrow the rule's ipBlock to the addresses of the clients or load balancer that must connect, or"
          + " add a from with pod and namespace selectors.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    NetworkModel model = NetworkModel.of(inventory);
    for (Workload w : model.workloads()) {
      if (w.hostNetwork()) {
        continue;
      }
      List<NetworkModel.OutsideRule> rules = model.outsideRules(w);
      if (rules.isEmpty()) {
        continue;
      }
      List<String> ranges = new ArrayList<>();
      boolean publicAddresses = false;
      for (NetworkModel.OutsideRule r : rules) {
        for (Cidr block : r.blocks()) {
          String text = block.toString() + (r.except().isEmpty() ? "" : " except " + join(r.except()));
          if (!ranges.contains(text)) {
            ranges.add(text);
          }
          publicAddresses |= !privateOnly(block);
        }
      }
      String rangesText = String.join(", ", ranges);
      FindingBuilder f = context.finding(w.resource(), Node.MISSING)
          .message(Kinds.name(w) + " accepts connections from outside the cluster (" + rangesText + ") through "
              + rules.size() + " NetworkPolicy rule" + (rules.size() == 1 ? "" : "s"))
          .key(w.kind() + ":" + w.name());
      if (!publicAddresses) {
        f.severity(Severity.LOW);
      }
      for (NetworkModel.OutsideRule r : rules) {
        f.related(r.policy(), r.node(), "NetworkPolicy " + inventory.namespaceOf(r.policy()) + "/" + r.policy().name()
            + (r.node().get("ipBlock").isMap() ? " admits " + r.blocks().get(0) : " admits every source"));
      }
      f.report();
    }
  }

  private static String join(List<Cidr> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Cidr c : blocks) {
      sb.append(sb.length() == 0 ? "" : ",").append(c);
    }
    return sb.toString();
  }

  private static final List<Cidr> PRIVATE = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
      Cidr.parse("192.168.0.0/16"), Cidr.parse("100.64.0.0/10"), Cidr.parse("169.254.0.0/16"),
      Cidr.parse("127.0.0.0/8"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"), Cidr.parse("::1/128"));

  /** True if every address of {@code block} is private, shared, loopback or link-local. */
  static boolean privateOnly(Cidr block) {
    for (Cidr p : PRIVATE) {
      if (p.contains(block)) {
        return true;
      }
    }
    return false;
  }

}
