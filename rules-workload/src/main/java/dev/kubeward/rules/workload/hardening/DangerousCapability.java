/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.workload.podsecurity.PssOverlaps;
import java.util.List;
import java.util.Locale;

/**
 * A dangerous Linux capability in {@code securityContext.capabilities.add}, one finding per list
 * item, matched the way container runtimes read the names (any case, with or without
 * {@code CAP_}).
 */
public final class DangerousCapability implements ResourceRule {

  private static final ParameterKey<List<String>> CAPABILITIES = ParameterKey.ofList("capabilities",
      List.of("ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "SYS_BOOT", "SYS_TIME",
          "NET_RAW", "BPF", "PERFMON", "DAC_READ_SEARCH"),
      "Capabilities reported when added, without the CAP_ prefix; ALL stands for every capability.");

  private static final List<String> ADDED = List.of("cis-k8s:5.2.9");
  private static final List<String> ADDED_NET_RAW = List.of("cis-k8s:5.2.8", "cis-k8s:5.2.9");

  private static final RuleMetadata METADATA = RuleMetadata.builder("dangerous-capability")
      .title("Dangerous capability added")
      .severity(Severity.HIGH)
      .topic(Topic.POD_SECURITY)
      .controls("cis-k8s:5.2.8", "cis-k8s:5.2.9")
      .kinds(RuleMetadata.WORKLOADS)
      .parameters(CAPABILITIES)
      .rationale("Each of these capabilities hands the container a piece of root on the node: SYS_ADMIN"
          + " mounts filesystems and escapes through cgroups and namespaces, SYS_MODULE loads kernel"
          + " modules, SYS_PTRACE reads and injects into other processes, SYS_RAWIO and SYS_BOOT reach"
          + " hardware and reboot, SYS_TIME sets the node's clock (not namespaced, so certificate and token"
          + " expiry shift for every pod of the node), NET_ADMIN rewrites routing and firewall rules, NET_RAW"
          + " spoofs packets"
          + " (ARP and DNS poisoning within the node), BPF and PERFMON load programs into and read from the"
          + " kernel, DAC_READ_SEARCH bypasses file permissions (and with open_by_handle_at, reads host"
          + " files), ALL is all of them. The Pod Security Standards compare capability names exactly, but"
          + " container runtimes upper-case them and some accept the CAP_ prefix, so this rule matches"
          + " sys_admin and CAP_SYS_ADMIN too, and names each one at its list item. CIS Kubernetes Benchmark"
          + " 1.12, 5.2.9 (containers with capabilities assigned) and 5.2.8 (the NET_RAW capability). One problem,"
          + " one finding: where capabilities-restricted runs in the same scan at the restricted level and is"
          + " not suppressed on the object, it already reports every added capability but NET_BIND_SERVICE"
          + " at the same list item, so this rule stays silent for that object (in the pss-* profiles this"
          + " rule does not run at all).")
      .remediation("Remove the capability from securityContext.capabilities.add; drop ALL and add back only"
          + " what the process needs, such as NET_BIND_SERVICE.")
      .build();

  /** The bound parameters: capability names, upper-case, without {@code CAP_}. */
  record Params(String[] capabilities) {
    static Params of(List<String> names) {
      String[] out = new String[names.size()];
      for (int i = 0; i < out.length; i++) {
        String n = names.get(i).trim().toUpperCase(Locale.ROOT);
        out[i] = n.startsWith("CAP_") ? n.substring(4) : n;
      }
      return new Params(out);
    }
  }

  private final Params params;

  public DangerousCapability() {
    this(Parameters.defaults(METADATA));
  }

  private DangerousCapability(Parameters parameters) {
    this.params = Params.of(parameters.get(CAPABILITIES));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new DangerousCapability(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    List<Container> containers = resource.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node add = c.securityContext().get("capabilities").get("add");
      for (int j = 0; j < add.size(); j++) {
        Node item = add.get(j);
        String name = item.text();
        if (name == null) {
          continue;
        }
        String matched = match(name.trim());
        if (matched != null) {
          if (PssOverlaps.capabilitiesRestrictedShown(resource, context)) {
            // capabilities-restricted reports every added capability but NET_BIND_SERVICE at the same
            // item; asked only here, as it looks up suppressions on the object.
            return;
          }
          boolean netRaw = matched.equals("NET_RAW") || matched.equals("ALL");
          context.finding(resource, item).message(c.describe() + " of " + resource.displayName()
              + " adds the capability \"" + name + "\" (" + describe(matched) + ")")
              .controls(netRaw ? ADDED_NET_RAW : ADDED).report();
        }
      }
    }
  }

  /** The configured capability {@code name} stands for, or {@code null}. */
  private String match(String name) {
    int from = name.regionMatches(true, 0, "CAP_", 0, 4) ? 4 : 0;
    int length = name.length() - from;
    for (String cap : params.capabilities()) {
      if (cap.length() == length && name.regionMatches(true, from, cap, 0, length)) {
        return cap;
      }
    }
    return null;
  }

  private static String describe(String cap) {
    switch (cap) {
      case "ALL":
        return "every capability";
      case "SYS_ADMIN":
        return "nearly root on the node";
      case "NET_ADMIN":
        return "controls the node's network configuration";
      case "SYS_PTRACE":
        return "traces and injects into other processes";
      case "SYS_MODULE":
        return "loads kernel modules";
      case "SYS_RAWIO":
        return "raw access to devices and memory";
      case "SYS_BOOT":
        return "reboots the node";
      case "SYS_TIME":
        return "sets the node's clock";
      case "NET_RAW":
        return "crafts raw packets";
      case "BPF":
        return "loads BPF programs into the kernel";
      case "PERFMON":
        return "reads kernel performance data";
      case "DAC_READ_SEARCH":
        return "bypasses file read permissions";
      default:
        return "configured as dangerous";
    }
  }
}
