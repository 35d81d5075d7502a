package dev.kubeward.benchmarks.fallback;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/** FALLBACK ONLY: a container that runs privileged. */
public final class FallbackPrivilegedContainer implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("fallback-privileged-container")
      .title("Benchmark fallback: container runs privileged")
      .severity(Severity.HIGH)
      .topic(Topic.POD_SECURITY)
      .controls("pss-baseline:privileged")
      .rationale("A privileged container has every capability of the host.")
      .remediation("Remove securityContext.privileged or set it to false.")
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
      Node privileged = c.securityContext().get("privileged");
      if (privileged.isTrue()) {
        context.report(resource, privileged, c.describe() + " of " + resource.displayName()
            + " runs privileged (securityContext.privileged: " + privileged.text() + ")");
      }
    }
  }
}
