package dev.kubeward.rules.workload.tenancy;

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

/** A workload in the {@code default} namespace, or (by default) with no namespace, which lands there. */
public final class DefaultNamespace implements ResourceRule {

  private static final ParameterKey<Boolean> UNSET_IS_DEFAULT = ParameterKey.ofBoolean("unsetIsDefault", true,
      "Whether a workload without metadata.namespace is reported; set false when the namespace is chosen"
      + " at deploy time (kubectl -n, Helm --namespace, a kustomization's namespace).");

  private static final RuleMetadata METADATA = RuleMetadata.builder("default-namespace")
      .title("Workload in the default namespace")
      .severity(Severity.LOW)
      .topic(Topic.TENANCY)
      .controls("cis-k8s:5.6.4")
      .kinds(RuleMetadata.WORKLOADS)
      .parameters(UNSET_IS_DEFAULT)
      .rationale("The default namespace is where everything lands that nobody placed: RBAC grants, network"
          + " policies, quotas and Pod Security labels meant for one application end up applying to"
          + " unrelated ones, or are never set at all. A manifest without metadata.namespace is applied to"
          + " the namespace of the current context, which is default unless told otherwise. CIS Kubernetes"
          + " Benchmark 1.12, 5.6.4: the default namespace should not be used.")
      .remediation("Set metadata.namespace to a namespace of the application's own.")
      .build();

  /** The bound parameters. */
  record Params(boolean unsetIsDefault) {}

  private final Params params;

  public DefaultNamespace() {
    this(Parameters.defaults(METADATA));
  }

  private DefaultNamespace(Parameters parameters) {
    this.params = new Params(parameters.get(UNSET_IS_DEFAULT));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new DefaultNamespace(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    String namespace = resource.namespace();
    if (namespace == null) {
      if (params.unsetIsDefault()) {
        context.report(resource, resource.root().keyNode("metadata"), resource.displayName()
            + " sets no namespace, so it lands in default unless one is given at deploy time");
      }
    } else if (namespace.equals("default")) {
      context.report(resource, resource.root().get("metadata").get("namespace"), resource.displayName()
          + " is in the default namespace (namespace: default)");
    }
  }
}
