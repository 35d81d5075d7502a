/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a scan runs, configured, in catalogue order, with their effective severities: chosen
 * from every known rule by profile, configuration and the caller's run-only and skip lists.
 * Immutable.
 */
final class RuleSet {

  private final List<Rule> rules;
  private final Set<String> ids;
  private final Map<String, Severity> severities;
  private final Map<String, Severity> overrides;

  private RuleSet(List<Rule> rules, Configuration config) {
    this.rules = List.copyOf(rules);
    Map<String, Severity> sev = new LinkedHashMap<>();
    Set<String> running = new HashSet<>();
    for (Rule rule : rules) {
      RuleMetadata m = rule.metadata();
      sev.put(m.id(), config.severities().getOrDefault(m.id(), m.severity()));
      running.add(m.id());
    }
    this.ids = Collections.unmodifiableSet(running);
    this.severities = Collections.unmodifiableMap(sev);
    this.overrides = config.severities();
  }

  /**
   * Selects and configures rules from {@code known}.
   *
   * @throws IllegalArgumentException for a duplicate id, an unknown rule id named anywhere, or a bad
   *     parameter
   */
  static RuleSet select(List<Rule> known, Profile profile, Configuration configuration, Set<String> only,
      Set<String> skip) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule r : known) {
      if (byId.putIfAbsent(r.metadata().id(), r) != null) {
        throw new IllegalArgumentException("two rules have the id " + r.metadata().id());
      }
    }
    Set<String> mentioned = new LinkedHashSet<>();
    mentioned.addAll(only);
    mentioned.addAll(skip);
    mentioned.addAll(configuration.enabledRules());
    mentioned.addAll(configuration.disabledRules());
    mentioned.addAll(configuration.severities().keySet());
    mentioned.addAll(configuration.parameters().keySet());
    for (Exemption e : configuration.exemptions()) {
      if (e.rule().indexOf('*') < 0) {
        mentioned.add(e.rule());
      }
    }
    for (String id : mentioned) {
      if (!byId.containsKey(id)) {
        throw new IllegalArgumentException("unknown rule '" + id + "'");
      }
    }
    List<Rule> selected = new ArrayList<>();
    for (Rule r : byId.values()) {
      String id = r.metadata().id();
      boolean on;
      if (!only.isEmpty()) {
        on = only.contains(id);
      } else {
        on = (profile.includes(r.metadata()) || configuration.enabledRules().contains(id))
            && !configuration.disabledRules().contains(id);
      }
      if (on && !skip.contains(id)) {
        Map<String, Object> values = configuration.parameters().getOrDefault(id, Map.of());
        Rule configured = r.metadata().parameters().isEmpty() && values.isEmpty()
            ? r
            : r.configure(Parameters.bind(id, r.metadata().parameters(), values));
        selected.add(configured);
      }
    }
    selected.sort((a, b) -> a.metadata().id().compareTo(b.metadata().id()));
    return new RuleSet(selected, configuration);
  }

  List<Rule> rules() {
    return rules;
  }

  /** True if rule {@code id} runs. */
  boolean runs(String id) {
    return ids.contains(id);
  }

  /** The severity of rule {@code id}: the configuration's, or its default. */
  Severity severityOf(String id) {
    return severities.get(id);
  }

  /** The severity the configuration sets for rule {@code id} over any the rule reports with, or {@code null}. */
  Severity overrideOf(String id) {
    return overrides.get(id);
  }

  /** Effective severity of each rule that runs. */
  Map<String, Severity> severities() {
    return severities;
  }
}
