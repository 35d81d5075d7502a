/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** RoleBindings and ClusterRoleBindings: their subjects and the role they bind. */
final class Bindings {

  static final String SERVICE_ACCOUNT = "ServiceAccount";
  static final String USER = "User";
  static final String GROUP = "Group";

  /**
   * The built-in ClusterRoles that grant nothing but discovery, health and version URLs and the
   * self-reviews every user may make: bound to every user (and some to anonymous users) in every
   * cluster.
   */
  static final Set<String> TRIVIAL_ROLES = Set.of(
      "system:discovery", "system:basic-user", "system:public-info-viewer",
      "system:service-account-issuer-discovery");

  private static final Set<String> SELF_REVIEWS = Set.of(
      "selfsubjectaccessreviews", "selfsubjectrulesreviews", "selfsubjectreviews");

  private Bindings() {}

  /**
   * One subject of a binding.
   *
   * @param kind {@code User}, {@code Group} or {@code ServiceAccount} (anything else matches no one)
   * @param name the name
   * @param namespace a service account's namespace (the binding's when a RoleBinding leaves it
   *     out), otherwise {@code null}
   * @param node the subject's {@code name} node (or the subject when it has none)
   */
  record Subject(String kind, String name, String namespace, Node node) {

    /** {@code ServiceAccount shop/app}, {@code User jane}, {@code Group system:masters}. */
    String describe() {
      return SERVICE_ACCOUNT.equals(kind) ? kind + " " + (namespace == null ? "" : namespace + "/") + name
          : kind + " " + name;
    }

    boolean isGroup(String group) {
      return GROUP.equals(kind) && group.equals(name);
    }

    boolean isUser(String user) {
      return USER.equals(kind) && user.equals(name);
    }
  }

  static boolean isBinding(Resource r) {
    return r.is(GroupKind.ROLE_BINDING) || r.is(GroupKind.CLUSTER_ROLE_BINDING);
  }

  /** The subjects of {@code binding}, in order; those without a kind or a name are left out. */
  static List<Subject> subjects(Inventory inventory, Resource binding) {
    Node list = binding.root().get("subjects");
    List<Subject> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Subject s = subject(inventory, binding, list.get(i));
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** The subject {@code s} of {@code binding}, or {@code null} if it has no kind or name. */
  static Subject subject(Inventory inventory, Resource binding, Node s) {
    String kind = s.get("kind").text();
    String name = s.get("name").text();
    if (kind == null || name == null || name.isEmpty()) {
      return null;
    }
    String namespace = null;
    if (SERVICE_ACCOUNT.equals(kind)) {
      namespace = s.get("namespace").text();
      if ((namespace == null || namespace.isEmpty()) && binding.is(GroupKind.ROLE_BINDING)) {
        // The authorizer defaults the namespace of a RoleBinding's service account to the binding's.
        namespace = inventory.namespaceOf(binding);
      }
    }
    return new Subject(kind, name, namespace, s.get("name"));
  }

  /** {@code ServiceAccount a/b, User c} (at most three, then {@code and 2 more}). */
  static String describe(List<Subject> subjects) {
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(3, subjects.size());
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(subjects.get(i).describe());
    }
    if (subjects.size() > shown) {
      sb.append(" and ").append(subjects.size() - shown).append(" more");
    }
    return sb.toString();
  }

  /**
   * The Roles and ClusterRoles of a scan by namespace and name, built once per scan, so that a
   * binding finds its role without allocating a key.
   */
  static final class RoleIndex {
    static final Inventory.Derived<RoleIndex> KEY = Inventory.Derived.of("rbac-grants-roles", RoleIndex::new);

    private final Map<String, List<Resource>> clusterRoles = new HashMap<>();
    private final Map<String, Map<String, List<Resource>>> roles = new HashMap<>();

    private RoleIndex(Inventory inventory) {
      for (Resource r : inventory.ofKind(GroupKind.CLUSTER_ROLE)) {
        if (r.name() != null) {
          clusterRoles.computeIfAbsent(r.name(), k -> new ArrayList<>(1)).add(r);
        }
      }
      for (Resource r : inventory.ofKind(GroupKind.ROLE)) {
        if (r.name() != null) {
          roles.computeIfAbsent(inventory.namespaceOf(r), k -> new HashMap<>())
              .computeIfAbsent(r.name(), k -> new ArrayList<>(1)).add(r);
        }
      }
      clusterRoles.values().forEach(l -> l.sort(Inventory.SOURCE_ORDER));
      roles.values().forEach(m -> m.values().forEach(l -> l.sort(Inventory.SOURCE_ORDER)));
    }

    List<Resource> clusterRole(String name) {
      return clusterRoles.getOrDefault(name, List.of());
    }

    List<Resource> role(String namespace, String name) {
      Map<String, List<Resource>> inNamespace = roles.get(namespace);
      return inNamespace == null ? List.of() : inNamespace.getOrDefault(name, List.of());
    }
  }

  static Node roleRef(Resource binding) {
    return binding.root().get("roleRef");
  }

  /** The name of the bound role, or {@code null}. */
  static String roleName(Resource binding) {
    return roleRef(binding).get("name").text();
  }

  /** True if {@code binding} binds a ClusterRole (a ClusterRoleBinding can bind nothing else). */
  static boolean bindsClusterRole(Resource binding) {
    return binding.is(GroupKind.CLUSTER_ROLE_BINDING) || roleRef(binding).get("kind").textEquals("ClusterRole");
  }

  /** {@code ClusterRole edit} or {@code Role shop/reader}: the bound role, as messages name it. */
  static String describeRole(Inventory inventory, Resource binding) {
    String name = roleName(binding);
    return bindsClusterRole(binding) ? "ClusterRole " + name : "Role " + inventory.namespaceOf(binding) + "/" + name;
  }

  /**
   * Every copy in the scan of the role {@code binding} binds; empty when it is not in the scan. A
   * RoleBinding's Role is in the binding's namespace; a ClusterRoleBinding may bind only a
   * ClusterRole.
   */
  static List<Resource> roles(Inventory inventory, Resource binding) {
    String name = roleName(binding);
    if (name == null) {
      return List.of();
    }
    String kind = roleRef(binding).get("kind").text("");
    RoleIndex index = inventory.derived(RoleIndex.KEY);
    if (kind.equals("ClusterRole")) {
      return index.clusterRole(name);
    }
    if (kind.equals("Role") && binding.is(GroupKind.ROLE_BINDING)) {
      return index.role(inventory.namespaceOf(binding), name);
    }
    return List.of();
  }

  /**
   * True if the bound role grants nothing but what every user already holds: a built-in trivial
   * ClusterRole ({@link #TRIVIAL_ROLES}) that the scan leaves alone or redefines only with
   * non-resource URL reads and self-reviews.
   */
  static boolean bindsTrivialRole(Inventory inventory, Resource binding) {
    if (!bindsClusterRole(binding) || !TRIVIAL_ROLES.contains(roleName(binding))) {
      return false;
    }
    for (Resource role : roles(inventory, binding)) {
      for (PolicyRules.Entry e : PolicyRules.effective(inventory, role)) {
        if (!isTrivial(e)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isTrivial(PolicyRules.Entry e) {
    Node verbs = e.verbs();
    if (e.node().get("nonResourceURLs").size() > 0) {
      for (int i = 0; i < verbs.size(); i++) {
        String v = verbs.get(i).text("");
        if (!v.equals("get") && !v.equals("head")) {
          return false;
        }
      }
      return e.resources().size() == 0;
    }
    for (int i = 0; i < verbs.size(); i++) {
      if (!verbs.get(i).textEquals("create")) {
        return false;
      }
    }
    Node resources = e.resources();
    for (int i = 0; i < resources.size(); i++) {
      if (!SELF_REVIEWS.contains(resources.get(i).text(""))) {
        return false;
      }
    }
    return true;
  }
}
