/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.WorkloadKinds;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code .kubeward.yaml} file (or a caller) decides about a scan. Every field is optional;
 * {@link #empty()} changes nothing.
 *
 * @param profile the profile, or {@code null} for the scanner's default
 * @param pssVersion the Pod Security Standards version, or {@code null} for the default
 * @param enabledRules rules switched on beyond the profile
 * @param disabledRules rules switched off
 * @param severities severity overrides by rule id
 * @param parameters parameter values by rule id, then by parameter name (text, or list of text)
 * @param exemptions suppressions by rule and resource pattern, each with a reason
 * @param workloadKinds extra pod template carriers
 */
public record Configuration(
    Profile profile,
    PssVersion pssVersion,
    Set<String> enabledRules,
    Set<String> disabledRules,
    Map<String, Severity> severities,
    Map<String, Map<String, Object>> parameters,
    List<Exemption> exemptions,
    List<WorkloadKinds.Carrier> workloadKinds) {

  private static final Configuration EMPTY =
      new Configuration(null, null, Set.of(), Set.of(), Map.of(), Map.of(), List.of(), List.of());

  public Configuration {
    enabledRules = Set.copyOf(enabledRules);
    disabledRules = Set.copyOf(disabledRules);
    severities = Map.copyOf(severities);
    parameters = Map.copyOf(parameters);
    exemptions = List.copyOf(exemptions);
    workloadKinds = List.copyOf(workloadKinds);
  }

  /** A configuration that changes nothing. */
  public static Configuration empty() {
    return EMPTY;
  }
}
