/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access.rules;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Pointers;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ServiceAccounts;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FamilyRule;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.rbac.access.Grant;
import dev.kubeward.rules.rbac.access.PathStep;
import dev.kubeward.rules.rbac.access.PolicyRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A workload whose service account holds a dangerous permission, through any binding of the scan
 * or of the built-in policy, to the account itself, its user name or one of its groups. One row per
 * permission; each finding names the path that grants it and lists the binding and roles as
 * related locations. A workload whose pods do not mount the token is reported one severity lower.
 */
public final class WorkloadPermission implements InventoryRule, FamilyRule {

  private static final String COMMON_RATIONALE = " The rule follows each workload to the service account it runs as"
      + " (default when none is named) and resolves every RoleBinding and ClusterRoleBinding to it, to its user"
      + " name and to its groups (system:serviceaccounts, system:serviceaccounts:<namespace>,"
      + " system:authenticated), through aggregated ClusterRoles and the API server's built-in roles, so a"
      + " binding to edit or admin counts for what it grants. A workload whose pods do not mount the token"
      + " (automountServiceAccountToken: false) is reported one severity lower: the permission is still there"
      + " for anyone who obtains a token.";

  private static final String REMEDIATION_TAIL = " or run the workload as a service account of its own that lacks it.";

  /** One row: a dangerous permission. */
  record Row(String id, String title, Severity severity, String control, String phrase, boolean clusterOnly,
      Predicate<PolicyRule> grants, String rationale, String remediation) {}

  static final List<Row> ROWS = List.of(
      new Row("workload-rbac-secrets", "Workload can read Secrets", Severity.HIGH, "cis-k8s:5.1.2",
          "read Secrets", false,
          r -> r.allows("get", "", "secrets", null, null) || r.allows("list", "", "secrets", null, null)
              || r.allows("watch", "", "secrets", null, null),
          "A process in the workload can read every Secret its service account may get, list or watch (list and"
              + " watch return the values too): tokens, passwords and keys of other applications. CIS Kubernetes"
              + " Benchmark 1.12, 5.1.2: ensure that access to secrets is minimized.",
          "Remove get, list and watch on secrets from the roles bound to the service account (grant resourceNames"
              + " for the few Secrets it needs)," + REMEDIATION_TAIL),
      new Row("workload-rbac-exec", "Workload can exec into pods", Severity.HIGH, "cis-k8s:5.1.4",
          "run commands in pods (create pods/exec, pods/attach or pods/portforward)", false,
          r -> r.allows("create", "", "pods", "exec", null) || r.allows("create", "", "pods", "attach", null)
              || r.allows("create", "", "pods", "portforward", null),
          "A process in the workload can open a shell in, attach to or forward ports of other pods, and so act"
              + " with their service accounts, Secrets and network position. CIS Kubernetes Benchmark 1.12, 5.1.4:"
              + " ensure that access to create pods is minimized.",
          "Remove create on pods/exec, pods/attach and pods/portforward from the roles bound to the service"
              + " account," + REMEDIATION_TAIL),
      new Row("workload-rbac-create-pods", "Workload can create pods", Severity.MEDIUM, "cis-k8s:5.1.4",
          "create pods or pod controllers", false,
          WorkloadPermission::createsPods,
          "A process in the workload can create pods, directly or through a controller (Deployment, ReplicaSet,"
              + " StatefulSet, DaemonSet, Job, CronJob, ReplicationController), and a pod can mount any Secret and"
              + " run as any service account of its namespace. CIS Kubernetes Benchmark 1.12, 5.1.4: ensure that"
              + " access to create pods is minimized.",
          "Remove create on pods and pod controllers from the roles bound to the service account,"
              + REMEDIATION_TAIL),
      new Row("workload-rbac-escalate", "Workload can escalate its RBAC permissions", Severity.HIGH, "cis-k8s:5.1.8",
          "escalate its permissions (escalate or bind on roles, or impersonate)", false,
          WorkloadPermission::escalates,
          "A process in the workload can write roles with permissions it does not hold (escalate), bind roles it"
              + " does not hold (bind) or act as another user, group or service account (impersonate): each is a"
              + " path to cluster-admin. CIS Kubernetes Benchmark 1.12, 5.1.8: limit use of the bind, impersonate"
              + " and escalate permissions.",
          "Remove escalate, bind and impersonate from the roles bound to the service account," + REMEDIATION_TAIL),
      new Row("workload-rbac-cluster-admin", "Workload has every permission", Severity.CRITICAL, "cis-k8s:5.1.1",
          "do anything (every verb on every resource of every API group)", false,
          r -> r.allows("*", "*", "*", null, null),
          "A process in the workload holds every verb on every resource: cluster-admin through a"
              + " ClusterRoleBinding, namespace owner through a RoleBinding. One compromised container takes the"
              + " cluster (or the namespace) with it. CIS Kubernetes Benchmark 1.12, 5.1.1: ensure that the"
              + " cluster-admin role is only used where required.",
          "Bind the service account to a role that lists the verbs and resources it needs," + REMEDIATION_TAIL),
      new Row("workload-rbac-node-proxy", "Workload can proxy to kubelets", Severity.HIGH, "cis-k8s:5.1.10",
          "reach the kubelet API of every node (nodes/proxy)", true,
          r -> r.allowsAnyVerb("", "nodes", "proxy"),
          "A process in the workload can call the kubelet API of any node through the API server's nodes/proxy,"
              + " which runs commands in every pod of the node and bypasses audit of pods/exec. CIS Kubernetes"
              + " Benchmark 1.12, 5.1.10: minimize access to the proxy sub-resource of nodes.",
          "Remove nodes/proxy from the roles bound to the service account (monitoring agents need nodes/metrics"
              + " or nodes/stats only)," + REMEDIATION_TAIL),
      new Row("workload-rbac-token-create", "Workload can create service account tokens", Severity.HIGH,
          "cis-k8s:5.1.13", "create tokens for service accounts (serviceaccounts/token)", false,
          r -> r.allows("create", "", "serviceaccounts", "token", null),
          "A process in the workload can mint a token for any service account it may name, and act with that"
              + " account's permissions. CIS Kubernetes Benchmark 1.12, 5.1.13: minimize access to the service"
              + " account token creation.",
          "Remove create on serviceaccounts/token from the roles bound to the service account," + REMEDIATION_TAIL));

  private static final String[][] CONTROLLERS = {
      {"", "pods"}, {"", "replicationcontrollers"}, {"apps", "deployments"}, {"apps", "replicasets"},
      {"apps", "statefulsets"}, {"apps", "daemonsets"}, {"extensions", "deployments"}, {"extensions", "replicasets"},
      {"extensions", "daemonsets"}, {"batch", "jobs"}, {"batch", "cronjobs"}};

  private static boolean createsPods(PolicyRule r) {
    for (String[] c : CONTROLLERS) {
      if (r.allows("create", c[0], c[1], null, null)) {
        return true;
      }
    }
    return false;
  }

  private static final String[] ROLE_KINDS = {"roles", "clusterroles"};

  private static boolean escalates(PolicyRule r) {
    for (String kind : ROLE_KINDS) {
      if (r.allows("escalate", "rbac.authorization.k8s.io", kind, null, null)
          || r.allows("bind", "rbac.authorization.k8s.io", kind, null, null)) {
        return true;
      }
    }
    return r.allows("impersonate", "", "users", null, null) || r.allows("impersonate", "", "groups", null, null)
        || r.allows("impersonate", "", "serviceaccounts", null, null)
        || r.allows("impersonate", "authentication.k8s.io", "uids", null, null)
        || r.allows("impersonate", "authentication.k8s.io", "userextras", "*", null);
  }

  /** Every row, as rules. */
  public static List<Rule> rules() {
    List<Rule> out = new ArrayList<>(ROWS.size());
    for (Row row : ROWS) {
      out.add(new WorkloadPermission(row));
    }
    return out;
  }

  private final Row row;
  private final RuleMetadata metadata;

  private WorkloadPermission(Row row) {
    this.row = row;
    this.metadata = RuleMetadata.builder(row.id())
        .title(row.title())
        .severity(row.severity())
        .topic(Topic.RBAC)
        .controls(row.control())
        .kinds(RuleMetadata.WORKLOADS, GroupKind.SERVICE_ACCOUNT,
            GroupKind.ROLE, GroupKind.CLUSTER_ROLE,
            GroupKind.ROLE_BINDING, GroupKind.CLUSTER_ROLE_BINDING)
        .rationale(row.rationale() + COMMON_RATIONALE)
        .remediation(row.remediation())
        .build();
  }

  @Override
  public RuleMetadata metadata() {
    return metadata;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    WorkloadAccounts accounts = WorkloadAccounts.of(inventory);
    if (accounts.workloads() == 0) {
      return;
    }
    // The workloads of one service account share its grants, so they share what this row reports on
    // them but for their names and token mounts: it is worked out once per account. Accounts share
    // most policy rules (those of the built-in roles bound to every authenticated user): each is
    // judged once per check.
    byte[] verdicts = new byte[accounts.rules()];
    AccountFinding[] findings = new AccountFinding[accounts.accounts()];
    for (int i = 0; i < accounts.workloads(); i++) {
      WorkloadAccounts.Account account = accounts.accountOf(i);
      AccountFinding finding = findings[account.index];
      if (finding == null) {
        finding = accountFinding(accounts, account, verdicts);
        findings[account.index] = finding;
      }
      if (finding != AccountFinding.NONE) {
        report(inventory, context, accounts.workload(i), accounts.pod(i), finding);
      }
    }
  }

  private static final byte UNJUDGED = 0;
  private static final byte DENIES = 1;
  private static final byte GRANTS = 2;

  private static final String UNMOUNTED = ", though its pods do not mount the token";

  /**
   * What this row reports on every workload that runs as one account: the message after the
   * workload's name (but for the token mount), and the related locations.
   */
  private static final class AccountFinding {
    static final AccountFinding NONE = new AccountFinding(null, List.of());

    final String text;
    final List<FindingBuilder.Related> related;

    AccountFinding(String text, List<FindingBuilder.Related> related) {
      this.text = text;
      this.related = related;
    }
  }

  /**
   * The finding for the workloads of {@code account}, naming the first grant that gives this row's
   * permission (cluster-wide ones first) and how many do; {@link AccountFinding#NONE} if none does.
   */
  private AccountFinding accountFinding(WorkloadAccounts accounts, WorkloadAccounts.Account account, byte[] verdicts) {
    boolean[] clusterWide = account.clusterWide;
    int[] ruleNumbers = account.ruleNumbers;
    int first = -1;
    int count = 0;
    for (int g = 0; g < ruleNumbers.length; g++) {
      if ((row.clusterOnly() && !clusterWide[g]) || !grants(accounts, verdicts, ruleNumbers[g])) {
        continue;
      }
      count++;
      if (first < 0 || (clusterWide[g] && !clusterWide[first])) {
        first = g;
      }
    }
    if (first < 0) {
      return AccountFinding.NONE;
    }
    return describe(account, account.grants.get(first), count, verdicts);
  }

  /**
   * The message text and related locations for the workloads of {@code account}, whose grant
   * {@code first} and {@code count - 1} others give this row's permission.
   */
  private AccountFinding describe(WorkloadAccounts.Account account, Grant first, int count, byte[] verdicts) {
    StringBuilder text = new StringBuilder(" can ").append(row.phrase())
        .append(first.clusterWide() ? " in all namespaces" : " in namespace " + first.namespace())
        .append(" via ").append(first.describePath());
    if (count > 1) {
      text.append(" (and ").append(count - 1).append(count == 2 ? " more grant)" : " more grants)");
    }
    text.append(" as service account \"").append(account.name).append('"');

    List<Grant> ordered = new ArrayList<>(count);
    ordered.add(first);
    for (int g = 0; g < account.ruleNumbers.length; g++) {
      // Every rule of the account's grants has been judged by now.
      if ((!row.clusterOnly() || account.clusterWide[g]) && verdicts[account.ruleNumbers[g]] == GRANTS
          && account.grants.get(g) != first) {
        ordered.add(account.grants.get(g));
      }
    }
    Set<Node> seen = new HashSet<>();
    List<FindingBuilder.Related> related = new ArrayList<>();
    for (Grant g : ordered) {
      for (PathStep step : g.path()) {
        if (step.resource() != null && seen.add(step.at().isMissing() ? step.resource().root() : step.at())) {
          related.add(new FindingBuilder.Related(step.resource(), step.at(), relatedMessage(step, g)));
        }
      }
    }
    return new AccountFinding(text.toString(), List.copyOf(related));
  }

  /** Whether policy rule number {@code n} grants this row's permission, judged once per check. */
  private boolean grants(WorkloadAccounts accounts, byte[] verdicts, int n) {
    byte verdict = verdicts[n];
    if (verdict == UNJUDGED) {
      verdict = row.grants().test(accounts.rule(n)) ? GRANTS : DENIES;
      verdicts[n] = verdict;
    }
    return verdict == GRANTS;
  }

  private void report(Inventory inventory, Context context, Resource w, PodSpec pod, AccountFinding f) {
    boolean mounted = ServiceAccounts.tokenMount(inventory, w).mounted();
    String message = mounted ? w.displayName() + f.text : w.displayName() + f.text + UNMOUNTED;
    Node at = ServiceAccounts.nameNode(pod.spec());
    FindingBuilder finding = context.finding(w, at.isMissing() ? specKey(w, pod) : at).message(message);
    if (!mounted) {
      finding.severity(lower(row.severity()));
    }
    for (int r = 0; r < f.related.size(); r++) {
      FindingBuilder.Related related = f.related.get(r);
      finding.related(related.resource(), related.at(), related.message());
    }
    finding.report();
  }

  private static String relatedMessage(PathStep step, Grant g) {
    if (step.resource() == g.binding().source()) {
      return step.displayName() + " binds " + g.entry().subject().displayName() + " to " + g.role().displayName();
    }
    if (g.mapping() != null && step.resource() == g.mapping().source()) {
      return step.displayName() + " maps " + g.mapping().principal() + " into group " + g.entry().subject().name();
    }
    if (g.rule().source() == step.resource() && g.rule().node() == step.at()) {
      return step.displayName() + " grants " + g.rule();
    }
    return step.displayName() + " aggregates the rules of " + g.rule().definedIn().displayName();
  }

  static Severity lower(Severity s) {
    return s == Severity.INFO ? s : Severity.values()[s.ordinal() + 1];
  }

  static Node specKey(Resource resource, PodSpec pod) {
    String pointer = pod.pointer();
    Node holder = Pointers.resolve(resource.root(), pointer.substring(0, pointer.lastIndexOf('/')));
    Node key = holder.isMap() ? ((MapNode) holder).keyNode("spec") : Node.MISSING;
    return key.isMissing() ? pod.spec() : key;
  }
}
