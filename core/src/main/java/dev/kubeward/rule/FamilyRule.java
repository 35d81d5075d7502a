/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

/**
 * One row of a rule family: a class that defines many rules from a table, when dozens of checks
 * differ only in data (CIS flag checks, RBAC permissions, removed APIs). Each instance is a
 * first-class rule with its own {@link RuleMetadata} (id, title, controls, parameters), its own
 * fixtures under {@code rules/<row-id>/}, suppression annotation and configuration; rows share only
 * the code that checks them.
 *
 * <p>Implement this interface together with {@link ResourceRule} or {@link InventoryRule}; the
 * provider lists every row. The class's name names the family, not a rule, so the catalogue checks
 * do not require it to be the UpperCamel form of a row's id, as they do for a class that implements
 * exactly one rule.
 *
 * <pre>{@code
 * final class ApiServerFlag implements ResourceRule, FamilyRule {
 *   record Row(String id, String title, String flag, String expected, String control) {}
 *
 *   static final List<Row> ROWS = List.of(
 *       new Row("api-server-anonymous-auth", "Anonymous requests allowed", "--anonymous-auth", "false", "cis-k8s:1.2.1"),
 *       new Row("api-server-profiling", "Profiling enabled", "--profiling", "false", "cis-k8s:1.2.15"));
 *
 *   static List<Rule> rules() {
 *     return ROWS.stream().map(ApiServerFlag::new).collect(Collectors.toList());
 *   }
 *   ...
 * }
 * }</pre>
 */
public interface FamilyRule extends Rule {

  /** The family's name, the same for every row; by default the simple name of the class. */
  default String family() {
    return getClass().getSimpleName();
  }
}
