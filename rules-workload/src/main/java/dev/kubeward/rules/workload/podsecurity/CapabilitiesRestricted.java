/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.Container;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.List;

/**
 * A container that keeps capabilities: Pod Security Standards Restricted, check
 * {@code capabilities_restricted} (policy versions v1.22 and v1.25; replaces
 * {@code capabilities_baseline}). Every container must drop {@code ALL} (exact spelling) and may add
 * only {@code NET_BIND_SERVICE}. From v1.25 Windows pods ({@code spec.os.name: windows}) are exempt.
 */
public final class CapabilitiesRestricted extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("capabilities-restricted", PssCheck.CAPABILITIES_RESTRICTED, Severity.HIGH)
          .title("Capabilities not dropped")
          .rationale("Even the runtime's default capabilities (NET_RAW, CHOWN, DAC_OVERRIDE, SETUID...) let a"
              + " compromised process spoof traffic, read files it does not own or change user; dropping ALL"
              + " and adding back only NET_BIND_SERVICE removes them.")
          .remediation("Set securityContext.capabilities.drop to [\"ALL\"] in every container and add at most"
              + " NET_BIND_SERVICE.")
          .build();

  private static final String DROP_ALL = ": set securityContext.capabilities.drop to [\"ALL\"]";

  public CapabilitiesRestricted() {
    super(PssCheck.CAPABILITIES_RESTRICTED);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    if (minor >= 25 && isWindows(pod)) {
      return;
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node capabilities = c.securityContext().get("capabilities");
      Node drop = capabilities.get("drop");
      if (!dropsAll(drop.asList())) {
        Node lowerCase = allInOtherCase(drop.asList());
        if (lowerCase != null) {
          out.report(resource, lowerCase, subject(c, resource) + " drops " + value(lowerCase)
              + ", but Pod Security admission accepts only upper-case \"ALL\": set"
              + " securityContext.capabilities.drop to [\"ALL\"]");
        } else {
          Node at = drop.isMissing() ? lacking(c.node(), "securityContext", "capabilities")
              : capabilities.asMap().keyNode("drop");
          out.report(resource, at, subject(c, resource)
              + (drop.isMissing() ? " drops no capabilities" : " does not drop ALL capabilities") + DROP_ALL);
        }
      }
      ListNode add = capabilities.get("add").asList();
      for (int k = 0; k < add.size(); k++) {
        Node item = add.get(k);
        if (!item.textEquals("NET_BIND_SERVICE")) {
          out.report(resource, item, subject(c, resource) + " adds capability " + value(item)
              + ": remove it; securityContext.capabilities.add may hold only NET_BIND_SERVICE");
        }
      }
    }
  }

  /** The item of {@code drop} that spells ALL in another case ({@code all}, {@code All}), or {@code null}. */
  private static Node allInOtherCase(ListNode drop) {
    for (int i = 0; i < drop.size(); i++) {
      String text = drop.get(i).text();
      if (text != null && text.equalsIgnoreCase("ALL")) {
        return drop.get(i);
      }
    }
    return null;
  }

  private static boolean dropsAll(ListNode drop) {
    for (int i = 0; i < drop.size(); i++) {
      if (drop.get(i).textEquals("ALL")) {
        return true;
      }
    }
    return false;
  }
}
