/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FamilyRule;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * A family of rules, one per dangerous permission (reading Secrets, exec into pods, node proxy...):
 * each reports the entry of a Role or ClusterRole that grants it, and each binding that binds such
 * a role of the scan to subjects.
 *
 * <p>Permissions are matched as the RBAC authorizer matches them: verbs, API groups and resources
 * exactly and case-sensitively, {@code *} for every verb, group or resource (subresources
 * included), {@code *}{@code /sub} for a subresource of every resource. A Role grants only
 * namespaced permissions, and so does a ClusterRole bound by a RoleBinding. An aggregated
 * ClusterRole's own rules are ignored (the controller overwrites them); at a binding it grants the
 * rules of the ClusterRoles its selectors pick. An entry of {@code *} verbs on {@code *} resources
 * in {@code *} groups grants everything and is reported once, by {@code rbac-wildcard}.
 */
public final class DangerousGrant implements InventoryRule, FamilyRule {

  private static final String COMMON = " The rule reports each entry of a Role or ClusterRole that grants"
      + " it, wildcards included (an entry of \"*\" verbs on \"*\" resources in \"*\" API groups is left to"
      + " rbac-wildcard), and each RoleBinding or ClusterRoleBinding of the scan that binds such a role to"
      + " subjects, naming them, with the role's entry as a related location; a suppression of the rule on"
      + " the role covers its bindings. A Role, or a ClusterRole bound by a RoleBinding, grants only"
      + " namespaced permissions. RBAC matches verbs, API groups and resources exactly and"
      + " case-sensitively (\"GET\" or \"Secrets\" grant nothing), \"*\" matches everything and \"*/exec\""
      + " the exec subresource of every resource.";

  private static final String CORE = "";
  private static final String APPS = "apps";
  private static final String BATCH = "batch";
  private static final String RBAC = "rbac.authorization.k8s.io";
  private static final String ADMISSION = "admissionregistration.k8s.io";
  private static final String CERTIFICATES = "certificates.k8s.io";
  private static final String AUTHENTICATION = "authentication.k8s.io";
  /** The first version whose WebSocket upgrade of exec, attach and port-forward also needs create. */
  static final int WEBSOCKET_CREATE_CHECK = 35;

  /**
   * One rule of the family.
   *
   * @param id the rule id
   * @param title the title
   * @param severity the default severity
   * @param namedSeverity the severity when the entry names the objects ({@code resourceNames}) and
   *     every verb it grants honours names; {@code null} when names change nothing
   * @param phrase what the grant lets a subject do, after "can": {@code read Secrets}
   * @param targets the permissions
   * @param companion permissions the danger also needs ({@code approve} on {@code signers}); empty
   *     when none
   * @param withoutCompanion the severity when the role does not grant the companion too
   * @param companionNote what a message adds when the role does not grant the companion
   * @param controls standard references
   * @param rationale why it matters
   * @param remediation what to do
   */
  record Row(String id, String title, Severity severity, Severity namedSeverity, String phrase,
      List<Target> targets, List<Target> companion, Severity withoutCompanion, String companionNote,
      List<String> controls, String rationale, String remediation) {

    Row(String id, String title, Severity severity, Severity namedSeverity, String phrase, List<Target> targets,
        List<String> controls, String rationale, String remediation) {
      this(id, title, severity, namedSeverity, phrase, targets, List.of(), null, null, controls, rationale,
          remediation);
    }
  }

  private static final String[] WRITE = {"create", "update", "patch"};
  /** The verbs of proxy requests: the HTTP method decides (GET and HEAD are get, POST is create...). */
  private static final String[] PROXY = {"get", "create", "update", "patch", "delete"};
  private static final String[] CHANGE = {"create", "update", "patch", "delete", "deletecollection"};

  static final List<Row> ROWS = List.of(
      new Row("rbac-read-secrets", "Permission to read Secrets", Severity.HIGH, Severity.LOW, "read Secrets",
          List.of(Target.namespaced(CORE, "secrets", "get", "list", "watch")),
          List.of("cis-k8s:5.1.2", "mitre-attack:T1552.007"),
          "get, list and watch on secrets all return the values: a list or watch answers with every Secret in"
              + " full, so list alone is as good as get on each. Secrets hold passwords, keys and the tokens of"
              + " service accounts, so reading them is a step to every identity they hold. An entry that names"
              + " its Secrets in resourceNames is reported at LOW severity." + COMMON
              + " CIS Kubernetes Benchmark 1.12, 5.1.2: minimize access to secrets.",
          "Grant get on the named Secrets the subject needs (resourceNames), or mount them into its pods, instead"
              + " of get, list or watch on all Secrets."),
      new Row("rbac-pod-exec", "Permission to run commands in pods", Severity.HIGH, null, "run commands in pods",
          List.of(
              Target.namespaced(CORE, "pods/exec", "create"),
              Target.namespaced(CORE, "pods/attach", "create"),
              Target.namespaced(CORE, "pods/ephemeralcontainers", "update", "patch"),
              Target.namespaced(CORE, "pods/exec", "get").before(WEBSOCKET_CREATE_CHECK),
              Target.namespaced(CORE, "pods/attach", "get").before(WEBSOCKET_CREATE_CHECK)),
          List.of("mitre-attack:T1609"),
          "create on pods/exec or pods/attach runs commands in (or attaches to) the containers of existing pods,"
              + " with their files, secrets and service account tokens; update or patch on"
              + " pods/ephemeralcontainers adds a container of the subject's choosing to a running pod. Before"
              + " Kubernetes v1.35, get did as much: the WebSocket upgrade of exec and attach is a GET request,"
              + " and only the AuthorizePodWebsocketUpgradeCreatePermission feature gate (beta and on by default"
              + " from v1.35) also requires create. The Kubernetes version of the scan (--kube-version) decides"
              + " whether get counts." + COMMON,
          "Remove create (and get) on pods/exec and pods/attach and update on pods/ephemeralcontainers, or grant"
              + " them only in a namespace whose pods hold nothing the subject may not see."),
      new Row("rbac-pod-port-forward", "Permission to forward ports of pods", Severity.MEDIUM, null,
          "forward ports of pods",
          List.of(
              Target.namespaced(CORE, "pods/portforward", "create"),
              Target.namespaced(CORE, "pods/portforward", "get").before(WEBSOCKET_CREATE_CHECK)),
          List.of(),
          "create on pods/portforward opens a tunnel from the subject to any port of any pod in reach, past"
              + " NetworkPolicies and Services, to databases and admin ports that listen only inside the"
              + " cluster. Before Kubernetes v1.35 get did as much (the WebSocket upgrade is a GET request); the"
              + " Kubernetes version of the scan decides whether get counts." + COMMON,
          "Remove create (and get) on pods/portforward, or grant it only in a namespace whose pods the subject"
              + " may reach anyway."),
      new Row("rbac-node-proxy", "Permission to proxy to the kubelet API", Severity.HIGH, null,
          "reach the kubelet API of nodes",
          List.of(Target.cluster(CORE, "nodes/proxy", PROXY)),
          List.of("cis-k8s:5.1.10"),
          "nodes/proxy reaches the kubelet API of every node through the API server. The verb is the HTTP"
              + " method's (GET and HEAD get, POST create, PUT update, PATCH patch, DELETE delete; list and watch"
              + " never occur), and even get runs commands in every pod of the node"
              + " (over a WebSocket), and what is done there passes neither admission nor the API server's audit"
              + " log. Only a ClusterRole bound by a ClusterRoleBinding grants it." + COMMON
              + " CIS Kubernetes Benchmark 1.12, 5.1.10: minimize access to the proxy subresource of nodes.",
          "Remove nodes/proxy; grant nodes/metrics, nodes/stats or nodes/log for monitoring instead."),
      new Row("rbac-pod-service-proxy", "Permission to proxy to pods or Services", Severity.MEDIUM, Severity.LOW,
          "proxy HTTP requests to pods or Services",
          List.of(Target.namespaced(CORE, "pods/proxy", PROXY), Target.namespaced(CORE, "services/proxy", PROXY)),
          List.of(),
          "pods/proxy or services/proxy (with the verb of an HTTP method: get, create, update, patch or"
              + " delete) sends HTTP requests through the API server to any port of"
              + " the pods or Services of the namespace, past NetworkPolicies, with the API server's address as"
              + " the source; admin endpoints that trust in-cluster callers become reachable. An entry that names"
              + " its pods or Services (resourceNames) is reported at LOW severity." + COMMON,
          "Remove pods/proxy and services/proxy, and expose what the subject needs through a Service it may"
              + " reach."),
      new Row("rbac-create-workloads", "Permission to create pods or pod controllers", Severity.MEDIUM, Severity.LOW,
          "create pods or pod controllers",
          List.of(
              Target.namespaced(CORE, "pods", "create"),
              Target.namespaced(CORE, "replicationcontrollers", WRITE),
              Target.namespaced(APPS, "deployments", WRITE),
              Target.namespaced(APPS, "replicasets", WRITE),
              Target.namespaced(APPS, "statefulsets", WRITE),
              Target.namespaced(APPS, "daemonsets", WRITE),
              Target.namespaced(BATCH, "jobs", "create"),
              Target.namespaced(BATCH, "cronjobs", WRITE),
              Target.namespaced("extensions", "deployments", WRITE).before(16),
              Target.namespaced("extensions", "replicasets", WRITE).before(16),
              Target.namespaced("extensions", "daemonsets", WRITE).before(16)),
          List.of("cis-k8s:5.1.4"),
          "Whoever creates a pod or a Job, or creates or changes a Deployment, ReplicaSet, StatefulSet, DaemonSet,"
              + " CronJob or ReplicationController (whose pod template becomes pods), chooses what it runs: it"
              + " can mount any Secret, ConfigMap and volume claim of the namespace, run as any of its service"
              + " accounts and so hold their rights, and, unless admission stops it, run privileged on a node."
              + " Update and patch on Jobs are left out (a Job's pod template cannot change after creation), and"
              + " so are update and patch on pods: they can replace the image of a running container, but"
              + " controllers hold them widely to set labels and annotations. An entry that may only update or"
              + " patch named controllers (resourceNames) is reported at LOW severity: it runs what it likes as"
              + " their service accounts, and no other."
              + " Operators that manage workloads need it; the finding says which role holds the power."
              + COMMON + " CIS Kubernetes Benchmark 1.12, 5.1.4: minimize access to create pods.",
          "Grant create on pods and write on pod controllers only to deployment tooling and operators that need"
              + " it, in the namespaces they manage, and enforce Pod Security admission there."),
      new Row("rbac-create-service-account-tokens", "Permission to create service account tokens", Severity.HIGH,
          null, "create tokens for service accounts",
          List.of(Target.namespaced(CORE, "serviceaccounts/token", "create")),
          List.of("cis-k8s:5.1.13"),
          "create on serviceaccounts/token (the TokenRequest API) mints a token for any service account in"
              + " reach, and so acts with all its rights, without running a pod; resourceNames limit it to the"
              + " named accounts, and the finding names them." + COMMON
              + " CIS Kubernetes Benchmark 1.12, 5.1.13: minimize access to the service account token creation.",
          "Remove create on serviceaccounts/token, or limit it with resourceNames to the service accounts the"
              + " subject must act as."),
      new Row("rbac-approve-csr", "Permission to approve certificate signing requests", Severity.HIGH, null,
          "approve certificate signing requests",
          List.of(Target.cluster(CERTIFICATES, "certificatesigningrequests/approval", "update", "patch")),
          List.of(Target.cluster(CERTIFICATES, "signers", "approve")), Severity.MEDIUM,
          "approving also needs approve on signers, which this role does not grant",
          List.of("cis-k8s:5.1.11"),
          "update on certificatesigningrequests/approval together with approve on a signer lets the subject"
              + " approve its own certificate requests: for the kubernetes.io/kube-apiserver-client signer that"
              + " is a client certificate with any user name and groups, system:masters included, which no"
              + " RBAC change revokes. The finding is HIGH when the role grants both, MEDIUM when it grants"
              + " only the approval." + COMMON
              + " CIS Kubernetes Benchmark 1.12, 5.1.11: minimize access to the approval subresource of"
              + " certificatesigningrequests objects.",
          "Remove update on certificatesigningrequests/approval, and limit approve on signers to the signer names"
              + " the subject must approve for (resourceNames)."),
      new Row("rbac-modify-webhooks", "Permission to change admission webhooks and policies", Severity.HIGH,
          Severity.MEDIUM, "change admission webhooks and policies",
          List.of(
              Target.cluster(ADMISSION, "mutatingwebhookconfigurations", CHANGE),
              Target.cluster(ADMISSION, "validatingwebhookconfigurations", CHANGE),
              Target.cluster(ADMISSION, "validatingadmissionpolicies", CHANGE),
              Target.cluster(ADMISSION, "validatingadmissionpolicybindings", CHANGE),
              Target.cluster(ADMISSION, "mutatingadmissionpolicies", CHANGE),
              Target.cluster(ADMISSION, "mutatingadmissionpolicybindings", CHANGE)),
          List.of("cis-k8s:5.1.12"),
          "A mutating webhook sees and may rewrite every object it selects (Secrets included) as it is"
              + " written, and deleting or loosening a validating webhook or admission policy switches off the"
              + " checks it enforces. Controllers that keep the caBundle of their own webhook up to date hold"
              + " update limited by resourceNames: such an entry is reported at MEDIUM severity." + COMMON
              + " CIS Kubernetes Benchmark 1.12, 5.1.12: minimize access to webhook configuration objects.",
          "Remove write on admission webhook configurations and policies, or limit update and patch with"
              + " resourceNames to the configurations the subject owns."),
      new Row("rbac-create-persistent-volumes", "Permission to create PersistentVolumes", Severity.MEDIUM, null,
          "create PersistentVolumes",
          List.of(Target.cluster(CORE, "persistentvolumes", "create")),
          List.of("cis-k8s:5.1.9"),
          "A PersistentVolume may be a hostPath on a node: whoever creates one and a claim bound to it gets"
              + " the node's files (kubelet credentials, other pods' volumes) into a pod, past the Pod Security"
              + " checks on hostPath volumes. Volume provisioners need it." + COMMON
              + " CIS Kubernetes Benchmark 1.12, 5.1.9: minimize access to create persistent volumes.",
          "Remove create on persistentvolumes and let a StorageClass provision volumes; keep it for the"
              + " provisioner only."),
      new Row("rbac-modify-namespaces", "Permission to change Namespaces", Severity.MEDIUM, Severity.LOW,
          "change Namespaces",
          List.of(Target.namespaced(CORE, "namespaces", "update", "patch")),
          List.of(),
          "Whoever may update or patch a Namespace may change its labels: set pod-security.kubernetes.io/enforce"
              + " to privileged and so switch off Pod Security admission there, or move it in or out of what"
              + " NetworkPolicies and webhooks select. A RoleBinding grants it on its own Namespace." + COMMON,
          "Remove update and patch on namespaces; let a cluster administrator change Namespace labels."),
      new Row("rbac-modify-rbac", "Permission to change roles and bindings", Severity.MEDIUM, null,
          "change roles and bindings",
          List.of(
              Target.namespaced(RBAC, "roles", WRITE),
              Target.namespaced(RBAC, "rolebindings", WRITE),
              Target.cluster(RBAC, "clusterroles", WRITE),
              Target.cluster(RBAC, "clusterrolebindings", WRITE)),
          List.of("cis-k8s:5.1.8"),
          "Whoever may create or change Roles, ClusterRoles and their bindings hands out every permission it"
              + " holds to any subject, itself under another name included; the API server stops it from"
              + " granting more than it holds only as long as it has neither escalate nor bind (reported by"
              + " rbac-escalate and rbac-bind)." + COMMON,
          "Remove write on roles, clusterroles, rolebindings and clusterrolebindings from all but the tooling"
              + " that manages access."),
      new Row("rbac-escalate", "Permission to escalate (escalate verb)", Severity.HIGH, null,
          "create or change roles with permissions it does not hold",
          List.of(Target.namespaced(RBAC, "roles", "escalate"), Target.cluster(RBAC, "clusterroles", "escalate")),
          List.of("cis-k8s:5.1.8"),
          "The escalate verb on roles or clusterroles switches off the API server's privilege-escalation check:"
              + " together with write on roles, the subject can write any permission, cluster-admin's included,"
              + " into a role it is bound to." + COMMON
              + " CIS Kubernetes Benchmark 1.12, 5.1.8: limit use of the bind, impersonate and escalate"
              + " permissions.",
          "Remove the escalate verb (and \"*\" verbs) on roles and clusterroles."),
      new Row("rbac-bind", "Permission to bind any role (bind verb)", Severity.HIGH, Severity.MEDIUM,
          "bind roles with permissions it does not hold",
          List.of(Target.namespaced(RBAC, "roles", "bind"), Target.namespaced(RBAC, "clusterroles", "bind")),
          List.of("cis-k8s:5.1.8"),
          "The bind verb on roles or clusterroles lets the subject create bindings to roles whose permissions"
              + " it does not hold: with write on rolebindings it binds itself to admin or cluster-admin. An"
              + " entry that names the roles it may bind (resourceNames) is reported at MEDIUM severity: it is"
              + " as dangerous as the most powerful of them." + COMMON
              + " CIS Kubernetes Benchmark 1.12, 5.1.8: limit use of the bind, impersonate and escalate"
              + " permissions.",
          "Remove the bind verb (and \"*\" verbs) on roles and clusterroles, or limit it with resourceNames to"
              + " roles the subject may hand out."),
      new Row("rbac-impersonate", "Permission to impersonate users, groups or service accounts", Severity.HIGH, null,
          "impersonate other identities",
          List.of(
              Target.cluster(CORE, "users", "impersonate"),
              Target.cluster(CORE, "groups", "impersonate"),
              Target.namespaced(CORE, "serviceaccounts", "impersonate"),
              Target.cluster(AUTHENTICATION, "uids", "impersonate"),
              Target.cluster(AUTHENTICATION, "userextras/*", "impersonate")),
          List.of("cis-k8s:5.1.8"),
          "impersonate on users, groups, service accounts, uids or userextras lets the subject send requests as"
              + " someone else (kubectl --as, --as-group): as a member of system:masters, or as any service"
              + " account in reach, and so with their rights." + COMMON
              + " CIS Kubernetes Benchmark 1.12, 5.1.8: limit use of the bind, impersonate and escalate"
              + " permissions.",
          "Remove the impersonate verb (and \"*\" verbs) on users, groups, serviceaccounts, uids and userextras,"
              + " or limit it with resourceNames to identities with no more rights than the subject."));

  private final Row row;
  /** The bit of this row in {@link GrantIndex}'s masks. */
  private final long rowBit;
  /** The bit of this row's companion targets in {@link GrantIndex}'s masks. */
  private final long companionBit;
  private final RuleMetadata metadata;

  private DangerousGrant(int index, Row row) {
    this.row = row;
    this.rowBit = 1L << index;
    this.companionBit = 1L << (GrantIndex.COMPANION + index);
    this.metadata = RuleMetadata.builder(row.id())
        .title(row.title())
        .severity(row.severity())
        .topic(Topic.RBAC)
        .controls(row.controls().toArray(String[]::new))
        .kinds(GroupKind.ROLE, GroupKind.CLUSTER_ROLE, GroupKind.ROLE_BINDING, GroupKind.CLUSTER_ROLE_BINDING)
        .rationale(row.rationale())
        .remediation(row.remediation())
        .build();
  }

  /** One rule per row of the family. */
  static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>(ROWS.size());
    for (int i = 0; i < ROWS.size(); i++) {
      rules.add(new DangerousGrant(i, ROWS.get(i)));
    }
    return rules;
  }

  @Override
  public RuleMetadata metadata() {
    return metadata;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    // Every entry of every role was matched once for the whole family: this row judges only the
    // entries that may grant one of its targets, and only the bindings of roles that hold one.
    GrantIndex index = inventory.derived(GrantIndex.KEY);
    List<GrantIndex.Candidates> roles = index.roles();
    for (int r = 0; r < roles.size(); r++) {
      if (roles.get(r).mayAny(rowBit)) {
        checkRole(roles.get(r), context);
      }
    }
    List<GrantIndex.Bound> bindings = index.bindings();
    for (int b = 0; b < bindings.size(); b++) {
      if ((bindings.get(b).rows() & rowBit) != 0) {
        checkBinding(inventory, index, bindings.get(b), context);
      }
    }
  }

  private void checkRole(GrantIndex.Candidates candidates, Context context) {
    Resource role = candidates.role();
    KubeVersions.Applied version = context.kubeVersion(role);
    int minor = version.version().minor();
    boolean namespacedOnly = role.is(GroupKind.ROLE);
    for (int i = 0; i < candidates.size(); i++) {
      if (!candidates.may(i, rowBit)) {
        continue;
      }
      PolicyRules.Grant g = PolicyRules.grant(candidates.entry(i), row.targets(), namespacedOnly, minor);
      if (g == null) {
        continue;
      }
      boolean companion = grantsCompanion(candidates, namespacedOnly, minor);
      StringBuilder message = new StringBuilder(role.displayName()).append(" can ").append(row.phrase())
          .append(" (").append(g.describe()).append(')');
      notes(message, g, companion, version);
      context.finding(role, g.at()).message(message.toString()).severity(severity(g, companion)).report();
    }
  }

  private void checkBinding(Inventory inventory, GrantIndex index, GrantIndex.Bound bound, Context context) {
    Resource binding = bound.binding();
    List<Resource> roles = bound.roles();
    boolean namespacedOnly = binding.is(GroupKind.ROLE_BINDING);
    KubeVersions.Applied version = context.kubeVersion(binding);
    int minor = version.version().minor();
    List<PolicyRules.Grant> grants = null;
    for (int r = 0; r < roles.size(); r++) {
      Resource role = roles.get(r);
      // An aggregated ClusterRole's candidates are those of the ClusterRoles it aggregates.
      GrantIndex.Candidates candidates = index.candidates(role);
      if (candidates == null || !candidates.mayAny(rowBit)) {
        continue;
      }
      List<PolicyRules.Grant> own = null;
      for (int i = 0; i < candidates.size(); i++) {
        if (candidates.may(i, rowBit)) {
          own = add(own, PolicyRules.grant(candidates.entry(i), row.targets(), namespacedOnly, minor));
        }
      }
      // A suppression of the rule on the role covers the bindings that bind it.
      if (own != null && !context.isSuppressed(row.id(), role)) {
        if (grants == null) {
          grants = own;
        } else {
          grants.addAll(own);
        }
      }
    }
    if (grants != null) {
      report(inventory, index, binding, roles, grants, namespacedOnly, version, context);
    }
  }

  private static List<PolicyRules.Grant> add(List<PolicyRules.Grant> grants, PolicyRules.Grant g) {
    if (g == null) {
      return grants;
    }
    List<PolicyRules.Grant> out = grants == null ? new ArrayList<>(2) : grants;
    out.add(g);
    return out;
  }

  private void report(Inventory inventory, GrantIndex index, Resource binding, List<Resource> roles,
      List<PolicyRules.Grant> grants, boolean namespacedOnly, KubeVersions.Applied version, Context context) {
    List<Bindings.Subject> subjects = Bindings.subjects(inventory, binding);
    if (subjects.isEmpty()) {
      return;
    }
    boolean companion = false;
    for (Resource role : roles) {
      companion |= grantsCompanion(index.candidates(role), namespacedOnly, version.version().minor());
    }
    Severity severity = null;
    for (PolicyRules.Grant g : grants) {
      Severity s = severity(g, companion);
      severity = severity == null || s.compareTo(severity) < 0 ? s : severity;
    }
    PolicyRules.Grant first = grants.get(0);
    String scope = namespacedOnly ? "in namespace " + inventory.namespaceOf(binding) : "cluster-wide";
    StringBuilder message = new StringBuilder(binding.displayName()).append(" lets ")
        .append(Bindings.describe(subjects)).append(' ').append(row.phrase()).append(' ').append(scope)
        .append(" through ").append(Bindings.describeRole(inventory, binding)).append(" (")
        .append(first.describe());
    if (grants.size() > 1) {
      message.append(", and ").append(grants.size() - 1).append(grants.size() == 2 ? " more rule" : " more rules");
    }
    message.append(')');
    notes(message, first, companion, version);
    Node roleRef = Bindings.roleRef(binding);
    Node at = roleRef.get("name").isMissing() ? roleRef : roleRef.get("name");
    var finding = context.finding(binding, at).message(message.toString()).severity(severity);
    for (PolicyRules.Grant g : grants) {
      Resource role = g.entry().role();
      finding.related(role, g.at(), role.displayName() + " grants " + g.describe());
    }
    finding.report();
  }

  /**
   * True if the role whose candidates are {@code candidates} ({@code null} for none) grants the
   * row's companion too, or the row needs none.
   */
  private boolean grantsCompanion(GrantIndex.Candidates candidates, boolean namespacedOnly, int minor) {
    if (row.companion().isEmpty()) {
      return true;
    }
    if (candidates == null || !candidates.mayAny(companionBit)) {
      return false;
    }
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.may(i, companionBit)
          && PolicyRules.grant(candidates.entry(i), row.companion(), namespacedOnly, minor) != null) {
        return true;
      }
    }
    return false;
  }

  private Severity severity(PolicyRules.Grant g, boolean companion) {
    if (!companion) {
      return row.withoutCompanion();
    }
    if (row.namedSeverity() != null && g.entry().hasResourceNames() && namesLimit(g)) {
      return row.namedSeverity();
    }
    return row.severity();
  }

  /** True if every verb of the grant honours resourceNames (create and deletecollection do not). */
  private static boolean namesLimit(PolicyRules.Grant g) {
    for (String verb : g.verbs()) {
      if (verb.equals("*") || verb.equals("create") || verb.equals("deletecollection")) {
        return false;
      }
    }
    return true;
  }

  private void notes(StringBuilder message, PolicyRules.Grant g, boolean companion, KubeVersions.Applied version) {
    if (g.entry().hasResourceNames()) {
      Node names = g.entry().node().get("resourceNames");
      message.append(", limited to ");
      for (int i = 0; i < names.size(); i++) {
        message.append(i == 0 ? "\"" : ", \"").append(names.get(i).text("")).append('"');
      }
      if (!namesLimit(g)) {
        message.append(" (which do not limit ").append(g.verbs().contains("*") ? "create" : "create or deletecollection")
            .append(')');
      }
    }
    if (!companion) {
      message.append("; ").append(row.companionNote());
    }
    boolean versioned = true;
    for (Target t : g.targets()) {
      versioned &= t.beforeMinor() > 0;
    }
    if (versioned) {
      message.append(", which counts before Kubernetes v1.").append(g.targets().get(0).beforeMinor()).append(" (")
          .append(version.describe()).append(')');
    }
  }
}
