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

/** FALLBACK ONLY, opt-in: a container without a memory limit. */
public final class FallbackMemoryLimit implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("fallback-memory-limit")
      .title("Benchmark fallback: container has no memory limit")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .rationale("A container without a memory limit can starve its neighbours on the node.")
      .remediation("Set resources.limits.memory on every container.")
      .kinds(RuleMetadata.WORKLOADS)
      .optIn()
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
      if (c.node().get("resources").get("limits").get("memory").isNull()) {
        context.report(resource, c.node(), c.describe() + " of " + resource.displayName()
            + " has no memory limit (resources.limits.memory is unset)");
      }
    }
  }
}
