/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access;

import dev.kubeward.load.Yaml;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.LabelSelector;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ServiceAccounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RBAC graph of one scan: every Role and ClusterRole (with the API server's built-in
 * ClusterRoles and ClusterRoleBindings), every binding with its role resolved, identity mappings
 * from outside Kubernetes, and the service account each workload runs as. Built once per scan
 * ({@link #of(Inventory)}), immutable and thread-safe.
 *
 * <p>It answers two questions as the RBAC authorizer would: which rules a subject holds, each with
 * its {@linkplain Grant grant path} ({@link #grantsOf(Subject)}), and who can do something, each
 * answer with its paths ({@link #whoCan(WhoCan.Query)}). A service account is also in the groups
 * {@code system:serviceaccounts}, {@code system:serviceaccounts:<namespace>} and
 * {@code system:authenticated}, and is the user {@code system:serviceaccount:<namespace>:<name>};
 * every authenticated user is in {@code system:authenticated}.
 *
 * <p>A scanned ClusterRole or ClusterRoleBinding with the name of a built-in one adds to it, as the
 * API server restores the built-in content at start-up, unless it carries
 * {@code rbac.authorization.kubernetes.io/autoupdate: "false"}: then it replaces it. An aggregated
 * ClusterRole ({@code aggregationRule}) holds the rules of every ClusterRole its label selectors
 * reach, transitively (cycles are harmless), and none of its own.
 */
public final class AccessModel {

  /** The per-scan key of the model. */
  public static final Inventory.Derived<AccessModel> KEY = Inventory.Derived.of("rbac access model", AccessModel::new);

  /** The annotation that, set to {@code "false"}, makes a scanned role replace the built-in one. */
  public static final String AUTOUPDATE = "rbac.authorization.kubernetes.io/autoupdate";

  static final GroupKind ACCESS_ENTRY = GroupKind.of("eks.services.k8s.aws", "AccessEntry");

  private static final String CLUSTER_ROLE = "ClusterRole";
  private static final String ROLE = "Role";

  private record Hit(AccessBinding binding, AccessBinding.Entry entry) {}

  /**
   * What the built-in policy contributes to every model unless a scan holds a copy of it, made once
   * on first use: a built-in ClusterRole or Role without a scanned copy has the same rules in every
   * scan, so its {@link AccessRole} (immutable once made) is shared by all models. An aggregated
   * ClusterRole is made per scan, as its rules depend on the roles of the scan, and so is every
   * binding, which holds the role it resolves to.
   */
  private static final class Shared {
    static final Map<String, Resource> CLUSTER_ROLE_DEFINITIONS;
    static final Map<String, Map<String, Resource>> ROLE_DEFINITIONS;
    /** The non-aggregated built-in ClusterRoles, as a model without copies of them holds them. */
    static final Map<String, AccessRole> CLUSTER_ROLES;
    static final Map<AccessRole, Map<String, String>> LABELS;
    /** The built-in Roles by namespace and name, as a model without copies of them holds them. */
    static final Map<String, Map<String, AccessRole>> ROLES;
    /** The built-in ClusterRoleBindings, their roles unresolved: each model takes a copy. */
    static final List<AccessBinding> CLUSTER_ROLE_BINDINGS;

    static {
      Map<String, Resource> definitions = new HashMap<>();
      Map<String, AccessRole> clusterRoles = new HashMap<>();
      Map<AccessRole, Map<String, String>> labels = new IdentityHashMap<>();
      for (Resource r : BuiltInPolicy.clusterRoles()) {
        definitions.put(r.name(), r);
        if (!r.root().get("aggregationRule").isMap()) {
          AccessRole role = new AccessRole(CLUSTER_ROLE, null, r.name(), List.of(), true, false);
          role.rules = ownRules(role, List.of(r), r);
          clusterRoles.put(r.name(), role);
          labels.put(role, Collections.unmodifiableMap(new HashMap<>(r.labels())));
        }
      }
      Map<String, Map<String, Resource>> roleDefinitions = new HashMap<>();
      Map<String, Map<String, AccessRole>> roles = new HashMap<>();
      for (Resource r : BuiltInPolicy.roles()) {
        roleDefinitions.computeIfAbsent(r.namespace(), k -> new HashMap<>()).put(r.name(), r);
        AccessRole role = new AccessRole(ROLE, r.namespace(), r.name(), List.of(), true, false);
        role.rules = ownRules(role, List.of(r), r);
        roles.computeIfAbsent(r.namespace(), k -> new HashMap<>()).put(r.name(), role);
      }
      List<AccessBinding> bindings = new ArrayList<>();
      for (Resource r : BuiltInPolicy.clusterRoleBindings()) {
        bindings.add(binding(r, null, null));
      }
      CLUSTER_ROLE_DEFINITIONS = Collections.unmodifiableMap(definitions);
      roleDefinitions.replaceAll((k, v) -> Collections.unmodifiableMap(v));
      ROLE_DEFINITIONS = Collections.unmodifiableMap(roleDefinitions);
      CLUSTER_ROLES = Collections.unmodifiableMap(clusterRoles);
      LABELS = Collections.unmodifiableMap(labels);
      roles.replaceAll((k, v) -> Collections.unmodifiableMap(v));
      ROLES = Collections.unmodifiableMap(roles);
      CLUSTER_ROLE_BINDINGS = List.copyOf(bindings);
    }
  }

  private final Inventory inventory;
  private final Map<String, AccessRole> clusterRoles;
  private final Map<String, Map<String, AccessRole>> roles;
  private final List<AccessBinding> clusterRoleBindings;
  private final Map<String, List<AccessBinding>> roleBindings;
  private final List<AccessBinding> bindings;
  private final Map<String, List<Hit>> bySubject;
  private final List<IdentityMapping> mappings;
  private final Map<String, List<IdentityMapping>> mappingsByGroup;
  private final Map<String, Map<String, List<Resource>>> workloadsByAccount;
  private final Map<String, Map<String, List<Grant>>> accountGrants;
  private final ConcurrentHashMap<Subject, List<Grant>> grantCache = new ConcurrentHashMap<>();

  private AccessModel(Inventory inventory) {
    this.inventory = inventory;
    Map<AccessRole, List<Resource>> definitions = new HashMap<>();
    Map<AccessRole, Map<String, String>> labels = new HashMap<>();
    this.clusterRoles = buildClusterRoles(inventory, definitions, labels);
    this.roles = buildRoles(inventory);
    aggregate(definitions, labels);

    List<AccessBinding> crbs = new ArrayList<>();
    Map<String, List<Resource>> scannedCrbs = byName(inventory.ofKind(GroupKind.CLUSTER_ROLE_BINDING));
    for (AccessBinding builtIn : Shared.CLUSTER_ROLE_BINDINGS) {
      if (!replaces(scannedCrbs.getOrDefault(builtIn.name(), List.of()))) {
        crbs.add(builtIn.unresolved());
      }
    }
    for (Resource r : inventory.ofKind(GroupKind.CLUSTER_ROLE_BINDING)) {
      if (r.name() != null) {
        crbs.add(binding(r, r, null));
      }
    }
    Map<String, List<AccessBinding>> rbs = new HashMap<>();
    for (Resource r : inventory.ofKind(GroupKind.ROLE_BINDING)) {
      if (r.name() != null) {
        String ns = inventory.namespaceOf(r);
        rbs.computeIfAbsent(ns, k -> new ArrayList<>()).add(binding(r, r, ns));
      }
    }
    this.clusterRoleBindings = List.copyOf(crbs);
    rbs.replaceAll((k, v) -> List.copyOf(v));
    this.roleBindings = rbs;
    List<AccessBinding> all = new ArrayList<>(crbs);
    new TreeMap<>(rbs).values().forEach(all::addAll);
    this.bindings = List.copyOf(all);

    Map<String, List<Hit>> index = new HashMap<>();
    for (AccessBinding b : bindings) {
      b.role = resolve(b);
      for (AccessBinding.Entry e : b.subjects()) {
        index.computeIfAbsent(key(e.subject()), k -> new ArrayList<>(2)).add(new Hit(b, e));
      }
    }
    this.bySubject = index;

    this.mappings = List.copyOf(identityMappings(inventory));
    Map<String, List<IdentityMapping>> byGroup = new HashMap<>();
    for (IdentityMapping m : mappings) {
      for (String g : m.groups()) {
        byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(m);
      }
    }
    this.mappingsByGroup = byGroup;

    Map<String, Map<String, List<Resource>>> byAccount = new HashMap<>();
    for (Resource w : inventory.workloads()) {
      PodSpec pod = w.podSpec();
      String ns = inventory.namespaceOf(w);
      if (pod == null || ns == null) {
        continue;
      }
      byAccount.computeIfAbsent(ns, k -> new HashMap<>())
          .computeIfAbsent(ServiceAccounts.nameOf(pod.spec()), k -> new ArrayList<>()).add(w);
    }
    this.workloadsByAccount = byAccount;
    Map<String, Map<String, List<Grant>>> grants = new HashMap<>();
    for (Map.Entry<String, Map<String, List<Resource>>> ns : byAccount.entrySet()) {
      Map<String, List<Grant>> inNs = new HashMap<>();
      for (String sa : ns.getValue().keySet()) {
        inNs.put(sa, grantsOf(Subject.serviceAccount(ns.getKey(), sa)));
      }
      grants.put(ns.getKey(), inNs);
    }
    this.accountGrants = grants;
  }

  /** The model of {@code inventory}, built on first use and shared by every rule of the scan. */
  public static AccessModel of(Inventory inventory) {
    return inventory.derived(KEY);
  }

  // ---------------------------------------------------------------- building

  private static Map<String, List<Resource>> byName(List<Resource> resources) {
    Map<String, List<Resource>> out = new LinkedHashMap<>();
    for (Resource r : resources) {
      if (r.name() != null) {
        out.computeIfAbsent(r.name(), k -> new ArrayList<>(1)).add(r);
      }
    }
    return out;
  }

  private static boolean replaces(List<Resource> copies) {
    for (Resource c : copies) {
      if ("false".equals(c.annotations().get(AUTOUPDATE))) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, AccessRole> buildClusterRoles(Inventory inventory,
      Map<AccessRole, List<Resource>> definitions, Map<AccessRole, Map<String, String>> labels) {
    Map<String, List<Resource>> scanned = byName(inventory.ofKind(GroupKind.CLUSTER_ROLE));
    Map<String, Resource> builtIns = Shared.CLUSTER_ROLE_DEFINITIONS;
    Set<String> names = new TreeSet<>(scanned.keySet());
    names.addAll(builtIns.keySet());
    Map<String, AccessRole> out = new LinkedHashMap<>();
    for (String name : names) {
      List<Resource> copies = scanned.getOrDefault(name, List.of());
      AccessRole shared = copies.isEmpty() ? Shared.CLUSTER_ROLES.get(name) : null;
      if (shared != null) {
        labels.put(shared, Shared.LABELS.get(shared));
        out.put(name, shared);
        continue;
      }
      Resource builtIn = builtIns.get(name);
      boolean useBuiltIn = builtIn != null && !replaces(copies);
      List<Resource> defs = new ArrayList<>(copies);
      if (useBuiltIn) {
        defs.add(builtIn);
      }
      boolean aggregated = false;
      Map<String, String> merged = new HashMap<>();
      for (Resource d : defs) {
        aggregated |= d.root().get("aggregationRule").isMap();
        merged.putAll(d.labels());
      }
      AccessRole role = new AccessRole(CLUSTER_ROLE, null, name, copies, useBuiltIn, aggregated);
      if (!aggregated) {
        role.rules = ownRules(role, defs, builtIn);
      }
      definitions.put(role, defs);
      labels.put(role, merged);
      out.put(name, role);
    }
    return Collections.unmodifiableMap(out);
  }

  private static List<PolicyRule> ownRules(AccessRole role, List<Resource> defs, Resource builtIn) {
    List<PolicyRule> rules = new ArrayList<>();
    for (Resource d : defs) {
      Node list = d.root().get("rules");
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).isMap()) {
          rules.add(new PolicyRule(list.get(i), role, d == builtIn ? null : d));
        }
      }
    }
    return List.copyOf(rules);
  }

  private Map<String, Map<String, AccessRole>> buildRoles(Inventory inventory) {
    Map<String, Map<String, List<Resource>>> scanned = new HashMap<>();
    for (Resource r : inventory.ofKind(GroupKind.ROLE)) {
      if (r.name() != null) {
        scanned.computeIfAbsent(inventory.namespaceOf(r), k -> new LinkedHashMap<>())
            .computeIfAbsent(r.name(), k -> new ArrayList<>(1)).add(r);
      }
    }
    for (Resource r : BuiltInPolicy.roles()) {
      scanned.computeIfAbsent(r.namespace(), k -> new LinkedHashMap<>()).computeIfAbsent(r.name(), k -> new ArrayList<>(1));
    }
    Map<String, Map<String, AccessRole>> out = new HashMap<>();
    for (Map.Entry<String, Map<String, List<Resource>>> ns : scanned.entrySet()) {
      Map<String, AccessRole> inNs = new HashMap<>();
      Map<String, AccessRole> sharedInNs = Shared.ROLES.getOrDefault(ns.getKey(), Map.of());
      for (Map.Entry<String, List<Resource>> e : ns.getValue().entrySet()) {
        List<Resource> copies = e.getValue();
        AccessRole shared = copies.isEmpty() ? sharedInNs.get(e.getKey()) : null;
        if (shared != null) {
          inNs.put(e.getKey(), shared);
          continue;
        }
        Resource builtIn = Shared.ROLE_DEFINITIONS.getOrDefault(ns.getKey(), Map.of()).get(e.getKey());
        boolean useBuiltIn = builtIn != null && !replaces(copies);
        List<Resource> defs = new ArrayList<>(copies);
        if (useBuiltIn) {
          defs.add(builtIn);
        }
        AccessRole role = new AccessRole(ROLE, ns.getKey(), e.getKey(), copies, useBuiltIn, false);
        role.rules = ownRules(role, defs, builtIn);
        inNs.put(e.getKey(), role);
      }
      out.put(ns.getKey(), Collections.unmodifiableMap(inNs));
    }
    return out;
  }

  /** Fills in the rules of aggregated ClusterRoles: those of every non-aggregated role reachable by selectors. */
  private void aggregate(Map<AccessRole, List<Resource>> definitions, Map<AccessRole, Map<String, String>> labels) {
    Map<AccessRole, List<LabelSelector>> selectors = new HashMap<>();
    for (AccessRole role : clusterRoles.values()) {
      if (role.aggregated()) {
        List<LabelSelector> list = new ArrayList<>();
        for (Resource d : definitions.get(role)) {
          Node sel = d.root().get("aggregationRule").get("clusterRoleSelectors");
          for (int i = 0; i < sel.size(); i++) {
            list.add(LabelSelector.of(sel.get(i)));
          }
        }
        selectors.put(role, list);
      }
    }
    for (AccessRole role : selectors.keySet()) {
      TreeMap<String, AccessRole> origins = new TreeMap<>();
      Set<AccessRole> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      List<AccessRole> queue = new ArrayList<>();
      queue.add(role);
      seen.add(role);
      for (int q = 0; q < queue.size(); q++) {
        AccessRole current = queue.get(q);
        for (LabelSelector s : selectors.get(current)) {
          for (AccessRole candidate : clusterRoles.values()) {
            if (candidate == current || seen.contains(candidate) || !s.matches(labels.get(candidate))) {
              continue;
            }
            seen.add(candidate);
            if (candidate.aggregated()) {
              queue.add(candidate);
            } else {
              origins.put(candidate.name(), candidate);
            }
          }
        }
      }
      List<PolicyRule> rules = new ArrayList<>();
      for (AccessRole o : origins.values()) {
        rules.addAll(o.rules);
      }
      role.rules = List.copyOf(rules);
      role.aggregatedFrom = List.copyOf(origins.values());
    }
  }

  private static AccessBinding binding(Resource r, Resource source, String namespace) {
    Node roleRef = r.root().get("roleRef");
    Node list = r.root().get("subjects");
    List<AccessBinding.Entry> entries = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Node s = list.get(i);
      String kind = s.get("kind").text("");
      String name = s.get("name").text("");
      if (name.isEmpty()) {
        continue;
      }
      Node at = source == null ? Node.MISSING : s;
      switch (kind) {
        case Subject.USER:
          entries.add(new AccessBinding.Entry(Subject.user(name), at));
          break;
        case Subject.GROUP:
          entries.add(new AccessBinding.Entry(Subject.group(name), at));
          break;
        case Subject.SERVICE_ACCOUNT:
          String ns = s.get("namespace").text("");
          ns = ns.isEmpty() ? namespace : ns;
          if (ns != null) {
            entries.add(new AccessBinding.Entry(Subject.serviceAccount(ns, name), at));
          }
          break;
        default:
          break;
      }
    }
    return new AccessBinding(r.kind(), namespace, r.name(), source, roleRef.get("kind").text(""),
        roleRef.get("name").text(""), source == null ? Node.MISSING : roleRef, entries);
  }

  private AccessRole resolve(AccessBinding b) {
    if (b.roleKind().equals(CLUSTER_ROLE)) {
      return clusterRoles.get(b.roleName());
    }
    if (b.roleKind().equals(ROLE) && b.namespace() != null) {
      return role(b.namespace(), b.roleName());
    }
    return null;
  }

  private static String key(Subject s) {
    return s.kind().equals(Subject.SERVICE_ACCOUNT) ? "S\0" + s.namespace() + "\0" + s.name()
        : s.kind().charAt(0) + "\0" + s.name();
  }

  private static List<IdentityMapping> identityMappings(Inventory inventory) {
    List<IdentityMapping> out = new ArrayList<>();
    for (Resource cm : inventory.named(GroupKind.CONFIG_MAP, "kube-system", "aws-auth")) {
      Node data = cm.root().get("data");
      for (String field : List.of("mapRoles", "mapUsers")) {
        Node value = data.get(field);
        String text = value.text();
        if (text == null || text.isBlank()) {
          continue;
        }
        Node parsed;
        try {
          parsed = Yaml.parseTree(cm.source().name(), text);
        } catch (IllegalArgumentException e) {
          continue;
        }
        String arnKey = field.equals("mapRoles") ? "rolearn" : "userarn";
        for (int i = 0; i < parsed.size(); i++) {
          Node entry = parsed.get(i);
          String arn = entry.get(arnKey).text("");
          if (arn.isEmpty()) {
            continue;
          }
          String user = entry.get("username").text("");
          List<String> groups = List.of(PolicyRule.strings(entry.get("groups")));
          out.add(new IdentityMapping(arn, user.isEmpty() ? arn : user, groups, cm, value));
        }
      }
    }
    for (Resource entry : inventory.ofKind(ACCESS_ENTRY)) {
      Node spec = entry.root().get("spec");
      String arn = spec.get("principalARN").text("");
      if (arn.isEmpty()) {
        continue;
      }
      String user = spec.get("username").text("");
      List<String> groups = List.of(PolicyRule.strings(spec.get("kubernetesGroups")));
      out.add(new IdentityMapping(arn, user.isEmpty() ? arn : user, groups, entry, spec.get("kubernetesGroups")));
    }
    return out;
  }

  // ---------------------------------------------------------------- queries

  /** The ClusterRole named {@code name} (scanned, built in or both), or {@code null}. */
  public AccessRole clusterRole(String name) {
    return clusterRoles.get(name);
  }

  /** The Role named {@code name} in {@code namespace}, or {@code null}. */
  public AccessRole role(String namespace, String name) {
    Map<String, AccessRole> inNs = roles.get(namespace);
    return inNs == null ? null : inNs.get(name);
  }

  /** Every ClusterRole, built-in ones included, in name order. */
  public List<AccessRole> clusterRoles() {
    return List.copyOf(clusterRoles.values());
  }

  /** Every binding: the ClusterRoleBindings (built-in first), then the RoleBindings by namespace. */
  public List<AccessBinding> bindings() {
    return bindings;
  }

  /** The identity mappings of the scan (aws-auth entries, EKS access entries), in scan order. */
  public List<IdentityMapping> identityMappings() {
    return mappings;
  }

  /**
   * Every rule {@code subject} holds, with its grant path, in binding order: through bindings that
   * name it, its user name or any of its groups (and, for a user, the groups identity mappings
   * give it).
   */
  public List<Grant> grantsOf(Subject subject) {
    List<Grant> cached = grantCache.get(subject);
    if (cached == null) {
      cached = grantCache.computeIfAbsent(subject, this::computeGrants);
    }
    return cached;
  }

  /**
   * The grants of service account {@code name} in {@code namespace} when a workload of the scan runs
   * as it: a look-up that allocates nothing; otherwise as {@link #grantsOf(Subject)}.
   */
  public List<Grant> serviceAccountGrants(String namespace, String name) {
    Map<String, List<Grant>> inNs = accountGrants.get(namespace);
    List<Grant> grants = inNs == null ? null : inNs.get(name);
    return grants != null ? grants : grantsOf(Subject.serviceAccount(namespace, name));
  }

  private List<Grant> computeGrants(Subject subject) {
    List<Grant> out = new ArrayList<>();
    Subject s = subject;
    if (s.kind().equals(Subject.USER) && s.name().startsWith("system:serviceaccount:")) {
      String[] parts = s.name().split(":", -1);
      if (parts.length == 4 && !parts[2].isEmpty() && !parts[3].isEmpty()) {
        s = Subject.serviceAccount(parts[2], parts[3]);
      }
    }
    if (s.kind().equals(Subject.SERVICE_ACCOUNT)) {
      collect(out, key(s), null);
      collect(out, "U\0" + s.userName(), null);
      collect(out, "G\0" + Subject.SERVICE_ACCOUNTS, null);
      collect(out, "G\0" + Subject.SERVICE_ACCOUNTS + ":" + s.namespace(), null);
      collect(out, "G\0" + Subject.AUTHENTICATED, null);
    } else if (s.kind().equals(Subject.USER)) {
      collect(out, key(s), null);
      boolean anonymous = s.name().equals(Subject.ANONYMOUS);
      collect(out, "G\0" + (anonymous ? Subject.UNAUTHENTICATED : Subject.AUTHENTICATED), null);
      for (IdentityMapping m : mappings) {
        if (m.userName().equals(s.name())) {
          for (String g : m.groups()) {
            collect(out, "G\0" + g, m);
          }
        }
      }
    } else {
      collect(out, key(s), null);
    }
    return List.copyOf(out);
  }

  private void collect(List<Grant> out, String key, IdentityMapping mapping) {
    List<Hit> hits = bySubject.get(key);
    if (hits == null) {
      return;
    }
    for (Hit h : hits) {
      AccessRole role = h.binding().role();
      if (role == null) {
        continue;
      }
      for (PolicyRule rule : role.rules()) {
        out.add(new Grant(h.binding(), h.entry(), rule, h.binding().namespace(), mapping));
      }
    }
  }

  /**
   * Who can do what {@code query} asks, as the RBAC authorizer decides it: with a namespace,
   * through that namespace's RoleBindings and through ClusterRoleBindings; without, through
   * ClusterRoleBindings only. Subjects are those the bindings name (plus the users identity
   * mappings put in a named group), sorted by kind, namespace and name; each answer lists every
   * distinct path.
   */
  public List<WhoCan.Answer> whoCan(WhoCan.Query query) {
    Map<Subject, Map<String, List<PathStep>>> found = new HashMap<>();
    visit(clusterRoleBindings, query, found);
    if (query.namespace() != null) {
      visit(roleBindings.getOrDefault(query.namespace(), List.of()), query, found);
    }
    List<Subject> subjects = new ArrayList<>(found.keySet());
    subjects.sort(SUBJECT_ORDER);
    List<WhoCan.Answer> out = new ArrayList<>(subjects.size());
    for (Subject s : subjects) {
      out.add(new WhoCan.Answer(s, new ArrayList<>(found.get(s).values()), workloadsOf(s)));
    }
    return out;
  }

  private static final Comparator<Subject> SUBJECT_ORDER = Comparator.comparing(Subject::kind)
      .thenComparing(Subject::namespace, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Subject::name);

  private void visit(List<AccessBinding> candidates, WhoCan.Query query, Map<Subject, Map<String, List<PathStep>>> found) {
    // Several bindings often bind one role: match its rules once per question.
    Map<AccessRole, List<PolicyRule>> matched = new IdentityHashMap<>();
    for (AccessBinding b : candidates) {
      AccessRole role = b.role();
      if (role == null || b.subjects().isEmpty()) {
        continue;
      }
      List<PolicyRule> allowing = matched.computeIfAbsent(role, r -> {
        List<PolicyRule> out = null;
        for (PolicyRule rule : r.rules()) {
          if (query.allowedBy(rule)) {
            if (out == null) {
              out = new ArrayList<>(2);
            }
            out.add(rule);
          }
        }
        return out == null ? List.of() : out;
      });
      for (PolicyRule rule : allowing) {
        for (AccessBinding.Entry e : b.subjects()) {
          add(found, e.subject(), new Grant(b, e, rule, b.namespace(), null));
          if (e.subject().kind().equals(Subject.GROUP)) {
            for (IdentityMapping m : mappingsByGroup.getOrDefault(e.subject().name(), List.of())) {
              add(found, Subject.user(m.userName()), new Grant(b, e, rule, b.namespace(), m));
            }
          }
        }
      }
    }
  }

  private static void add(Map<Subject, Map<String, List<PathStep>>> found, Subject s, Grant g) {
    List<PathStep> path = g.path();
    StringBuilder key = new StringBuilder();
    for (PathStep p : path) {
      key.append(p.displayName()).append('\0');
    }
    found.computeIfAbsent(s, k -> new LinkedHashMap<>()).putIfAbsent(key.toString(), path);
  }

  /**
   * The workloads that run as {@code subject}: a service account's, every workload of a namespace
   * for {@code system:serviceaccounts:<ns>}, every workload for {@code system:serviceaccounts} and
   * {@code system:authenticated}; none for other subjects. In scan order.
   */
  public List<Resource> workloadsOf(Subject subject) {
    if (subject.kind().equals(Subject.SERVICE_ACCOUNT)) {
      Map<String, List<Resource>> inNs = workloadsByAccount.get(subject.namespace());
      return inNs == null ? List.of() : List.copyOf(inNs.getOrDefault(subject.name(), List.of()));
    }
    if (subject.kind().equals(Subject.GROUP)) {
      String name = subject.name();
      if (name.equals(Subject.SERVICE_ACCOUNTS) || name.equals(Subject.AUTHENTICATED)) {
        return inventory.workloads();
      }
      if (name.startsWith(Subject.SERVICE_ACCOUNTS + ":")) {
        String ns = name.substring(Subject.SERVICE_ACCOUNTS.length() + 1);
        List<Resource> out = new ArrayList<>();
        for (Resource w : inventory.workloads()) {
          if (ns.equals(inventory.namespaceOf(w))) {
            out.add(w);
          }
        }
        return out;
      }
    }
    return List.of();
  }

  /** True if {@code name} is a ClusterRole of the scan or one every cluster has built in. */
  public boolean clusterRoleExists(String name) {
    return clusterRoles.containsKey(name) || BuiltInPolicy.isKnownClusterRole(name);
  }
}
