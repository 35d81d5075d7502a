/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.LabelSelector;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The policy rules of Roles and ClusterRoles, and how they match a {@link Target}. */
final class PolicyRules {

  private PolicyRules() {}

  /** One entry of {@code rules} of a role: its index and node. */
  record Entry(Resource role, int index, Node node) {

    Node apiGroups() {
      return node.get("apiGroups");
    }

    Node resources() {
      return node.get("resources");
    }

    Node verbs() {
      return node.get("verbs");
    }

    boolean hasResourceNames() {
      return node.get("resourceNames").size() > 0;
    }

    /** True if the entry grants every verb on every resource of every API group. */
    boolean isFullWildcard() {
      return PolicyRules.isFullWildcard(node);
    }

    /** {@code rules[2]}, as messages name the entry. */
    String label() {
      return "rules[" + index + "]";
    }
  }

  /** What one entry grants of a set of targets: the resource nodes that matched and the verbs. */
  record Grant(Entry entry, List<Node> resources, Set<String> verbs, boolean wildcardGroup,
      List<Target> targets) {

    Node at() {
      return resources.get(0);
    }

    /**
     * {@code rules[1]: list, watch on "secrets"}, with {@code (API group "*")} when only a wildcard
     * group covers it and {@code , which includes pods/exec} when a wildcard resource does.
     */
    String describe() {
      StringBuilder sb = new StringBuilder(entry.label()).append(": ");
      int v = 0;
      for (String verb : verbs) {
        sb.append(v++ > 0 ? ", " : "").append(verb.equals("*") ? "\"*\"" : verb);
      }
      sb.append(" on ");
      Set<String> covered = new LinkedHashSet<>();
      boolean wildcard = false;
      for (int i = 0; i < resources.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        String text = resources.get(i).text();
        sb.append('"').append(text).append('"');
        wildcard |= text.startsWith("*");
      }
      if (wildcardGroup) {
        sb.append(" in API group \"*\"");
      }
      if (wildcard) {
        for (Target t : targets) {
          covered.add(t.resource());
        }
        sb.append(", which covers ").append(String.join(", ", covered));
      }
      return sb.toString();
    }
  }

  private static List<Entry> entries(Resource role) {
    Node rules = role.root().get("rules");
    List<Entry> out = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).isMap()) {
        out.add(new Entry(role, i, rules.get(i)));
      }
    }
    return out;
  }

  static boolean isAggregated(Resource role) {
    return role.is(GroupKind.CLUSTER_ROLE) && role.root().get("aggregationRule").isMap();
  }

  /**
   * The entries {@code role} grants in a cluster made of {@code inventory}: its own, or, for an
   * aggregated ClusterRole, those of every ClusterRole its selectors pick (transitively).
   */
  static List<Entry> effective(Inventory inventory, Resource role) {
    if (!isAggregated(role)) {
      return entries(role);
    }
    List<Entry> out = new ArrayList<>();
    collect(inventory, role, new LinkedHashSet<>(), out);
    return out;
  }

  private static void collect(Inventory inventory, Resource role, Set<Resource> seen, List<Entry> out) {
    if (!seen.add(role)) {
      return;
    }
    if (!isAggregated(role)) {
      out.addAll(entries(role));
      return;
    }
    Node selectors = role.root().get("aggregationRule").get("clusterRoleSelectors");
    for (int i = 0; i < selectors.size(); i++) {
      LabelSelector selector = LabelSelector.of(selectors.get(i));
      for (Resource picked : inventory.select(GroupKind.CLUSTER_ROLE, null, selector)) {
        collect(inventory, picked, seen, out);
      }
    }
  }

  /**
   * What {@code entry} grants of {@code targets}, leaving out cluster-scoped targets when
   * {@code namespacedOnly} and targets of versions before {@code minor}; {@code null} if nothing.
   */
  static Grant grant(Entry entry, List<Target> targets, boolean namespacedOnly, int minor) {
    return grant(entry.role(), entry.index(), entry.node(), targets, namespacedOnly, minor);
  }

  /**
   * What entry {@code index} of {@code role}'s rules ({@code node}) grants of {@code targets}, as
   * {@link #grant(Entry, List, boolean, int)}; allocates only when it grants something.
   */
  static Grant grant(Resource role, int index, Node node, List<Target> targets, boolean namespacedOnly, int minor) {
    Node groups = node.get("apiGroups");
    Node resources = node.get("resources");
    Node verbs = node.get("verbs");
    List<Node> matchedResources = null;
    Set<String> matchedVerbs = null;
    boolean wildcardGroup = false;
    List<Target> matchedTargets = null;
    for (int ti = 0; ti < targets.size(); ti++) {
      Target t = targets.get(ti);
      if ((namespacedOnly && t.clusterScoped()) || (t.beforeMinor() > 0 && minor >= t.beforeMinor())) {
        continue;
      }
      boolean exactGroup = contains(groups, t.group());
      if (!exactGroup && !contains(groups, "*")) {
        continue;
      }
      Node resource = null;
      for (int i = 0; i < resources.size() && resource == null; i++) {
        String r = resources.get(i).text();
        if (r != null && t.resourceMatches(r)) {
          resource = resources.get(i);
        }
      }
      if (resource == null) {
        continue;
      }
      Set<String> found = null;
      for (int i = 0; i < verbs.size(); i++) {
        String v = verbs.get(i).text();
        if (v != null && t.verbMatches(v)) {
          if (found == null) {
            found = new LinkedHashSet<>();
          }
          found.add(v);
        }
      }
      if (found == null) {
        continue;
      }
      if (matchedResources == null) {
        matchedResources = new ArrayList<>(2);
        matchedVerbs = new LinkedHashSet<>();
        matchedTargets = new ArrayList<>(2);
      }
      if (!matchedResources.contains(resource)) {
        matchedResources.add(resource);
      }
      matchedVerbs.addAll(found);
      wildcardGroup |= !exactGroup;
      matchedTargets.add(t);
    }
    if (matchedResources == null) {
      return null;
    }
    matchedResources.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
        : Integer.compare(a.column(), b.column()));
    return new Grant(new Entry(role, index, node), matchedResources, matchedVerbs, wildcardGroup, matchedTargets);
  }

  /** True if the rules entry {@code node} grants every verb on every resource of every API group. */
  static boolean isFullWildcard(Node node) {
    return contains(node.get("verbs"), "*") && contains(node.get("resources"), "*")
        && contains(node.get("apiGroups"), "*");
  }

  /** True if {@code list} holds the scalar {@code value}. */
  static boolean contains(Node list, String value) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).textEquals(value)) {
        return true;
      }
    }
    return false;
  }
}
