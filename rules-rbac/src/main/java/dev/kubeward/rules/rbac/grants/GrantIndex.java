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
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of the scan's roles that may grant what a row of {@link DangerousGrant} looks for,
 * found once per scan for every row: each row then judges only its candidates, with the exact
 * {@link PolicyRules#grant} call, instead of every entry of every role at every binding.
 *
 * <p>An entry is a candidate for a row when one of the row's targets matches it by API group,
 * resource and verb, whatever its scope ({@link Target#clusterScoped()}) and version
 * ({@link Target#beforeMinor()}): those depend on the binding and on the version of each object,
 * so the row's own call decides them. The same holds for the targets a row also needs
 * ({@link DangerousGrant.Row#companion()}). An entry of {@code *} verbs on {@code *} resources in
 * {@code *} groups is a candidate only for companions, as the rows leave it to
 * {@code rbac-wildcard}.
 *
 * <p>A role without a candidate entry costs nothing beyond the look-ups: no entry in a map, no
 * list. Immutable once built, so rules running in parallel share it.
 */
final class GrantIndex {

  static final Inventory.Derived<GrantIndex> KEY = Inventory.Derived.of("rbac-dangerous-grants", GrantIndex::new);

  /** The bits of {@link #mask} for the rows' own targets: bit {@code i} for row {@code i}. */
  static final long ROW_BITS = 0xFFFF_FFFFL;
  /** The bit of the companion targets of row {@code i} is {@code 1L << (COMPANION + i)}. */
  static final int COMPANION = 32;

  /** A target of a row (or of its companion) and the bit its match sets. */
  private record Keyed(Target target, long bit) {}

  /** Every target, for the resource {@code *}. */
  private static final Keyed[] ALL;
  /** Targets by a resource string that names them: their own resource, and {@code *}{@code /sub} for a subresource. */
  private static final Map<String, Keyed[]> BY_RESOURCE;
  /** Targets for every subresource of a resource ({@code userextras/*}): matched on any resource string. */
  private static final Keyed[] ANY_SUBRESOURCE;

  static {
    List<DangerousGrant.Row> rows = DangerousGrant.ROWS;
    if (rows.size() > COMPANION) {
      throw new IllegalStateException("at most " + COMPANION + " rows fit the masks");
    }
    List<Keyed> all = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      for (Target t : rows.get(i).targets()) {
        all.add(new Keyed(t, 1L << i));
      }
      for (Target t : rows.get(i).companion()) {
        all.add(new Keyed(t, 1L << (COMPANION + i)));
      }
    }
    Map<String, List<Keyed>> byResource = new HashMap<>();
    List<Keyed> anySubresource = new ArrayList<>();
    for (Keyed k : all) {
      String resource = k.target().resource();
      int slash = resource.indexOf('/');
      if (slash >= 0 && resource.endsWith("/*")) {
        anySubresource.add(k);
        continue;
      }
      byResource.computeIfAbsent(resource, r -> new ArrayList<>()).add(k);
      if (slash >= 0) {
        byResource.computeIfAbsent("*" + resource.substring(slash), r -> new ArrayList<>()).add(k);
      }
    }
    Map<String, Keyed[]> arrays = new HashMap<>();
    byResource.forEach((r, l) -> arrays.put(r, l.toArray(new Keyed[0])));
    ALL = all.toArray(new Keyed[0]);
    BY_RESOURCE = Map.copyOf(arrays);
    ANY_SUBRESOURCE = anySubresource.toArray(new Keyed[0]);
  }

  /**
   * The candidate entries of one role, in order: its own, or, for an aggregated ClusterRole, those
   * of the ClusterRoles it aggregates ({@link PolicyRules#effective}).
   */
  static final class Candidates {
    private final Resource role;
    private final List<PolicyRules.Entry> entries;
    private final long[] masks;
    private final long union;

    private Candidates(Resource role, List<PolicyRules.Entry> entries, long[] masks) {
      this.role = role;
      this.entries = List.copyOf(entries);
      this.masks = masks;
      long u = 0;
      for (long m : masks) {
        u |= m;
      }
      this.union = u;
    }

    Resource role() {
      return role;
    }

    int size() {
      return masks.length;
    }

    PolicyRules.Entry entry(int i) {
      return entries.get(i);
    }

    /** True if candidate {@code i} may match one of the targets whose bits are {@code bits}. */
    boolean may(int i, long bits) {
      return (masks[i] & bits) != 0;
    }

    /** True if some candidate may match one of the targets whose bits are {@code bits}. */
    boolean mayAny(long bits) {
      return (union & bits) != 0;
    }
  }

  /**
   * A binding with subjects whose roles may grant what a row looks for.
   *
   * @param binding the RoleBinding or ClusterRoleBinding
   * @param roles every copy in the scan of the role it binds ({@link Bindings#roles})
   * @param rows the bits of the rows its roles have candidates for
   */
  record Bound(Resource binding, List<Resource> roles, long rows) {}

  /** Roles and ClusterRoles with candidates; {@code null} when there are none. */
  private final Map<Resource, Candidates> byRole;
  /** Roles, then ClusterRoles that are not aggregated, in scan order, with a candidate for a row. */
  private final List<Candidates> roles;
  /** RoleBindings, then ClusterRoleBindings, in scan order, whose roles have a candidate for a row. */
  private final List<Bound> bindings;

  GrantIndex(Inventory inventory) {
    Map<Resource, Candidates> candidates = null;
    List<Candidates> plain = null;
    boolean clusterRoleCandidates = false;
    for (GroupKind kind : List.of(GroupKind.ROLE, GroupKind.CLUSTER_ROLE)) {
      List<Resource> ofKind = inventory.ofKind(kind);
      for (int r = 0; r < ofKind.size(); r++) {
        Resource role = ofKind.get(r);
        Candidates c = PolicyRules.isAggregated(role) ? null : ownCandidates(role);
        if (c == null) {
          continue;
        }
        candidates = candidates == null ? new IdentityHashMap<>() : candidates;
        candidates.put(role, c);
        clusterRoleCandidates |= kind.equals(GroupKind.CLUSTER_ROLE);
        if (c.mayAny(ROW_BITS)) {
          plain = plain == null ? new ArrayList<>() : plain;
          plain.add(c);
        }
      }
    }
    if (clusterRoleCandidates) {
      // An aggregated ClusterRole grants the entries of the ClusterRoles it picks: none when no
      // ClusterRole of the scan has a candidate.
      List<Resource> clusterRoles = inventory.ofKind(GroupKind.CLUSTER_ROLE);
      for (int r = 0; r < clusterRoles.size(); r++) {
        Resource role = clusterRoles.get(r);
        if (PolicyRules.isAggregated(role)) {
          Candidates c = candidates(role, PolicyRules.effective(inventory, role));
          if (c != null) {
            candidates.put(role, c);
          }
        }
      }
    }
    List<Bound> bound = null;
    if (candidates != null) {
      for (GroupKind kind : List.of(GroupKind.ROLE_BINDING, GroupKind.CLUSTER_ROLE_BINDING)) {
        List<Resource> ofKind = inventory.ofKind(kind);
        for (int b = 0; b < ofKind.size(); b++) {
          Resource binding = ofKind.get(b);
          if (binding.root().get("subjects").size() == 0) {
            continue;
          }
          List<Resource> boundRoles = Bindings.roles(inventory, binding);
          long rows = 0;
          for (int r = 0; r < boundRoles.size(); r++) {
            Candidates c = candidates.get(boundRoles.get(r));
            rows |= c == null ? 0 : c.union & ROW_BITS;
          }
          if (rows != 0) {
            bound = bound == null ? new ArrayList<>() : bound;
            bound.add(new Bound(binding, boundRoles, rows));
          }
        }
      }
    }
    this.byRole = candidates;
    this.roles = plain == null ? List.of() : List.copyOf(plain);
    this.bindings = bound == null ? List.of() : List.copyOf(bound);
  }

  /** The candidates among the entries of {@code role}'s own rules, or {@code null}; allocates only when there are some. */
  private static Candidates ownCandidates(Resource role) {
    Node rules = role.root().get("rules");
    List<PolicyRules.Entry> entries = null;
    long[] masks = null;
    int n = 0;
    for (int i = 0; i < rules.size(); i++) {
      Node entry = rules.get(i);
      if (!entry.isMap()) {
        continue;
      }
      long mask = mask(entry);
      if (mask == 0) {
        continue;
      }
      if (entries == null) {
        entries = new ArrayList<>(2);
        masks = new long[2];
      } else if (n == masks.length) {
        masks = Arrays.copyOf(masks, n * 2);
      }
      entries.add(new PolicyRules.Entry(role, i, entry));
      masks[n++] = mask;
    }
    return entries == null ? null : new Candidates(role, entries, Arrays.copyOf(masks, n));
  }

  /** The candidates among {@code entries}, granted by {@code role}, or {@code null}. */
  private static Candidates candidates(Resource role, List<PolicyRules.Entry> entries) {
    List<PolicyRules.Entry> kept = new ArrayList<>();
    long[] masks = new long[entries.size()];
    for (PolicyRules.Entry e : entries) {
      long mask = mask(e.node());
      if (mask != 0) {
        masks[kept.size()] = mask;
        kept.add(e);
      }
    }
    return kept.isEmpty() ? null : new Candidates(role, kept, Arrays.copyOf(masks, kept.size()));
  }

  /**
   * The bits of the targets the rules entry {@code node} may grant, whatever the scope and the
   * version; row bits are left out for an entry of {@code *} verbs on {@code *} resources in
   * {@code *} groups. Allocates nothing.
   */
  static long mask(Node node) {
    Node groups = node.get("apiGroups");
    Node resources = node.get("resources");
    Node verbs = node.get("verbs");
    if (groups.size() == 0 || resources.size() == 0 || verbs.size() == 0) {
      return 0;
    }
    long mask = 0;
    for (int i = 0; i < resources.size(); i++) {
      String r = resources.get(i).text();
      if (r == null) {
        continue;
      }
      if (r.equals("*")) {
        mask = match(ALL, r, groups, verbs, mask);
        continue;
      }
      Keyed[] named = BY_RESOURCE.get(r);
      if (named != null) {
        mask = match(named, r, groups, verbs, mask);
      }
      mask = match(ANY_SUBRESOURCE, r, groups, verbs, mask);
    }
    if ((mask & ROW_BITS) != 0 && PolicyRules.isFullWildcard(node)) {
      mask &= ~ROW_BITS;
    }
    return mask;
  }

  /** {@code mask} with the bits of those of {@code keyed} that the entry may grant on resource {@code r}. */
  private static long match(Keyed[] keyed, String r, Node groups, Node verbs, long mask) {
    for (Keyed k : keyed) {
      if ((mask & k.bit()) != 0) {
        continue;
      }
      Target t = k.target();
      if (t.resourceMatches(r) && (PolicyRules.contains(groups, t.group()) || PolicyRules.contains(groups, "*"))
          && anyVerb(verbs, t)) {
        mask |= k.bit();
      }
    }
    return mask;
  }

  private static boolean anyVerb(Node verbs, Target t) {
    for (int i = 0; i < verbs.size(); i++) {
      String v = verbs.get(i).text();
      if (v != null && t.verbMatches(v)) {
        return true;
      }
    }
    return false;
  }

  /** The candidates of {@code role} (an aggregated ClusterRole's are those it aggregates), or {@code null}. */
  Candidates candidates(Resource role) {
    return byRole == null ? null : byRole.get(role);
  }

  /** Roles, then ClusterRoles that are not aggregated, in scan order, with a candidate for some row. */
  List<Candidates> roles() {
    return roles;
  }

  /** RoleBindings, then ClusterRoleBindings, in scan order, with subjects and a role with a candidate for some row. */
  List<Bound> bindings() {
    return bindings;
  }

  /** True if no role of the scan has a candidate entry. */
  boolean isEmpty() {
    return byRole == null;
  }
}
