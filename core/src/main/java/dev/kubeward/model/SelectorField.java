/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.Set;

/**
 * The one table of what each label selector field of the API means, because an absent selector
 * and an empty one ({@code {}}) mean different things from field to field: a NetworkPolicy's
 * {@code spec.podSelector} left out or empty selects every pod of its namespace; a Service's
 * {@code selector: {}} selects nothing; a PodDisruptionBudget's {@code {}} selects every pod in
 * {@code policy/v1} and none in {@code policy/v1beta1}. Rules ask this table instead of reading
 * {@link LabelSelector#of(Node)} and guessing.
 *
 * <p>Each row reads its field from a <em>holder</em>: the resource's root object for fields of a
 * resource, a peer ({@code spec.ingress[].from[]}, {@code spec.egress[].to[]}) for NetworkPolicy
 * peers, one entry of {@code webhooks} for admission webhooks. A selector that is null, or not a
 * mapping, counts as absent. {@link #kindOf} decides without allocating; {@link #select} also
 * builds the {@link LabelSelector} when one is needed.
 */
public enum SelectorField {

  /**
   * {@code spec.podSelector} of a NetworkPolicy (holder: the policy): the pods the policy
   * isolates and applies to. Absent or empty: every pod of the policy's namespace; the field is
   * not a pointer, so an absent one decodes as empty. Source: {@code NetworkPolicySpec.PodSelector}
   * in {@code k8s.io/api/networking/v1/types.go} ("An empty selector matches all pods in the
   * policy's namespace").
   */
  NETWORK_POLICY_POD_SELECTOR(new String[] {"spec", "podSelector"},
      GroupKind.NETWORK_POLICY, GroupKind.EXTENSIONS_NETWORK_POLICY),

  /**
   * {@code podSelector} of a NetworkPolicy peer (holder: the peer). Present: the matching pods,
   * all pods when empty. Absent, in a peer with a {@code namespaceSelector}: every pod of the
   * selected namespaces; absent in a peer without one (an {@code ipBlock} peer): no pod. Source:
   * {@code NetworkPolicyPeer.PodSelector} in {@code k8s.io/api/networking/v1/types.go} ("if present
   * but empty, it selects all pods"; a peer with only a namespaceSelector "selects all pods in the
   * namespaces selected by namespaceSelector").
   */
  NETWORK_POLICY_PEER_POD_SELECTOR(new String[] {"podSelector"},
      GroupKind.NETWORK_POLICY, GroupKind.EXTENSIONS_NETWORK_POLICY),

  /**
   * {@code namespaceSelector} of a NetworkPolicy peer (holder: the peer): the namespaces whose
   * pods the peer's {@code podSelector} ranges over. Present: the matching namespaces (by their
   * labels, {@code kubernetes.io/metadata.name} included), all namespaces when empty. Absent, in a
   * peer with a {@code podSelector}: {@link Selection.Kind#OWN_NAMESPACE}, the policy's namespace;
   * absent in a peer without one (an {@code ipBlock} peer): no namespace. Source:
   * {@code NetworkPolicyPeer.NamespaceSelector} in {@code k8s.io/api/networking/v1/types.go} ("if
   * present but empty, it selects all namespaces"; without it a podSelector "selects the pods
   * matching podSelector in the policy's own namespace").
   */
  NETWORK_POLICY_PEER_NAMESPACE_SELECTOR(new String[] {"namespaceSelector"},
      GroupKind.NETWORK_POLICY, GroupKind.EXTENSIONS_NETWORK_POLICY),

  /**
   * {@code spec.selector} of a Service (holder: the Service), a plain map of labels: the pods that
   * back it. Absent or empty: nothing, since Kubernetes then manages no endpoints (an external
   * process is assumed to); a Service of {@code type: ExternalName} selects nothing whatever it
   * says. Source: {@code ServiceSpec.Selector} in {@code k8s.io/api/core/v1/types.go} ("If empty or
   * not present, the service is assumed to have an external process managing its endpoints, which
   * Kubernetes will not modify ... Ignored if type is ExternalName").
   */
  SERVICE_SELECTOR(new String[] {"spec", "selector"}, GroupKind.SERVICE),

  /**
   * {@code spec.selector} of a PodDisruptionBudget (holder: the budget): the pods whose evictions
   * it limits, in its namespace. Absent: no pod, in every version. Empty: every pod of the
   * namespace in {@code policy/v1}, no pod in {@code policy/v1beta1}. Sources:
   * {@code PodDisruptionBudgetSpec.Selector} in {@code k8s.io/api/policy/v1/types.go} ("A null
   * selector will match no pods, while an empty ({}) selector will select all pods within its
   * namespace") and {@code k8s.io/api/policy/v1beta1/types.go} ("An empty selector ({}) also
   * selects no pods, which differs from standard behavior of selecting all pods").
   */
  POD_DISRUPTION_BUDGET_SELECTOR(new String[] {"spec", "selector"}, GroupKind.POD_DISRUPTION_BUDGET),

  /**
   * {@code spec.selector} of a Deployment, ReplicaSet, StatefulSet or DaemonSet (holder: the
   * workload): the pods it owns. Present and not empty: the matching pods. Empty: nothing, as the
   * API server rejects it ("empty selector is invalid", {@code ValidateDeploymentSpec} and its
   * siblings in {@code pkg/apis/apps/validation}). Absent: in {@code extensions/v1beta1} and
   * {@code apps/v1beta1} the pod template's labels, which {@code SetDefaults_Deployment} (and its
   * siblings) copy into it; in {@code apps/v1beta2} and {@code apps/v1}, where it is required,
   * nothing.
   */
  WORKLOAD_SELECTOR(new String[] {"spec", "selector"},
      GroupKind.DEPLOYMENT, GroupKind.REPLICA_SET, GroupKind.STATEFUL_SET, GroupKind.DAEMON_SET,
      GroupKind.EXTENSIONS_DEPLOYMENT, GroupKind.EXTENSIONS_REPLICA_SET, GroupKind.EXTENSIONS_DAEMON_SET),

  /**
   * {@code spec.selector} of a ReplicationController (holder: the controller), a plain map of
   * labels. Absent or empty: the pod template's labels, which {@code SetDefaults_ReplicationController}
   * in {@code pkg/apis/core/v1/defaults.go} copies into it (nothing when the template has none, as
   * the API server then rejects the object).
   */
  REPLICATION_CONTROLLER_SELECTOR(new String[] {"spec", "selector"}, GroupKind.REPLICATION_CONTROLLER),

  /**
   * {@code namespaceSelector} of one entry of {@code webhooks} of a Validating or Mutating
   * WebhookConfiguration (holder: the entry): the namespaces whose objects the webhook sees.
   * Absent or empty: every namespace. Source: {@code ValidatingWebhook.NamespaceSelector} in
   * {@code k8s.io/api/admissionregistration/v1/types.go} ("Default to the empty LabelSelector,
   * which matches everything").
   */
  WEBHOOK_NAMESPACE_SELECTOR(new String[] {"namespaceSelector"},
      GroupKind.VALIDATING_WEBHOOK_CONFIGURATION, GroupKind.MUTATING_WEBHOOK_CONFIGURATION),

  /**
   * {@code objectSelector} of one entry of {@code webhooks} (holder: the entry): the objects, by
   * their own labels, the webhook sees. Absent or empty: every object. Source:
   * {@code ValidatingWebhook.ObjectSelector} in {@code k8s.io/api/admissionregistration/v1/types.go}
   * ("Default to the empty LabelSelector, which matches everything").
   */
  WEBHOOK_OBJECT_SELECTOR(new String[] {"objectSelector"},
      GroupKind.VALIDATING_WEBHOOK_CONFIGURATION, GroupKind.MUTATING_WEBHOOK_CONFIGURATION);

  private final String[] path;
  private final Set<GroupKind> kinds;

  SelectorField(String[] path, GroupKind... kinds) {
    this.path = path;
    this.kinds = Set.of(kinds);
  }

  /** The kinds whose objects have this field. */
  public Set<GroupKind> kinds() {
    return kinds;
  }

  /** Where the field is, from its holder: {@code spec.podSelector}, {@code namespaceSelector}. */
  public String path() {
    return String.join(".", path);
  }

  /** The selector node under {@code holder}, or {@code MISSING} (also for a null value). */
  public Node node(Node holder) {
    Node node = holder;
    for (String key : path) {
      node = node.get(key);
    }
    return node.isNull() ? Node.MISSING : node;
  }

  /**
   * What the field of {@code holder} selects, without building the selector; {@code apiVersion}
   * is the holding resource's (only PodDisruptionBudget and workload rows read it).
   */
  public Selection.Kind kindOf(Node holder, String apiVersion) {
    Node node = node(holder);
    boolean present = node.isMap();
    boolean empty = present && isEmpty(node);
    switch (this) {
      case NETWORK_POLICY_POD_SELECTOR:
      case WEBHOOK_NAMESPACE_SELECTOR:
      case WEBHOOK_OBJECT_SELECTOR:
        return !present || empty ? Selection.Kind.EVERYTHING : Selection.Kind.MATCHING;
      case NETWORK_POLICY_PEER_POD_SELECTOR:
        if (present) {
          return empty ? Selection.Kind.EVERYTHING : Selection.Kind.MATCHING;
        }
        return NETWORK_POLICY_PEER_NAMESPACE_SELECTOR.node(holder).isMap()
            ? Selection.Kind.EVERYTHING
            : Selection.Kind.NOTHING;
      case NETWORK_POLICY_PEER_NAMESPACE_SELECTOR:
        if (present) {
          return empty ? Selection.Kind.EVERYTHING : Selection.Kind.MATCHING;
        }
        return NETWORK_POLICY_PEER_POD_SELECTOR.node(holder).isMap()
            ? Selection.Kind.OWN_NAMESPACE
            : Selection.Kind.NOTHING;
      case SERVICE_SELECTOR:
        if (holder.get("spec").get("type").textEquals("ExternalName")) {
          return Selection.Kind.NOTHING;
        }
        return !present || node.size() == 0 ? Selection.Kind.NOTHING : Selection.Kind.MATCHING;
      case POD_DISRUPTION_BUDGET_SELECTOR:
        if (!present) {
          return Selection.Kind.NOTHING;
        }
        if (empty) {
          return isLegacyPolicy(apiVersion) ? Selection.Kind.NOTHING : Selection.Kind.EVERYTHING;
        }
        return Selection.Kind.MATCHING;
      case WORKLOAD_SELECTOR:
        if (present) {
          return empty ? Selection.Kind.NOTHING : Selection.Kind.MATCHING;
        }
        return defaultsSelector(apiVersion) && templateLabels(holder).size() > 0
            ? Selection.Kind.MATCHING
            : Selection.Kind.NOTHING;
      case REPLICATION_CONTROLLER_SELECTOR:
        if (present && node.size() > 0) {
          return Selection.Kind.MATCHING;
        }
        return templateLabels(holder).size() > 0 ? Selection.Kind.MATCHING : Selection.Kind.NOTHING;
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * What the field of {@code holder} selects, with the {@link LabelSelector} when it matches by
   * labels; {@code apiVersion} is the holding resource's. Allocates: meant for building per-scan
   * indexes and for reporting, not for every resource on the quiet path (use {@link #kindOf}).
   */
  public Selection select(Node holder, String apiVersion) {
    Selection.Kind kind = kindOf(holder, apiVersion);
    Node node = node(holder);
    switch (kind) {
      case NOTHING:
        return Selection.nothing(node);
      case EVERYTHING:
        return Selection.everything(node);
      case OWN_NAMESPACE:
        return Selection.ownNamespace(node);
      default:
        break;
    }
    switch (this) {
      case SERVICE_SELECTOR:
        return Selection.matching(LabelSelector.ofMap(node), node);
      case REPLICATION_CONTROLLER_SELECTOR:
        if (node.isMap() && node.size() > 0) {
          return Selection.matching(LabelSelector.ofMap(node), node);
        }
        return Selection.matching(LabelSelector.ofMap(templateLabels(holder)), templateLabels(holder));
      case WORKLOAD_SELECTOR:
        if (!node.isMap()) {
          return Selection.matching(LabelSelector.ofMap(templateLabels(holder)), templateLabels(holder));
        }
        return Selection.matching(LabelSelector.of(node), node);
      default:
        return Selection.matching(LabelSelector.of(node), node);
    }
  }

  /**
   * What the field selects in {@code resource}, whose root is the holder.
   *
   * @throws IllegalArgumentException for a row whose holder is a part of a resource (NetworkPolicy
   *     peers, webhook entries)
   */
  public Selection select(Resource resource) {
    if (!holdsAtRoot()) {
      throw new IllegalArgumentException(name() + " is read from a part of a resource, not from its root");
    }
    return select(resource.root(), resource.apiVersion());
  }

  /** True if this row's holder is a resource's root object. */
  public boolean holdsAtRoot() {
    // Fields of a resource live under spec; peers and webhook entries hold theirs directly.
    return path.length > 1;
  }

  /** True if a selector object has no requirement: no matchLabels entry, no matchExpressions item. */
  private static boolean isEmpty(Node selector) {
    return selector.get("matchLabels").size() == 0 && selector.get("matchExpressions").size() == 0;
  }

  /** {@code policy/v1beta1} and the earlier versions, where an empty budget selector selects nothing. */
  private static boolean isLegacyPolicy(String apiVersion) {
    return apiVersion != null && (apiVersion.startsWith("policy/v1beta") || apiVersion.startsWith("policy/v1alpha"));
  }

  /** The versions whose defaulting copies the template's labels into an absent workload selector. */
  private static boolean defaultsSelector(String apiVersion) {
    return "extensions/v1beta1".equals(apiVersion) || "apps/v1beta1".equals(apiVersion);
  }

  private static Node templateLabels(Node holder) {
    return holder.get("spec").get("template").get("metadata").get("labels");
  }
}
