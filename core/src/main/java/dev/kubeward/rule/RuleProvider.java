package dev.kubeward.rule;

import java.util.List;

/**
 * The service a rules module registers through {@code java.util.ServiceLoader} (both
 * {@code provides} in {@code module-info.java} and {@code META-INF/services}).
 */
public interface RuleProvider {

  /** The rules of this module, with default parameters. */
  List<Rule> rules();
}
