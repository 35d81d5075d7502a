package dev.kubeward.rules.workload;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rules.workload.images.ImageNotPinned;
import dev.kubeward.rules.workload.podsecurity.HostNamespaces;
import dev.kubeward.rules.workload.podsecurity.PrivilegedContainer;
import java.util.List;

/** Registers the workload rules. */
public final class WorkloadRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return List.of(
        new PrivilegedContainer(),
        new HostNamespaces(),
        new ImageNotPinned());
  }
}
