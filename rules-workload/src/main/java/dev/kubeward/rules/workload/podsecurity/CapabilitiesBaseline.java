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
 * A container that adds a capability outside the container runtime's default set: Pod Security
 * Standards Baseline, check {@code capabilities_baseline} (every policy version; at restricted
 * replaced by {@code capabilities_restricted} from v1.22). Names compare case-sensitively.
 */
public final class CapabilitiesBaseline extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("capabilities-baseline", PssCheck.CAPABILITIES_BASELINE, Severity.HIGH)
          .title("Capability added beyond the default set")
          .rationale("Capabilities such as NET_RAW, NET_ADMIN, SYS_ADMIN or SYS_PTRACE give a container"
              + " kernel powers the runtime withholds by default; several are direct paths to breaking"
              + " out of the container or attacking its neighbours.")
          .remediation("Add only capabilities of the default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER,"
              + " FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).")
          .build();

  /** {@code capabilities_allowed_1_0}: the runtime's default capabilities, exact spelling. */
  private static final String[] DEFAULT_SET = {
    "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
    "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"
  };

  public CapabilitiesBaseline() {
    super(PssCheck.CAPABILITIES_BASELINE);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      ListNode add = c.securityContext().get("capabilities").get("add").asList();
      for (int k = 0; k < add.size(); k++) {
        Node item = add.get(k);
        if (!inDefaultSet(item)) {
          out.report(resource, item, subject(c, resource) + " must not add capability " + value(item)
              + " (securityContext.capabilities.add may hold only the default set)");
        }
      }
    }
  }

  private static boolean inDefaultSet(Node capability) {
    return oneOf(capability.text(""), DEFAULT_SET);
  }
}
