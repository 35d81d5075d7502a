package dev.kubeward.benchmarks;

import dev.kubeward.benchmarks.fallback.FallbackRules;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.Scanner;
import dev.kubeward.rule.RuleProvider;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Which rules a benchmark runs, chosen by its {@code rules} parameter:
 * <ul>
 *   <li>{@code auto} (the default): the rules ServiceLoader discovers on the classpath (every rules
 *       module is a dependency of this module), or the {@link FallbackRules} when it discovers none;
 *   <li>{@code discovered}: the discovered rules, failing if there are none;
 *   <li>{@code fallback}: the fallback rules only.
 * </ul>
 * Which set ran is printed on standard error, so that a result is never read against the wrong
 * rules.
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
  public static Scanner.Builder scanner(String rules, Profile profile) {
    Scanner.Builder builder = Scanner.builder().profile(profile).classLoader(BenchmarkRules.class.getClassLoader());
    int discovered = discoveredCount();
    switch (rules.toLowerCase(Locale.ROOT)) {
      case "auto":
        if (discovered == 0) {
          System.err.println("[kubeward-benchmarks] no rules discovered through ServiceLoader;"
              + " measuring the FALLBACK rules of dev.kubeward.benchmarks.fallback");
          return builder.rules(FallbackRules.all());
        }
        System.err.println("[kubeward-benchmarks] measuring " + discovered + " discovered rules");
        return builder;
      case "discovered":
        if (discovered == 0) {
          throw new IllegalStateException("no rules discovered through ServiceLoader");
        }
        System.err.println("[kubeward-benchmarks] measuring " + discovered + " discovered rules");
        return builder;
      case "fallback":
        System.err.println("[kubeward-benchmarks] measuring the FALLBACK rules of dev.kubeward.benchmarks.fallback");
        return builder.rules(FallbackRules.all());
      default:
        throw new IllegalArgumentException("unknown rule set '" + rules + "' (expected auto, discovered or fallback)");
    }
  }

  /** A scanner with the rule set {@code rules} and {@code profile}, reporting which rules it runs. */
  public static Scanner build(String rules, Profile profile) {
    Scanner scanner = scanner(rules, profile).build();
    System.err.println("[kubeward-benchmarks] profile " + profile.id() + ": " + scanner.rules().size() + " rules run");
    return scanner;
  }
}
