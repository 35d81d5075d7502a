/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import dev.kubeward.engine.Profile;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Which rules a benchmark runs: the rules ServiceLoader discovers on the classpath (every rules
 * module is a dependency of this module), as the scanner does. The {@code rules} parameter
 * ({@code auto} or {@code discovered}) is kept for the command lines of earlier runs; both mean the
 * discovered rules, and a benchmark fails if there are none. How many ran is printed on standard
 * error, so that a result is never read against the wrong rules.
 */
public final class BenchmarkRules {

  private BenchmarkRules() {}

  /** Number of rules ServiceLoader finds through {@link RuleProvider}s. */
  public static int discoveredCount() {
    int n = 0;
    for (RuleProvider provider : ServiceLoader.load(RuleProvider.class, BenchmarkRules.class.getClassLoader())) {
      n += provider.rules().size();
    }
    return n;
  }

  /** A scanner builder with the rule set {@code rules} and {@code profile}. */
  public static Kubeward.Builder scanner(String rules, Profile profile) {
    Kubeward.Builder builder = Kubeward.builder().profile(profile).classLoader(BenchmarkRules.class.getClassLoader());
    int discovered = discoveredCount();
    switch (rules.toLowerCase(Locale.ROOT)) {
      case "auto":
      case "discovered":
        if (discovered == 0) {
          throw new IllegalStateException("no rules discovered through ServiceLoader");
        }
        System.err.println("[kubeward-benchmarks] measuring " + discovered + " discovered rules");
        return builder;
      default:
        if (rules.startsWith("ids:")) {
          // Only the named rules (joined by '+', since JMH splits parameter values at commas): to
          // compare two commits on the rules both have.
          Set<String> ids = new LinkedHashSet<>(java.util.Arrays.asList(rules.substring(4).split("\\+")));
          System.err.println("[kubeward-benchmarks] measuring the " + ids.size() + " named rules");
          return builder.onlyRules(ids);
        }
        throw new IllegalArgumentException("unknown rule set '" + rules + "' (expected auto, discovered or ids:ID+ID...)");
    }
  }

  /** A scanner with the rule set {@code rules} and {@code profile}, reporting which rules it runs. */
  public static Kubeward build(String rules, Profile profile) {
    return build(rules, profile, "all");
  }

  /**
   * As {@link #build(String, Profile)}, where {@code checks} is {@code all} for every rule of the
   * profile or {@code per-resource} for only its per-resource rules (no {@link InventoryRule}, so
   * no inventory is built): the part of evaluation that runs once per resource.
   */
  public static Kubeward build(String rules, Profile profile, String checks) {
    Kubeward scanner = scanner(rules, profile).build();
    switch (checks) {
      case "all":
        break;
      case "per-resource":
        Set<String> ids = new LinkedHashSet<>();
        for (Rule rule : scanner.rules()) {
          if (!(rule instanceof InventoryRule)) {
            ids.add(rule.metadata().id());
          }
        }
        scanner = ids.isEmpty() ? scanner(rules, profile).skipRules(idsOf(scanner)).build()
            : scanner(rules, profile).onlyRules(ids).build();
        break;
      default:
        throw new IllegalArgumentException("unknown checks '" + checks + "' (expected all or per-resource)");
    }
    System.err.println("[kubeward-benchmarks] profile " + profile.id() + ", " + checks + " checks: "
        + scanner.rules().size() + " rules run");
    return scanner;
  }

  private static Set<String> idsOf(Kubeward scanner) {
    Set<String> ids = new LinkedHashSet<>();
    for (Rule rule : scanner.rules()) {
      ids.add(rule.metadata().id());
    }
    return ids;
  }
}
