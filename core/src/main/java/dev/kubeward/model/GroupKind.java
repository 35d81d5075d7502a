/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An API group and a kind: what Kubernetes means by a type, whatever its version. A
 * {@code k8s.nginx.org/v1 Policy} is not an {@code audit.k8s.io} {@code Policy}, a Calico
 * {@code crd.projectcalico.org} {@code NetworkPolicy} is not a Kubernetes one, and a Knative
 * {@code Service} is not a core {@code Service}: rules, dispatch, the inventory and exemptions
 * match on both parts.
 *
 * <p>The constants name the kinds the catalogue knows, including configuration files that are
 * read like objects but never served by the API server (KubeletConfiguration, audit Policy,
 * kubeconfig files...). {@link #of(String, String)} returns the constant when there is one, so a
 * loaded resource shares it instead of allocating its own.
 *
 * @param group the API group: {@code ""} for the core group ({@code apiVersion: v1})
 * @param kind the kind, as written ({@code Deployment})
 */
public record GroupKind(String group, String kind) {

  private static final Map<String, GroupKind[]> KNOWN = new HashMap<>();
  private static final Set<GroupKind> CLUSTER_SCOPED;

  // Core group.
  public static final GroupKind POD = known("", "Pod");
  public static final GroupKind POD_TEMPLATE = known("", "PodTemplate");
  public static final GroupKind REPLICATION_CONTROLLER = known("", "ReplicationController");
  public static final GroupKind SERVICE = known("", "Service");
  public static final GroupKind SERVICE_ACCOUNT = known("", "ServiceAccount");
  public static final GroupKind SECRET = known("", "Secret");
  public static final GroupKind CONFIG_MAP = known("", "ConfigMap");
  public static final GroupKind NAMESPACE = known("", "Namespace");
  public static final GroupKind NODE = known("", "Node");
  public static final GroupKind PERSISTENT_VOLUME = known("", "PersistentVolume");
  public static final GroupKind PERSISTENT_VOLUME_CLAIM = known("", "PersistentVolumeClaim");
  public static final GroupKind RESOURCE_QUOTA = known("", "ResourceQuota");
  public static final GroupKind LIMIT_RANGE = known("", "LimitRange");
  public static final GroupKind ENDPOINTS = known("", "Endpoints");
  public static final GroupKind COMPONENT_STATUS = known("", "ComponentStatus");
  // apps, and the extensions group that served the same kinds until v1.16.
  public static final GroupKind DEPLOYMENT = known("apps", "Deployment");
  public static final GroupKind REPLICA_SET = known("apps", "ReplicaSet");
  public static final GroupKind STATEFUL_SET = known("apps", "StatefulSet");
  public static final GroupKind DAEMON_SET = known("apps", "DaemonSet");
  public static final GroupKind CONTROLLER_REVISION = known("apps", "ControllerRevision");
  public static final GroupKind EXTENSIONS_DEPLOYMENT = known("extensions", "Deployment");
  public static final GroupKind EXTENSIONS_REPLICA_SET = known("extensions", "ReplicaSet");
  public static final GroupKind EXTENSIONS_DAEMON_SET = known("extensions", "DaemonSet");
  public static final GroupKind EXTENSIONS_INGRESS = known("extensions", "Ingress");
  public static final GroupKind EXTENSIONS_NETWORK_POLICY = known("extensions", "NetworkPolicy");
  public static final GroupKind EXTENSIONS_POD_SECURITY_POLICY = known("extensions", "PodSecurityPolicy");
  // batch, autoscaling, policy.
  public static final GroupKind JOB = known("batch", "Job");
  public static final GroupKind CRON_JOB = known("batch", "CronJob");
  public static final GroupKind HORIZONTAL_POD_AUTOSCALER = known("autoscaling", "HorizontalPodAutoscaler");
  public static final GroupKind POD_DISRUPTION_BUDGET = known("policy", "PodDisruptionBudget");
  public static final GroupKind POD_SECURITY_POLICY = known("policy", "PodSecurityPolicy");
  // networking.
  public static final GroupKind NETWORK_POLICY = known("networking.k8s.io", "NetworkPolicy");
  public static final GroupKind INGRESS = known("networking.k8s.io", "Ingress");
  public static final GroupKind INGRESS_CLASS = known("networking.k8s.io", "IngressClass");
  public static final GroupKind GATEWAY = known("gateway.networking.k8s.io", "Gateway");
  public static final GroupKind GATEWAY_CLASS = known("gateway.networking.k8s.io", "GatewayClass");
  public static final GroupKind HTTP_ROUTE = known("gateway.networking.k8s.io", "HTTPRoute");
  public static final GroupKind GRPC_ROUTE = known("gateway.networking.k8s.io", "GRPCRoute");
  public static final GroupKind TCP_ROUTE = known("gateway.networking.k8s.io", "TCPRoute");
  public static final GroupKind TLS_ROUTE = known("gateway.networking.k8s.io", "TLSRoute");
  public static final GroupKind UDP_ROUTE = known("gateway.networking.k8s.io", "UDPRoute");
  // RBAC.
  public static final GroupKind ROLE = known("rbac.authorization.k8s.io", "Role");
  public static final GroupKind CLUSTER_ROLE = known("rbac.authorization.k8s.io", "ClusterRole");
  public static final GroupKind ROLE_BINDING = known("rbac.authorization.k8s.io", "RoleBinding");
  public static final GroupKind CLUSTER_ROLE_BINDING = known("rbac.authorization.k8s.io", "ClusterRoleBinding");
  // Cluster-wide machinery.
  public static final GroupKind STORAGE_CLASS = known("storage.k8s.io", "StorageClass");
  public static final GroupKind CSI_DRIVER = known("storage.k8s.io", "CSIDriver");
  public static final GroupKind CSI_NODE = known("storage.k8s.io", "CSINode");
  public static final GroupKind VOLUME_ATTACHMENT = known("storage.k8s.io", "VolumeAttachment");
  public static final GroupKind CUSTOM_RESOURCE_DEFINITION = known("apiextensions.k8s.io", "CustomResourceDefinition");
  public static final GroupKind API_SERVICE = known("apiregistration.k8s.io", "APIService");
  public static final GroupKind MUTATING_WEBHOOK_CONFIGURATION =
      known("admissionregistration.k8s.io", "MutatingWebhookConfiguration");
  public static final GroupKind VALIDATING_WEBHOOK_CONFIGURATION =
      known("admissionregistration.k8s.io", "ValidatingWebhookConfiguration");
  public static final GroupKind VALIDATING_ADMISSION_POLICY =
      known("admissionregistration.k8s.io", "ValidatingAdmissionPolicy");
  public static final GroupKind VALIDATING_ADMISSION_POLICY_BINDING =
      known("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding");
  public static final GroupKind MUTATING_ADMISSION_POLICY =
      known("admissionregistration.k8s.io", "MutatingAdmissionPolicy");
  public static final GroupKind MUTATING_ADMISSION_POLICY_BINDING =
      known("admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding");
  public static final GroupKind PRIORITY_CLASS = known("scheduling.k8s.io", "PriorityClass");
  public static final GroupKind RUNTIME_CLASS = known("node.k8s.io", "RuntimeClass");
  public static final GroupKind CERTIFICATE_SIGNING_REQUEST = known("certificates.k8s.io", "CertificateSigningRequest");
  public static final GroupKind CLUSTER_TRUST_BUNDLE = known("certificates.k8s.io", "ClusterTrustBundle");
  public static final GroupKind FLOW_SCHEMA = known("flowcontrol.apiserver.k8s.io", "FlowSchema");
  public static final GroupKind PRIORITY_LEVEL_CONFIGURATION =
      known("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration");
  public static final GroupKind LEASE = known("coordination.k8s.io", "Lease");
  public static final GroupKind ENDPOINT_SLICE = known("discovery.k8s.io", "EndpointSlice");
  public static final GroupKind STORAGE_VERSION_MIGRATION =
      known("storagemigration.k8s.io", "StorageVersionMigration");
  public static final GroupKind DEVICE_CLASS = known("resource.k8s.io", "DeviceClass");
  // Well-known custom resources.
  public static final GroupKind ARGO_ROLLOUT = known("argoproj.io", "Rollout");
  public static final GroupKind KEDA_SCALED_JOB = known("keda.sh", "ScaledJob");
  public static final GroupKind OPENSHIFT_DEPLOYMENT_CONFIG = known("apps.openshift.io", "DeploymentConfig");
  public static final GroupKind KNATIVE_SERVICE = known("serving.knative.dev", "Service");
  public static final GroupKind SEALED_SECRET = known("bitnami.com", "SealedSecret");
  public static final GroupKind ISTIO_PEER_AUTHENTICATION = known("security.istio.io", "PeerAuthentication");
  public static final GroupKind ISTIO_AUTHORIZATION_POLICY = known("security.istio.io", "AuthorizationPolicy");
  // Configuration files: read like objects, never served by the API server.
  public static final GroupKind KUBELET_CONFIGURATION = known("kubelet.config.k8s.io", "KubeletConfiguration");
  public static final GroupKind CREDENTIAL_PROVIDER_CONFIG = known("kubelet.config.k8s.io", "CredentialProviderConfig");
  public static final GroupKind ENCRYPTION_CONFIGURATION = known("apiserver.config.k8s.io", "EncryptionConfiguration");
  /** The {@code apiVersion: v1} {@code EncryptionConfig} of Kubernetes before v1.13, still accepted. */
  public static final GroupKind LEGACY_ENCRYPTION_CONFIG = known("", "EncryptionConfig");
  public static final GroupKind ADMISSION_CONFIGURATION = known("apiserver.config.k8s.io", "AdmissionConfiguration");
  /** The {@code apiserver.k8s.io} group that served AdmissionConfiguration before v1.17. */
  public static final GroupKind LEGACY_ADMISSION_CONFIGURATION = known("apiserver.k8s.io", "AdmissionConfiguration");
  public static final GroupKind AUTHENTICATION_CONFIGURATION =
      known("apiserver.config.k8s.io", "AuthenticationConfiguration");
  public static final GroupKind AUTHORIZATION_CONFIGURATION =
      known("apiserver.config.k8s.io", "AuthorizationConfiguration");
  public static final GroupKind TRACING_CONFIGURATION = known("apiserver.config.k8s.io", "TracingConfiguration");
  public static final GroupKind EGRESS_SELECTOR_CONFIGURATION =
      known("apiserver.config.k8s.io", "EgressSelectorConfiguration");
  public static final GroupKind POD_SECURITY_CONFIGURATION =
      known("pod-security.admission.config.k8s.io", "PodSecurityConfiguration");
  public static final GroupKind KUBE_PROXY_CONFIGURATION = known("kubeproxy.config.k8s.io", "KubeProxyConfiguration");
  public static final GroupKind KUBE_SCHEDULER_CONFIGURATION =
      known("kubescheduler.config.k8s.io", "KubeSchedulerConfiguration");
  public static final GroupKind KUBE_CONTROLLER_MANAGER_CONFIGURATION =
      known("kubecontrollermanager.config.k8s.io", "KubeControllerManagerConfiguration");
  public static final GroupKind AUDIT_POLICY = known("audit.k8s.io", "Policy");
  public static final GroupKind KUBEADM_CLUSTER_CONFIGURATION = known("kubeadm.k8s.io", "ClusterConfiguration");
  public static final GroupKind KUBEADM_INIT_CONFIGURATION = known("kubeadm.k8s.io", "InitConfiguration");
  public static final GroupKind KUBEADM_JOIN_CONFIGURATION = known("kubeadm.k8s.io", "JoinConfiguration");
  public static final GroupKind KUBEADM_RESET_CONFIGURATION = known("kubeadm.k8s.io", "ResetConfiguration");
  public static final GroupKind KUBEADM_UPGRADE_CONFIGURATION = known("kubeadm.k8s.io", "UpgradeConfiguration");
  /** A kubeconfig file ({@code apiVersion: v1}, {@code kind: Config}). */
  public static final GroupKind KUBECONFIG = known("", "Config");

  static {
    CLUSTER_SCOPED = Set.of(
        NAMESPACE, NODE, PERSISTENT_VOLUME, COMPONENT_STATUS,
        CLUSTER_ROLE, CLUSTER_ROLE_BINDING,
        STORAGE_CLASS, CSI_DRIVER, CSI_NODE, VOLUME_ATTACHMENT,
        CUSTOM_RESOURCE_DEFINITION, API_SERVICE,
        MUTATING_WEBHOOK_CONFIGURATION, VALIDATING_WEBHOOK_CONFIGURATION,
        VALIDATING_ADMISSION_POLICY, VALIDATING_ADMISSION_POLICY_BINDING,
        MUTATING_ADMISSION_POLICY, MUTATING_ADMISSION_POLICY_BINDING,
        PRIORITY_CLASS, RUNTIME_CLASS, INGRESS_CLASS, GATEWAY_CLASS,
        CERTIFICATE_SIGNING_REQUEST, CLUSTER_TRUST_BUNDLE,
        FLOW_SCHEMA, PRIORITY_LEVEL_CONFIGURATION, STORAGE_VERSION_MIGRATION, DEVICE_CLASS,
        POD_SECURITY_POLICY, EXTENSIONS_POD_SECURITY_POLICY,
        KUBELET_CONFIGURATION, CREDENTIAL_PROVIDER_CONFIG, ENCRYPTION_CONFIGURATION, LEGACY_ENCRYPTION_CONFIG,
        ADMISSION_CONFIGURATION, LEGACY_ADMISSION_CONFIGURATION, AUTHENTICATION_CONFIGURATION,
        AUTHORIZATION_CONFIGURATION, TRACING_CONFIGURATION, EGRESS_SELECTOR_CONFIGURATION,
        POD_SECURITY_CONFIGURATION, KUBE_PROXY_CONFIGURATION, KUBE_SCHEDULER_CONFIGURATION,
        KUBE_CONTROLLER_MANAGER_CONFIGURATION, AUDIT_POLICY, KUBEADM_CLUSTER_CONFIGURATION,
        KUBEADM_INIT_CONFIGURATION, KUBEADM_JOIN_CONFIGURATION, KUBEADM_RESET_CONFIGURATION,
        KUBEADM_UPGRADE_CONFIGURATION, KUBECONFIG);
  }

  private static final Set<GroupKind> CONFIGURATION_FILES = Set.of(
      KUBELET_CONFIGURATION, CREDENTIAL_PROVIDER_CONFIG, ENCRYPTION_CONFIGURATION, LEGACY_ENCRYPTION_CONFIG,
      ADMISSION_CONFIGURATION, LEGACY_ADMISSION_CONFIGURATION, AUTHENTICATION_CONFIGURATION,
      AUTHORIZATION_CONFIGURATION, TRACING_CONFIGURATION, EGRESS_SELECTOR_CONFIGURATION,
      POD_SECURITY_CONFIGURATION, KUBE_PROXY_CONFIGURATION, KUBE_SCHEDULER_CONFIGURATION,
      KUBE_CONTROLLER_MANAGER_CONFIGURATION, AUDIT_POLICY, KUBEADM_CLUSTER_CONFIGURATION,
      KUBEADM_INIT_CONFIGURATION, KUBEADM_JOIN_CONFIGURATION, KUBEADM_RESET_CONFIGURATION,
      KUBEADM_UPGRADE_CONFIGURATION, KUBECONFIG);

  public GroupKind {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
  }

  private static GroupKind known(String group, String kind) {
    GroupKind gk = new GroupKind(group, kind);
    GroupKind[] same = KNOWN.get(kind);
    GroupKind[] grown = same == null ? new GroupKind[1] : java.util.Arrays.copyOf(same, same.length + 1);
    grown[grown.length - 1] = gk;
    KNOWN.put(kind, grown);
    return gk;
  }

  /** {@code kind} in {@code group}; the shared constant when the catalogue knows the pair. */
  public static GroupKind of(String group, String kind) {
    GroupKind[] same = KNOWN.get(kind);
    if (same != null) {
      for (GroupKind gk : same) {
        if (gk.group.equals(group)) {
          return gk;
        }
      }
    }
    return new GroupKind(group, kind);
  }

  /** {@code kind} in the core group ({@code apiVersion: v1}). */
  public static GroupKind core(String kind) {
    return of("", kind);
  }

  /**
   * The group and kind of an {@code apiVersion} ({@code apps/v1}, {@code v1}) and a kind.
   */
  public static GroupKind ofApiVersion(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    return of(slash < 0 ? "" : apiVersion.substring(0, slash), kind);
  }

  /**
   * Parses {@code Kind} (core group), {@code Kind.group} as kubectl writes it
   * ({@code Deployment.apps}, {@code Policy.audit.k8s.io}) or {@code group/Kind}.
   *
   * @throws IllegalArgumentException for an empty kind
   */
  public static GroupKind parse(String text) {
    Objects.requireNonNull(text, "text");
    int slash = text.indexOf('/');
    if (slash >= 0) {
      return checked(text.substring(0, slash), text.substring(slash + 1), text);
    }
    int dot = text.indexOf('.');
    return dot < 0 ? checked("", text, text) : checked(text.substring(dot + 1), text.substring(0, dot), text);
  }

  private static GroupKind checked(String group, String kind, String text) {
    if (kind.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' names no kind (expected Kind, Kind.group or group/Kind)");
    }
    return of(group, kind);
  }

  /**
   * The known group-kinds named {@code kind} (the constants of this class), in declaration order:
   * the groups that serve a kind of that name, so that a rule can say which group an object with
   * an unknown pair meant. Empty when no constant has that kind.
   */
  public static java.util.List<GroupKind> knownOfKind(String kind) {
    GroupKind[] same = KNOWN.get(kind);
    return same == null ? java.util.List.of() : java.util.List.of(same);
  }

  /** True if this pair is one of the constants of this class (a kind the catalogue knows). */
  public boolean isKnown() {
    // Allocates nothing: rules ask on every resource.
    GroupKind[] same = KNOWN.get(kind);
    if (same != null) {
      for (GroupKind gk : same) {
        if (gk.equals(this)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True for the core group. */
  public boolean isCore() {
    return group.isEmpty();
  }

  /**
   * True if objects of this kind are cluster-scoped: the API server ignores a {@code namespace}
   * they carry. Configuration files count as cluster-scoped. Unknown kinds (custom resources whose
   * definition is not known) count as namespaced.
   */
  public boolean isClusterScoped() {
    return CLUSTER_SCOPED.contains(this);
  }

  /**
   * True for configuration files that are read like objects but are not API objects: they
   * usually have no {@code metadata.name} and are identified by their file.
   */
  public boolean isConfigurationFile() {
    return CONFIGURATION_FILES.contains(this);
  }

  /** True if {@code resource} is of this group and kind. */
  public boolean matches(Resource resource) {
    return resource.groupKind().equals(this);
  }

  // equals and hashCode are written out (with the values a record's generated methods give): the
  // generated ones bootstrap java.lang.runtime.ObjectMethods on first use, which spins method handles
  // at every start of the command line (see benchmarks/README.md, "Start-up").

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof GroupKind other && kind.equals(other.kind) && group.equals(other.group);
  }

  @Override
  public int hashCode() {
    return 31 * group.hashCode() + kind.hashCode();
  }

  /** kubectl's form: {@code Deployment.apps}, {@code Pod} for the core group. */
  @Override
  public String toString() {
    return group.isEmpty() ? kind : kind + "." + group;
  }
}
