package dev.kubeward.benchmarks.fallback;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/** FALLBACK ONLY: a Role or ClusterRole rule that grants {@code *} verbs or resources. */
public final class FallbackRbacWildcard implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("fallback-rbac-wildcard")
      .title("Benchmark fallback: role grants a wildcard")
      .severity(Severity.HIGH)
      .topic(Topic.RBAC)
      .controls("cis-k8s:5.1.3")
      .rationale("A wildcard grants every current and future verb or resource.")
      .remediation("List the verbs and resources the subject needs instead of using *.")
      .kinds("Role", "ClusterRole")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node rules = resource.root().get("rules");
    for (int i = 0; i < rules.size(); i++) {
      Node rule = rules.get(i);
      report(resource, context, rule.get("verbs"), "verbs");
      report(resource, context, rule.get("resources"), "resources");
    }
  }

  private static void report(Resource resource, Context context, Node list, String field) {
    for (int j = 0; j < list.size(); j++) {
      Node item = list.get(j);
      if (item.textEquals("*")) {
        context.report(resource, item, resource.displayName() + " grants every " + field.substring(0, field.length() - 1)
            + " (" + field + ": \"*\")");
      }
    }
  }
}
