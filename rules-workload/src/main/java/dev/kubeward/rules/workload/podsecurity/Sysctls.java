/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;

/**
 * A sysctl outside the safe set: Pod Security Standards Baseline, check {@code sysctls} (policy
 * versions v1.0, v1.27, v1.29, v1.32 and v1.37, each adding safe names). Only
 * {@code spec.securityContext.sysctls[*].name} is checked, by exact name.
 */
public final class Sysctls extends PssRule {

  private static final RuleMetadata METADATA = metadata("sysctls", PssCheck.SYSCTLS, Severity.MEDIUM)
      .title("Unsafe sysctl")
      .rationale("Sysctls outside the namespaced safe set change kernel settings shared with the node and"
          + " every other pod on it, or let a pod exhaust kernel resources.")
      .remediation("Set only safe sysctls in spec.securityContext.sysctls, or tune the node instead.")
      .build();

  /** Safe sysctl names, with the policy version that added each ({@link #SINCE}, same index). */
  private static final String[] SAFE = {
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
    "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
    "net.ipv4.tcp_rmem",
    "net.ipv4.tcp_wmem",
    "net.ipv4.tcp_slow_start_after_idle",
    "net.ipv4.tcp_notsent_lowat",
  };

  private static final int[] SINCE = {0, 0, 0, 0, 0, 27, 29, 29, 29, 29, 32, 32, 37, 37};

  public Sysctls() {
    super(PssCheck.SYSCTLS);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    ListNode sysctls = pod.securityContext().get("sysctls").asList();
    for (int i = 0; i < sysctls.size(); i++) {
      Node item = sysctls.get(i);
      Node name = item.get("name");
      if (!isSafe(name.text(""), minor)) {
        if (name.isNull()) {
          out.report(resource, name.isMissing() ? item : name, subject(resource)
              + " must not set a sysctl without a name in securityContext.sysctls");
        } else {
          out.report(resource, name, subject(resource) + " must not set sysctl " + value(name)
              + " (not a safe sysctl at policy version " + version(minor) + ")");
        }
      }
    }
  }

  private static boolean isSafe(String name, int minor) {
    for (int i = 0; i < SAFE.length; i++) {
      if (SINCE[i] <= minor && SAFE[i].equals(name)) {
        return true;
      }
    }
    return false;
  }
}
