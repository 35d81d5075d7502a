/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

import static dev.kubeward.commandline.FlagType.ARRAY;
import static dev.kubeward.commandline.FlagType.BOOLEAN;
import static dev.kubeward.commandline.FlagType.DURATION;
import static dev.kubeward.commandline.FlagType.FLOAT;
import static dev.kubeward.commandline.FlagType.INT;
import static dev.kubeward.commandline.FlagType.LIST;
import static dev.kubeward.commandline.FlagType.MAP;
import static dev.kubeward.commandline.FlagType.STRING;

import dev.kubeward.commandline.FlagTable.Syntax;

/**
 * The built-in flag tables. Types follow the components' flag definitions: pflag
 * {@code BoolVar}/{@code StringVar}/{@code IntVar}/{@code Float32Var}/{@code DurationVar},
 * {@code StringSliceVar} (LIST), {@code StringArrayVar} and {@code NamedCertKeyArray} (ARRAY),
 * {@code MapStringBool}/{@code MapStringString}/{@code ConfigurationMap} and feature gates (MAP), in
 * kubernetes/kubernetes ({@code cmd/kube-apiserver/app/options}, {@code pkg/controlplane/apiserver/options},
 * {@code staging/src/k8s.io/apiserver/pkg/server/options}, {@code cmd/kube-controller-manager/app/options},
 * {@code cmd/kube-scheduler/app/options}, {@code cmd/kubelet/app/options}, {@code staging/src/k8s.io/component-base/logs}),
 * and etcd's {@code server/embed/config.go} {@code AddFlags} and {@code server/etcdmain/config.go}
 * ({@code flags.NewUniqueURLsWithExceptions}, {@code NewStringsValue}, {@code NewUniqueStringsValue}:
 * LIST). Flags removed from recent releases stay listed with their old type, since old manifests
 * still carry them.
 */
final class BuiltInFlags {

  private BuiltInFlags() {}

  /** Flags every cobra-based Kubernetes component has: logging, help, version, feature gates. */
  private static FlagTable.Builder kube(String component, String... binaries) {
    return FlagTable.builder(component, Syntax.PFLAG)
        .binaries(binaries)
        .flags(BOOLEAN, "help", "add-dir-header", "alsologtostderr", "logtostderr", "one-output", "skip-headers",
            "skip-log-headers", "log-json-split-stream", "log-text-split-stream")
        .flags(INT, "v", "log-file-max-size")
        .flags(STRING, "vmodule", "logging-format", "log-dir", "log-file", "log-backtrace-at", "stderrthreshold",
            "log-json-info-buffer-size", "log-text-info-buffer-size", "show-hidden-metrics-for-version")
        .flags(DURATION, "log-flush-frequency")
        .flags(MAP, "feature-gates")
        .flag("version", STRING, "true")
        .shorthand('v', "v")
        .shorthand('h', "help");
  }

  /** Secure serving ({@code SecureServingOptions}). */
  private static FlagTable.Builder secureServing(FlagTable.Builder b) {
    return b.flags(BOOLEAN, "permit-port-sharing", "permit-address-sharing")
        .flags(STRING, "bind-address", "cert-dir", "tls-cert-file", "tls-private-key-file", "tls-min-version")
        .flags(INT, "secure-port", "http2-max-streams-per-connection")
        .flags(LIST, "tls-cipher-suites")
        .flags(ARRAY, "tls-sni-cert-key");
  }

  /** Delegated authentication and authorization of kube-controller-manager and kube-scheduler. */
  private static FlagTable.Builder delegatedAuth(FlagTable.Builder b) {
    return b.flags(BOOLEAN, "authentication-skip-lookup", "authentication-tolerate-lookup-failure")
        .flags(STRING, "authentication-kubeconfig", "authorization-kubeconfig", "client-ca-file",
            "requestheader-client-ca-file")
        .flags(LIST, "authorization-always-allow-paths", "requestheader-allowed-names",
            "requestheader-extra-headers-prefix", "requestheader-group-headers", "requestheader-username-headers",
            "requestheader-uid-headers")
        .flags(DURATION, "authentication-token-webhook-cache-ttl", "authorization-webhook-cache-authorized-ttl",
            "authorization-webhook-cache-unauthorized-ttl");
  }

  /** Leader election and the client to the API server. */
  private static FlagTable.Builder controllerClient(FlagTable.Builder b) {
    return b.flags(BOOLEAN, "leader-elect", "contention-profiling", "profiling")
        .flags(STRING, "kubeconfig", "master", "leader-elect-resource-lock", "leader-elect-resource-name",
            "leader-elect-resource-namespace")
        .flags(DURATION, "leader-elect-lease-duration", "leader-elect-renew-deadline", "leader-elect-retry-period")
        .flags(INT, "kube-api-burst", "port")
        .flags(FLOAT, "kube-api-qps")
        .flags(STRING, "address", "kube-api-content-type");
  }

  static FlagTable kubeApiserver() {
    return secureServing(kube("kube-apiserver", "kube-apiserver", "apiserver"))
        .flags(BOOLEAN, "aggregator-reject-forwarding-redirect", "allow-privileged", "anonymous-auth",
            "audit-log-batch-throttle-enable", "audit-log-compress", "audit-log-truncate-enabled",
            "audit-webhook-batch-throttle-enable", "audit-webhook-truncate-enabled", "contention-profiling",
            "disable-http2-serving", "enable-aggregator-routing", "enable-bootstrap-token-auth",
            "enable-garbage-collector", "enable-logs-handler", "enable-priority-and-fairness",
            "encryption-provider-config-automatic-reload", "profiling", "service-account-extend-token-expiration",
            "service-account-lookup", "shutdown-send-retry-after", "watch-cache",
            // removed, still found in old manifests
            "enable-swagger-ui", "kubelet-https", "repair-malformed-updates", "insecure-allow-any-token",
            "experimental-keystone-ca-file-enabled")
        .flags(STRING, "admission-control-config-file", "advertise-address", "audit-log-format", "audit-log-mode",
            "audit-log-path", "audit-log-version", "audit-policy-file", "audit-webhook-config-file",
            "audit-webhook-mode", "audit-webhook-version", "authentication-config",
            "authentication-token-webhook-config-file", "authentication-token-webhook-version", "authorization-config",
            "authorization-policy-file", "authorization-webhook-config-file", "authorization-webhook-version",
            "client-ca-file", "cloud-config", "cloud-provider", "debug-socket-path", "egress-selector-config-file",
            "encryption-provider-config", "endpoint-reconciler-type", "etcd-cafile", "etcd-certfile", "etcd-keyfile",
            "etcd-prefix", "external-hostname", "kubelet-certificate-authority", "kubelet-client-certificate",
            "kubelet-client-key", "oidc-ca-file", "oidc-client-id", "oidc-groups-claim", "oidc-groups-prefix",
            "oidc-issuer-url", "oidc-username-claim", "oidc-username-prefix", "peer-advertise-ip",
            "peer-advertise-port", "peer-ca-file", "proxy-client-cert-file", "proxy-client-key-file",
            "requestheader-client-ca-file", "service-account-jwks-uri", "service-account-signing-key-file",
            "service-account-signing-endpoint", "service-cluster-ip-range", "service-node-port-range",
            "storage-backend", "storage-media-type", "token-auth-file", "tracing-config-file",
            // removed, still found in old manifests
            "basic-auth-file", "experimental-encryption-provider-config", "insecure-bind-address",
            "authorization-rbac-super-user", "storage-versions")
        .flags(LIST, "admission-control", "api-audiences", "authorization-mode", "cors-allowed-origins",
            "disable-admission-plugins", "enable-admission-plugins", "etcd-servers", "etcd-servers-overrides",
            "kubelet-preferred-address-types", "oidc-signing-algs", "requestheader-allowed-names",
            "requestheader-extra-headers-prefix", "requestheader-group-headers", "requestheader-username-headers",
            "requestheader-uid-headers", "strict-transport-security-directives", "watch-cache-sizes")
        .flags(ARRAY, "service-account-issuer", "service-account-key-file")
        .flags(MAP, "runtime-config", "oidc-required-claim")
        .flags(INT, "apiserver-count", "audit-log-batch-buffer-size", "audit-log-batch-max-size",
            "audit-log-batch-throttle-burst", "audit-log-maxage", "audit-log-maxbackup", "audit-log-maxsize",
            "audit-webhook-batch-buffer-size", "audit-webhook-batch-max-size", "audit-webhook-batch-throttle-burst",
            "default-not-ready-toleration-seconds", "default-unreachable-toleration-seconds",
            "default-watch-cache-size", "delete-collection-workers", "kubernetes-service-node-port",
            "lease-reuse-duration-seconds", "max-connection-bytes-per-sec", "max-mutating-requests-inflight",
            "max-requests-inflight", "min-request-timeout",
            // removed, still found in old manifests
            "insecure-port", "kubelet-read-only-port")
        .flags(FLOAT, "audit-log-batch-throttle-qps", "audit-webhook-batch-throttle-qps", "goaway-chance")
        .flags(DURATION, "audit-log-batch-max-wait", "audit-webhook-batch-max-wait", "audit-webhook-initial-backoff",
            "authentication-token-webhook-cache-ttl", "authorization-webhook-cache-authorized-ttl",
            "authorization-webhook-cache-unauthorized-ttl", "etcd-compaction-interval",
            "etcd-count-metric-poll-period", "etcd-db-metric-poll-interval", "etcd-healthcheck-timeout",
            "etcd-readycheck-timeout", "event-ttl", "kubelet-timeout", "livez-grace-period", "request-timeout",
            "service-account-max-token-expiration", "shutdown-delay-duration",
            "shutdown-watch-termination-grace-period", "storage-initialization-timeout")
        .build();
  }

  static FlagTable kubeControllerManager() {
    FlagTable.Builder b = kube("kube-controller-manager", "kube-controller-manager", "controller-manager");
    return controllerClient(delegatedAuth(secureServing(b)))
        .flags(BOOLEAN, "allocate-node-cidrs", "configure-cloud-routes", "disable-attach-detach-reconcile-sync",
            "enable-dynamic-provisioning", "enable-garbage-collector", "enable-hostpath-provisioner",
            "enable-leader-migration", "enable-taint-manager", "use-service-account-credentials")
        .flags(STRING, "cloud-config", "cloud-provider", "cluster-cidr", "cluster-name", "cluster-signing-cert-file",
            "cluster-signing-key-file", "cluster-signing-kube-apiserver-client-cert-file",
            "cluster-signing-kube-apiserver-client-key-file", "cluster-signing-kubelet-client-cert-file",
            "cluster-signing-kubelet-client-key-file", "cluster-signing-kubelet-serving-cert-file",
            "cluster-signing-kubelet-serving-key-file", "cluster-signing-legacy-unknown-cert-file",
            "cluster-signing-legacy-unknown-key-file", "external-cloud-volume-plugin", "flex-volume-plugin-dir",
            "leader-migration-config", "pv-recycler-pod-template-filepath-hostpath",
            "pv-recycler-pod-template-filepath-nfs", "root-ca-file", "service-account-private-key-file",
            "service-cluster-ip-range")
        .flags(LIST, "controllers")
        .flags(INT, "concurrent-cron-job-syncs", "concurrent-deployment-syncs", "concurrent-endpoint-syncs",
            "concurrent-gc-syncs", "concurrent-job-syncs", "concurrent-namespace-syncs", "concurrent-rc-syncs",
            "concurrent-replicaset-syncs", "concurrent-service-syncs", "concurrent-serviceaccount-token-syncs",
            "concurrent-statefulset-syncs", "large-cluster-size-threshold", "node-cidr-mask-size",
            "node-cidr-mask-size-ipv4", "node-cidr-mask-size-ipv6", "terminated-pod-gc-threshold")
        .flags(FLOAT, "node-eviction-rate", "secondary-node-eviction-rate", "unhealthy-zone-threshold")
        .flags(DURATION, "attach-detach-reconcile-sync-period", "cluster-signing-duration",
            "horizontal-pod-autoscaler-downscale-stabilization", "horizontal-pod-autoscaler-sync-period",
            "min-resync-period", "namespace-sync-period", "node-monitor-grace-period", "node-monitor-period",
            "node-startup-grace-period", "pod-eviction-timeout", "pvclaimbinder-sync-period",
            "resource-quota-sync-period", "route-reconciliation-period")
        .build();
  }

  static FlagTable kubeScheduler() {
    FlagTable.Builder b = kube("kube-scheduler", "kube-scheduler", "scheduler");
    return controllerClient(delegatedAuth(secureServing(b)))
        .flags(STRING, "algorithm-provider", "config", "lock-object-name", "lock-object-namespace",
            "policy-config-file", "policy-configmap", "policy-configmap-namespace", "scheduler-name",
            "write-config-to")
        .flags(INT, "hard-pod-affinity-symmetric-weight")
        .flags(DURATION, "pod-max-in-unschedulable-pods-duration")
        .build();
  }

  static FlagTable kubelet() {
    return kube("kubelet", "kubelet")
        .flags(BOOLEAN, "anonymous-auth", "authentication-token-webhook", "cgroups-per-qos", "cpu-cfs-quota",
            "enable-controller-attach-detach", "enable-debugging-handlers", "enable-load-reader", "enable-server",
            "exit-on-lock-contention", "fail-cgroupv1", "fail-swap-on", "kernel-memcg-notification",
            "keep-terminated-pod-volumes", "local-storage-capacity-isolation", "make-iptables-util-chains",
            "protect-kernel-defaults", "register-node", "register-schedulable", "rotate-certificates",
            "rotate-server-certificates", "runonce", "seccomp-default", "serialize-image-pulls",
            // removed, still found in old manifests and unit files
            "allow-privileged", "containerized", "enable-cadvisor-json-endpoints",
            "experimental-allocatable-ignore-eviction", "experimental-check-node-capabilities-before-mount",
            "redirect-container-streaming")
        .flags(STRING, "address", "authorization-mode", "bootstrap-kubeconfig", "cert-dir", "cgroup-driver",
            "cgroup-root", "client-ca-file", "cloud-config", "cloud-provider", "cluster-domain", "config",
            "config-dir", "container-runtime", "container-runtime-endpoint", "cpu-manager-policy", "hairpin-mode",
            "healthz-bind-address", "hostname-override", "image-credential-provider-bin-dir",
            "image-credential-provider-config", "image-service-endpoint", "kubeconfig", "kubelet-cgroups",
            "lock-file", "manifest-url", "memory-manager-policy", "node-ip", "pod-infra-container-image",
            "pod-manifest-path", "provider-id", "register-with-taints", "reserved-cpus", "resolv-conf", "root-dir",
            "runtime-cgroups", "system-cgroups", "tls-cert-file", "tls-min-version", "tls-private-key-file",
            "topology-manager-policy", "topology-manager-scope", "volume-plugin-dir",
            // removed, still found in old manifests and unit files
            "cni-bin-dir", "cni-cache-dir", "cni-conf-dir", "dynamic-config-dir", "network-plugin",
            "non-masquerade-cidr", "seccomp-profile-root")
        .flags(LIST, "allowed-unsafe-sysctls", "cluster-dns", "enforce-node-allocatable", "tls-cipher-suites")
        .flags(MAP, "cpu-manager-policy-options", "kube-reserved", "node-labels", "qos-reserved", "system-reserved",
            "topology-manager-policy-options")
        .flags(INT, "event-burst", "event-qps", "healthz-port", "image-gc-high-threshold", "image-gc-low-threshold",
            "iptables-drop-bit", "iptables-masquerade-bit", "kube-api-burst", "max-open-files", "max-pods",
            "node-status-max-images", "oom-score-adj", "pod-max-pids", "pods-per-core", "port", "read-only-port",
            "registry-burst", "registry-qps",
            // removed, still found in old manifests and unit files
            "cadvisor-port")
        .flags(FLOAT, "kube-api-qps")
        .flags(DURATION, "authentication-token-webhook-cache-ttl", "authorization-webhook-cache-authorized-ttl",
            "authorization-webhook-cache-unauthorized-ttl", "cpu-cfs-quota-period", "cpu-manager-reconcile-period",
            "eviction-pressure-transition-period", "file-check-frequency", "http-check-frequency",
            "image-minimum-gc-age", "image-pull-progress-deadline", "minimum-container-ttl-duration",
            "minimum-image-ttl-duration", "node-status-update-frequency", "runtime-request-timeout",
            "shutdown-grace-period", "shutdown-grace-period-critical-pods", "streaming-connection-idle-timeout",
            "sync-frequency", "volume-stats-agg-period")
        .build();
  }

  static FlagTable etcd() {
    return FlagTable.builder("etcd", Syntax.GO_FLAG)
        .binaries("etcd")
        .envPrefix("ETCD")
        .configFileFlag("config-file")
        .flags(BOOLEAN, "auto-tls", "client-cert-auth", "disable-log-sampling", "discovery-insecure-skip-tls-verify",
            "discovery-insecure-transport", "enable-distributed-tracing", "enable-grpc-gateway",
            "enable-log-rotation", "enable-pprof", "force-new-cluster", "initial-election-tick-advance",
            "memory-mlock", "peer-auto-tls", "peer-client-cert-auth", "peer-skip-client-san-verification",
            "pre-vote", "socket-reuse-address", "socket-reuse-port", "strict-reconfig-check", "unsafe-no-fsync",
            "version", "help",
            // earlier releases
            "debug", "enable-v2", "experimental-compact-hash-check-enabled",
            "experimental-enable-distributed-tracing", "experimental-enable-lease-checkpoint",
            "experimental-enable-lease-checkpoint-persist", "experimental-initial-corrupt-check",
            "experimental-memory-mlock", "experimental-stop-grpc-service-on-defrag",
            "experimental-txn-mode-write-with-shared-buffer")
        .flags(STRING, "auth-token", "auto-compaction-mode", "auto-compaction-retention", "backend-bbolt-freelist-type",
            "cert-file", "client-cert-file", "client-crl-file", "client-key-file", "config-file", "data-dir",
            "discovery", "discovery-cacert", "discovery-cert", "discovery-fallback", "discovery-key",
            "discovery-password", "discovery-proxy", "discovery-srv", "discovery-srv-name", "discovery-token",
            "discovery-user", "distributed-tracing-address", "distributed-tracing-instance-id",
            "distributed-tracing-service-name", "initial-cluster", "initial-cluster-state", "initial-cluster-token",
            "key-file", "log-format", "log-level", "log-rotation-config-json", "logger", "metrics", "name",
            "peer-cert-file", "peer-client-cert-file", "peer-client-key-file", "peer-crl-file", "peer-key-file",
            "peer-trusted-ca-file", "tls-max-version", "tls-min-version", "trusted-ca-file", "v2-deprecation",
            "wal-dir")
        .flags(LIST, "advertise-client-urls", "cipher-suites", "client-cert-allowed-hostname", "cors",
            "discovery-endpoints", "host-whitelist", "initial-advertise-peer-urls", "listen-client-http-urls",
            "listen-client-urls", "listen-metrics-urls", "listen-peer-urls", "log-outputs", "peer-cert-allowed-cn",
            "peer-cert-allowed-hostname")
        .flags(MAP, "feature-gates")
        .flags(INT, "auth-token-ttl", "backend-batch-limit", "bcrypt-cost", "bootstrap-defrag-threshold-megabytes",
            "compaction-batch-limit", "distributed-tracing-sampling-rate", "election-timeout", "heartbeat-interval",
            "max-concurrent-streams", "max-learners", "max-request-bytes", "max-snapshots", "max-txn-ops",
            "max-wals", "quota-backend-bytes", "self-signed-cert-validity", "snapshot-catchup-entries",
            "snapshot-count",
            // earlier releases
            "experimental-bootstrap-defrag-threshold-megabytes", "experimental-compaction-batch-limit",
            "experimental-max-learners")
        .flags(DURATION, "backend-batch-interval", "compact-hash-check-time", "compaction-sleep-interval",
            "corrupt-check-time", "discovery-dial-timeout", "discovery-keepalive-time", "discovery-keepalive-timeout",
            "discovery-request-timeout", "downgrade-check-time", "grpc-keepalive-interval", "grpc-keepalive-min-time",
            "grpc-keepalive-timeout", "raft-read-timeout", "raft-write-timeout", "warning-apply-duration",
            "warning-unary-request-duration", "watch-progress-notify-interval",
            // earlier releases
            "experimental-compact-hash-check-time", "experimental-corrupt-check-time",
            "experimental-downgrade-check-time", "experimental-warning-apply-duration",
            "experimental-warning-unary-request-duration", "experimental-watch-progress-notify-interval")
        .build();
  }

  static FlagTable kubeProxy() {
    return kube("kube-proxy", "kube-proxy")
        .flags(BOOLEAN, "bind-address-hard-fail", "cleanup", "init-only", "ipvs-strict-arp", "masquerade-all",
            "profiling")
        .flags(STRING, "bind-address", "cluster-cidr", "config", "detect-local-mode", "healthz-bind-address",
            "hostname-override", "ipvs-scheduler", "kube-api-content-type", "kubeconfig", "master",
            "metrics-bind-address", "pod-bridge-interface", "pod-interface-name-prefix", "proxy-mode",
            "proxy-port-range", "write-config-to")
        .flags(LIST, "ipvs-exclude-cidrs", "nodeport-addresses")
        .flags(INT, "conntrack-max-per-core", "conntrack-min", "healthz-port", "iptables-masquerade-bit",
            "kube-api-burst", "metrics-port", "oom-score-adj")
        .flags(FLOAT, "kube-api-qps")
        .flags(DURATION, "config-sync-period", "conntrack-tcp-timeout-close-wait", "conntrack-tcp-timeout-established",
            "iptables-min-sync-period", "iptables-sync-period", "ipvs-min-sync-period", "ipvs-sync-period",
            "udp-timeout")
        .build();
  }

  /**
   * The Kubernetes Dashboard: v2's single binary and the v3 modules (api, auth, web), from
   * kubernetes/dashboard {@code docs/common/dashboard-arguments.md} and {@code docs/common/arguments.md}.
   * It calls {@code pflag.Parse()} without a name normaliser and never looks at positional arguments.
   */
  static FlagTable dashboard() {
    return FlagTable.builder("kubernetes-dashboard", Syntax.PFLAG)
        .underscoresAsDashes(false)
        .ignoresPositionalArguments(true)
        .binaries("dashboard", "dashboard-api", "dashboard-auth", "dashboard-web", "dashboard-metrics-scraper")
        .flags(BOOLEAN, "apiserver-skip-tls-verify", "auto-generate-certificates", "disable-csrf-protection",
            "disable-settings-authorizer", "enable-insecure-login", "enable-skip-login", "help")
        .flags(STRING, "api-log-level", "apiserver-host", "bind-address", "default-cert-dir", "heapster-host",
            "insecure-bind-address", "kubeconfig", "locale-config", "metrics-provider", "namespace",
            "sidecar-host", "system-banner", "system-banner-severity", "tls-cert-file", "tls-key-file")
        .flags(LIST, "authentication-mode")
        .flags(INT, "insecure-port", "metric-client-check-period", "port", "token-ttl", "v")
        .build();
  }
}
