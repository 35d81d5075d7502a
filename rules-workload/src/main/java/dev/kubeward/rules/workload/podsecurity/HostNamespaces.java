package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A pod that shares the node's network, process or IPC namespace: Pod Security Standards
 * Baseline, check {@code hostNamespaces}.
 */
public final class HostNamespaces implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("host-namespaces")
      .title("Host namespaces shared with the pod")
      .severity(Severity.HIGH)
      .topic(Topic.POD_SECURITY)
      .controls("pss-baseline:hostNamespaces")
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("hostNetwork lets the pod sniff and spoof node traffic and reach node-local services;"
          + " hostPID lets it see and signal every process on the node; hostIPC lets it read the"
          + " shared memory of host processes.")
      .remediation("Remove spec.hostNetwork, spec.hostPID and spec.hostIPC or set them to false.")
      .build();

  private static final String[] FIELDS = {"hostNetwork", "hostPID", "hostIPC"};

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    MapNode spec = resource.podSpec().spec();
    for (String field : FIELDS) {
      Node value = spec.get(field);
      if (value.isTrue()) {
        context.report(resource, value, resource.displayName() + " shares the host's "
            + namespaceOf(field) + " namespace (" + field + ": " + value.text() + ")");
      }
    }
  }

  private static String namespaceOf(String field) {
    switch (field) {
      case "hostNetwork":
        return "network";
      case "hostPID":
        return "process";
      default:
        return "IPC";
    }
  }
}
