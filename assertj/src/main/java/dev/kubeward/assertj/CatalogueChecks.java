/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.rule.FamilyRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.RuleProvider;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Whole-catalogue checks for a rules module: unique ids, complete metadata, class names that
 * match ids, fixtures of both kinds for every rule, and a provider registered both in
 * {@code META-INF/services} and in {@code module-info.java}.
 *
 * <p>A class that implements one rule is named after it ({@code PrivilegedContainer} for
 * {@code privileged-container}). A class whose instances are several rules, the rows of a table,
 * implements {@link FamilyRule}; its name names the family, and each row is checked as a rule of
 * its own (metadata, fixtures under {@code rules/<row-id>/}).
 */
public final class CatalogueChecks {

  private CatalogueChecks() {}

  /** Runs every check on {@code provider}; fails listing every problem found. */
  public static void verify(RuleProvider provider) {
    List<String> problems = problems(provider.rules());
    checkServiceLoader(provider, problems);
    checkModuleInfo(provider, problems);
    if (!problems.isEmpty()) {
      throw new AssertionError("Catalogue of " + provider.getClass().getName() + " has problems:\n  "
          + String.join("\n  ", problems));
    }
  }

  /**
   * Runs the checks that need no registration on {@code rules} (a provider's, or the rows of a
   * family): unique ids, complete metadata, class names, fixtures; fails listing every problem found.
   */
  public static void verifyRules(Collection<? extends Rule> rules) {
    List<String> problems = problems(rules);
    if (!problems.isEmpty()) {
      throw new AssertionError("Rules have problems:\n  " + String.join("\n  ", problems));
    }
  }

  private static List<String> problems(Collection<? extends Rule> rules) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<Class<?>, List<String>> idsByClass = new LinkedHashMap<>();
    for (Rule rule : rules) {
      RuleMetadata m = rule.metadata();
      if (!ids.add(m.id())) {
        problems.add("duplicate rule id " + m.id());
      }
      if (!(rule instanceof FamilyRule)) {
        idsByClass.computeIfAbsent(rule.getClass(), c -> new ArrayList<>()).add(m.id());
      }
      if (!m.rationale().trim().endsWith(".")) {
        problems.add("rationale of " + m.id() + " must be sentences ending in a period");
      }
      if (rule.metadata() != m) {
        problems.add("metadata of " + m.id() + " must be the same object on every call");
      }
      try {
        RuleFixtures.of(rule).files();
      } catch (AssertionError e) {
        problems.add(e.getMessage());
      }
    }
    idsByClass.forEach((type, classIds) -> {
      String name = type.getSimpleName();
      if (classIds.size() > 1) {
        problems.add("class " + name + " implements the rules " + String.join(", ", classIds)
            + "; a class whose instances are several rules implements " + FamilyRule.class.getSimpleName());
      } else if (!name.equals(upperCamel(classIds.get(0)))) {
        problems.add("rule " + classIds.get(0) + " is implemented by " + name + "; name it "
            + upperCamel(classIds.get(0)));
      }
    });
    return problems;
  }

  /** {@code privileged-container} to {@code PrivilegedContainer}. */
  public static String upperCamel(String id) {
    StringBuilder sb = new StringBuilder();
    for (String part : id.split("-")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  private static void checkServiceLoader(RuleProvider provider, List<String> problems) {
    boolean found = ServiceLoader.load(RuleProvider.class, provider.getClass().getClassLoader()).stream()
        .anyMatch(p -> p.type() == provider.getClass());
    if (!found) {
      problems.add(provider.getClass().getName() + " is not listed in META-INF/services/" + RuleProvider.class.getName());
    }
  }

  private static void checkModuleInfo(RuleProvider provider, List<String> problems) {
    Path location;
    try {
      location = Path.of(provider.getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      problems.add("cannot locate the classes of " + provider.getClass().getName());
      return;
    }
    Set<ModuleReference> modules = ModuleFinder.of(location).findAll();
    Optional<ModuleDescriptor> descriptor = modules.stream().map(ModuleReference::descriptor)
        .filter(d -> !d.isAutomatic()).findFirst();
    if (descriptor.isEmpty()) {
      problems.add("no module-info.class next to " + provider.getClass().getName());
      return;
    }
    boolean provides = descriptor.get().provides().stream()
        .anyMatch(p -> p.service().equals(RuleProvider.class.getName())
            && p.providers().contains(provider.getClass().getName()));
    if (!provides) {
      problems.add("module " + descriptor.get().name() + " does not declare 'provides "
          + RuleProvider.class.getName() + " with " + provider.getClass().getName() + "'");
    }
  }
}
