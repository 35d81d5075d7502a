package dev.kubeward.benchmarks.fallback;

import dev.kubeward.rule.Rule;
import java.util.List;

/**
 * FALLBACK ONLY: the stand-in rules used when no real rule is discovered. Four per-resource rules
 * of the common shapes (every container of a workload, an RBAC object's rule list), one opt-in rule
 * (so that {@code all} differs from {@code recommended}) and one cross-resource rule (network
 * policies against the workloads they select).
 */
public final class FallbackRules {

  private FallbackRules() {}

  /** Every fallback rule, with default parameters. */
  public static List<Rule> all() {
    return List.of(
        new FallbackPrivilegedContainer(),
        new FallbackRunAsNonRoot(),
        new FallbackImageTag(),
        new FallbackRbacWildcard(),
        new FallbackMemoryLimit(),
        new FallbackUnisolatedWorkload());
  }
}
