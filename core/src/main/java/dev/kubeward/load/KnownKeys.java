/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import java.util.List;

/**
 * One shared string for each map key that Kubernetes manifests use over and over. The parser makes
 * a new string for every key it reads; a document's tree keeps the shared one instead, so that a
 * loaded cluster holds each of these keys once (map keys are most of the scalars of a manifest, and
 * their strings a third of its tree), and so that a rule's look-up of a key, a string literal like
 * these, finds it by identity. The strings are string literals, hence interned, and so the same
 * instances as the literals in rules. Unknown keys are kept as they are.
 *
 * <p>The table is fixed (no key read from input is ever added), open-addressed, and hashed on the
 * length and three characters of a key, which is cheaper than a full string hash for the short keys
 * of manifests; a look-up compares the key with the strings in its probe run only.
 */
final class KnownKeys {

  /** Keys of the Kubernetes API, its well-known labels and annotations, and its config files. */
  private static final String[] KEYS = {
      "kind", "apiVersion", "name", "metadata", "spec", "labels", "namespace", "image", "containers",
      "selector", "resources", "ports", "port", "matchLabels", "template", "type", "app", "volumes",
      "mountPath", "volumeMounts", "requests", "cpu", "path", "replicas", "containerPort", "annotations",
      "memory", "command", "env", "rules", "securityContext", "imagePullPolicy", "serviceAccountName",
      "app.kubernetes.io/name", "readOnly", "targetPort", "value", "protocol", "apiGroups", "limits",
      "apiGroup", "subjects", "roleRef", "verbs", "key", "app.kubernetes.io/version",
      "app.kubernetes.io/component", "livenessProbe", "restartPolicy", "args", "initialDelaySeconds",
      "hostPath", "app.kubernetes.io/part-of", "data", "httpGet", "periodSeconds", "valueFrom",
      "readinessProbe", "runAsUser", "terminationGracePeriodSeconds", "tier", "allowPrivilegeEscalation",
      "timeoutSeconds", "capabilities", "seccompProfile", "runAsNonRoot", "secretName", "creationTimestamp",
      "secret", "scheme", "fieldPath", "fieldRef", "k8s-app", "drop", "operator", "tolerations", "effect",
      "readOnlyRootFilesystem", "uid", "storage", "privileged", "resourceVersion", "failureThreshold",
      "hostNetwork", "component", "host", "items", "resourceNames", "nodeSelector", "emptyDir", "status",
      "podSelector", "priorityClassName", "app.kubernetes.io/instance", "fsGroup", "role", "ingress",
      "service", "dnsPolicy", "configMap", "runAsGroup", "startupProbe", "from", "version", "group",
      "terminationMessagePolicy", "accessModes", "successThreshold", "automountServiceAccountToken",
      "terminationMessagePath", "controller", "policyTypes", "hostPID", "names", "secretKeyRef",
      "schedulerName", "priority", "clusterIP", "matchExpressions", "message", "persistentVolumeClaim",
      "claimName", "parameters", "namespaceSelector", "strategy", "add", "kubernetes.io/os", "nodeName",
      "description", "http", "preemptionPolicy", "ownerReferences", "conditions", "storageClassName",
      "enableServiceLinks", "reason", "values", "lastTransitionTime", "affinity",
      "kubectl.kubernetes.io/last-applied-configuration", "maxUnavailable", "rollingUpdate", "backend",
      "paths", "revisionHistoryLimit", "seccomp.security.alpha.kubernetes.io/pod", "scope", "serviceAccount",
      "pathType", "exec", "egress", "target", "app.kubernetes.io/managed-by", "helm.sh/chart",
      "initContainers", "observedGeneration", "ingressClassName", "provisioner", "minReplicas",
      "configMapRef", "generation", "subPath", "hostIPC", "scaleTargetRef", "maxReplicas", "envFrom",
      "serviceName", "labelSelector", "supplementalGroups", "sessionAffinity", "grpc",
      "requiredDuringSchedulingIgnoredDuringExecution", "ipFamilies", "ipFamilyPolicy", "hard", "stringData",
      "topologyKey", "seLinux", "fsType", "hostPorts", "updateStrategy", "hostPort", "defaultMode", "pods",
      "allowedCapabilities", "namespaces", "ttlSecondsAfterFinished", "appProtocol", "hosts", "clientConfig",
      "webhooks", "sideEffects", "admissionReviewVersions", "tls", "weight", "lifecycle", "preStop",
      "postStart", "nodeAffinity", "nodeSelectorTerms", "configMapKeyRef", "loadBalancer", "nodePort",
      "maxSurge", "whenUnsatisfiable", "mode", "nonResourceURLs", "optional",
      "preferredDuringSchedulingIgnoredDuringExecution", "internalTrafficPolicy", "minReadySeconds",
      "volumeBindingMode", "reclaimPolicy", "minAvailable", "volumeClaimTemplates", "tcpSocket",
      "podAffinityTerm", "clusterIPs", "allowVolumeExpansion", "volume", "ephemeralContainers",
      "seLinuxOptions", "appArmorProfile", "procMount", "sysctls", "windowsOptions", "hostProcess",
      "localhostProfile", "shareProcessNamespace", "hostUsers", "runtimeClassName", "jobTemplate",
      "schedule", "serviceAccountToken", "projected", "sources", "downwardAPI", "csi", "nfs", "hostAliases",
      "dnsConfig", "topologySpreadConstraints", "imagePullSecrets", "workingDir", "stdin", "tty",
      "readinessGates", "podManagementPolicy", "concurrencyPolicy", "successfulJobsHistoryLimit",
      "failedJobsHistoryLimit", "backoffLimit", "completions", "parallelism", "activeDeadlineSeconds",
      "suspend", "startingDeadlineSeconds", "sessionAffinityConfig", "externalIPs", "loadBalancerIP",
      "loadBalancerSourceRanges", "externalName", "ipBlock", "cidr", "except", "endPort", "aggregationRule",
      "clusterRoleSelectors", "finalizers", "generateName", "immutable", "binaryData", "volumeName",
      "volumeMode", "dataSource", "level", "user", "localhost", "gmsaCredentialSpec",
      "gmsaCredentialSpecName", "runAsUserName", "seccomp", "podAffinity", "podAntiAffinity",
      "expirationSeconds", "audience", "hostname", "subdomain", "overhead", "resizePolicy", "resourceClaims",
      "os", "tolerationSeconds", "maxSkew", "matchLabelKeys", "minDomains", "nodeAffinityPolicy",
      "nodeTaintsPolicy", "claims", "restartPolicyRules", "terminationGracePeriod", "ip", "hostIP",
      "fsGroupChangePolicy", "supplementalGroupsPolicy", "seLinuxChangePolicy", "successPolicy",
      "podFailurePolicy", "manualSelector", "completionMode", "backoffLimitPerIndex", "maxFailedIndexes",
      "podReplacementPolicy", "timeZone", "persistentVolumeClaimRetentionPolicy", "whenDeleted",
      "whenScaled", "ordinals", "partition", "progressDeadlineSeconds", "paused",
      "pod-security.kubernetes.io/enforce", "pod-security.kubernetes.io/enforce-version",
      "pod-security.kubernetes.io/warn", "pod-security.kubernetes.io/warn-version",
      "pod-security.kubernetes.io/audit", "pod-security.kubernetes.io/audit-version",
      "kubernetes.io/metadata.name", "container.apparmor.security.beta.kubernetes.io",
      "container.seccomp.security.alpha.kubernetes.io", "app.kubernetes.io/created-by",
      "kubernetes.io/service-account.name", "kubernetes.io/cluster-service", "kubernetes.io/description",
      "prometheus.io/scrape", "prometheus.io/port", "prometheus.io/path",
      "deployment.kubernetes.io/revision", "rbac.authorization.kubernetes.io/autoupdate",
      "rbac.authorization.kubernetes.io/aggregate-to-admin",
      "rbac.authorization.kubernetes.io/aggregate-to-edit",
      "rbac.authorization.kubernetes.io/aggregate-to-view", "kubernetes.io/bootstrapping",
      "addonmanager.kubernetes.io/mode", "kubernetes.io/ingress.class", "cert-manager.io/cluster-issuer",
      "nginx.ingress.kubernetes.io/rewrite-target", "omitStages", "omitManagedFields", "userGroups",
      "encryption", "providers", "aescbc", "aesgcm", "secretbox", "identity", "kms", "keys", "endpoint",
      "cachesize", "timeout", "authentication", "authorization", "anonymous", "webhook", "x509",
      "clientCAFile", "cacheTTL", "readOnlyPort", "protectKernelDefaults", "makeIPTablesUtilChains",
      "eventRecordQPS", "rotateCertificates", "serverTLSBootstrap", "tlsCertFile", "tlsPrivateKeyFile",
      "tlsCipherSuites", "streamingConnectionIdleTimeout", "featureGates"
  };

  private static final int MAX_LENGTH;
  private static final String[] TABLE = new String[2048];
  private static final int MASK = TABLE.length - 1;

  static {
    int longest = 0;
    for (String key : KEYS) {
      longest = Math.max(longest, key.length());
      int i = hash(key) & MASK;
      while (TABLE[i] != null && !TABLE[i].equals(key)) {
        i = (i + 1) & MASK;
      }
      TABLE[i] = key;
    }
    MAX_LENGTH = longest;
  }

  private KnownKeys() {}

  private static int hash(String key) {
    int n = key.length();
    int h = n * 0x9E3779B1 + key.charAt(0) * 31 + key.charAt(n - 1) * 961 + key.charAt(n >> 1) * 29791;
    return h ^ (h >>> 11);
  }

  /** The shared string equal to {@code key}, or {@code key} itself if there is none. */
  static String canonical(String key) {
    String known = known(key);
    return known == null ? key : known;
  }

  /**
   * The shared string equal to {@code key}, or null if there is none. Every known key, written
   * plain, is a string to YAML 1.1 (none is a boolean, a null or a number), so a plain key found
   * here needs no further resolution.
   */
  static String known(String key) {
    int n = key.length();
    if (n == 0 || n > MAX_LENGTH) {
      return null;
    }
    for (int i = hash(key) & MASK; ; i = (i + 1) & MASK) {
      String known = TABLE[i];
      if (known == null) {
        return null;
      }
      if (known.equals(key)) {
        return known;
      }
    }
  }

  /** Every known key (for tests). */
  static List<String> all() {
    return List.of(KEYS);
  }

  /** How many keys the table holds (for tests). */
  static int size() {
    return KEYS.length;
  }

  /** The longest run of occupied slots (for tests: look-ups of unknown keys stay short). */
  static int longestRun() {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < 2 * TABLE.length; i++) {
      run = TABLE[i & MASK] == null ? 0 : run + 1;
      longest = Math.max(longest, Math.min(run, TABLE.length));
    }
    return longest;
  }
}
