package dev.kubeward.benchmarks.fallback;

import dev.kubeward.model.Container;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/** FALLBACK ONLY: a container that may run as root (effective {@code runAsNonRoot} not true). */
public final class FallbackRunAsNonRoot implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("fallback-run-as-non-root")
      .title("Benchmark fallback: container may run as root")
      .severity(Severity.MEDIUM)
      .topic(Topic.POD_SECURITY)
      .controls("pss-restricted:runAsNonRoot")
      .rationale("A process that runs as root in a container is one escape away from root on the node.")
      .remediation("Set securityContext.runAsNonRoot to true on the pod or on every container.")
      .kinds(RuleMetadata.WORKLOADS)
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    PodSpec pod = resource.podSpec();
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (!c.effectiveSecurityContext("runAsNonRoot").isTrue()) {
        context.report(resource, c.node(), c.describe() + " of " + resource.displayName()
            + " may run as root (runAsNonRoot is not true)");
      }
    }
  }
}
