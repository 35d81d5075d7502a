package dev.kubeward.rules.workload.podsecurity;

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

/** A container that runs privileged: Pod Security Standards Baseline, check {@code privileged}. */
public final class PrivilegedContainer implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("privileged-container")
      .title("Privileged container")
      .severity(Severity.HIGH)
      .topic(Topic.POD_SECURITY)
      .controls("pss-baseline:privileged")
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("A privileged container has every capability and all host devices, so a compromise of"
          + " the container is a compromise of the node.")
      .remediation("Remove securityContext.privileged or set it to false.")
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
