/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import static dev.kubeward.rules.cluster.controlplane.Component.KUBE_APISERVER;
import static dev.kubeward.rules.cluster.controlplane.FlagCheck.of;
import static dev.kubeward.rule.Severity.CRITICAL;
import static dev.kubeward.rule.Severity.HIGH;
import static dev.kubeward.rule.Severity.LOW;
import static dev.kubeward.rule.Severity.MEDIUM;
import static dev.kubeward.rule.Topic.API_SERVER;
import static dev.kubeward.rule.Topic.AUDIT;
import static dev.kubeward.rule.Topic.SECRETS;

import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.cluster.controlplane.FlagCheck.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The kube-apiserver table: CIS Kubernetes Benchmark section 1.2 and the checks beyond it. Defaults
 * from kubernetes/kubernetes {@code pkg/kubeapiserver/options}, {@code pkg/controlplane/apiserver/options}
 * and {@code staging/src/k8s.io/apiserver/pkg/server/options}.
 */
final class ApiServerChecks {

  private ApiServerChecks() {}

  /** The TLS suites CIS 1.12 (1.2.29) allows: TLS 1.3 and the ECDHE suites with GCM or ChaCha20-Poly1305. */
  static final Set<String> STRONG_SUITES = Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  static final String GO_DEFAULT_SUITES = "Go's default suites apply, which include CBC suites with SHA-1 MACs";

  static final List<FlagCheck> ROWS = List.of(
      of("api-server-anonymous-auth", "1.2.1", KUBE_APISERVER, MEDIUM, API_SERVER,
          "API server accepts anonymous requests",
          ApiServerChecks::anonymousAuth,
          "With --anonymous-auth true (the default) every request without credentials is served as"
              + " system:anonymous in group system:unauthenticated, and whatever RBAC grants those names (by"
              + " default discovery, version and health endpoints; by mistake, much more) is open to anyone"
              + " who can reach the port. When an --authentication-config file is given and the flag is not,"
              + " the file's anonymous block decides, and the rules on AuthenticationConfiguration files judge it.",
          "Set --anonymous-auth=false (on Kubernetes v1.32 and newer, an AuthenticationConfiguration can keep"
              + " anonymous access to /healthz, /readyz and /livez only)."),
      of("api-server-token-auth-file", "1.2.2", KUBE_APISERVER, HIGH, API_SERVER,
          "API server reads static bearer tokens",
          Judges.notSet("token-auth-file", "remove it and authenticate with certificates, OIDC or webhook tokens"),
          "--token-auth-file loads bearer tokens from a CSV file that lives on the control-plane disk in clear"
              + " text; the tokens never expire and cannot be revoked without restarting the API server.",
          "Remove --token-auth-file; authenticate users with client certificates, OIDC or a token webhook."),
      new FlagCheck("api-server-deny-service-external-ips", "1.2.3", KUBE_APISERVER, MEDIUM, API_SERVER,
          "DenyServiceExternalIPs admission plugin not enabled",
          Judges.pluginEnabled("DenyServiceExternalIPs"),
          "Anyone who may create or update a Service can set spec.externalIPs and have kube-proxy capture"
              + " the traffic of every pod to those addresses (CVE-2020-8554). The plugin is not enabled by"
              + " default; it rejects new external IPs.",
          "Add DenyServiceExternalIPs to --enable-admission-plugins, or restrict externalIPs with a policy.",
          List.of("cve:CVE-2020-8554")),
      of("api-server-kubelet-client-cert", "1.2.4", KUBE_APISERVER, HIGH, API_SERVER,
          "API server has no client certificate for kubelets",
          Judges.allSet("kubelet-client-certificate", "kubelet-client-key"),
          "Without --kubelet-client-certificate and --kubelet-client-key the API server calls the kubelets"
              + " (logs, exec, port-forward) without a client certificate, so kubelets must either refuse it"
              + " or accept anonymous requests. Neither flag has a default.",
          "Set --kubelet-client-certificate and --kubelet-client-key to a certificate the kubelets trust."),
      of("api-server-kubelet-certificate-authority", "1.2.5", KUBE_APISERVER, MEDIUM, API_SERVER,
          "API server does not verify kubelet certificates",
          Judges.set("kubelet-certificate-authority", "kubelets' serving certificates are not verified",
              "set --kubelet-certificate-authority to the CA of the kubelets' serving certificates"),
          "Without --kubelet-certificate-authority the API server does not verify the serving certificate of"
              + " the kubelets it connects to: a host that answers for a node's address receives exec and"
              + " attach streams with their credentials.",
          "Set --kubelet-certificate-authority to the CA that signs the kubelets' serving certificates"
              + " (serverTLSBootstrap: true in the KubeletConfiguration)."),
      of("api-server-authorization-always-allow", "1.2.6", KUBE_APISERVER, CRITICAL, API_SERVER,
          "API server authorizes every request",
          Judges.modeExcluded("AlwaysAllow", "use --authorization-mode=Node,RBAC"),
          "The AlwaysAllow mode, the default of --authorization-mode, allows every authenticated request that"
              + " no earlier authorizer denies: every user and service account is cluster-admin. A"
              + " --authorization-config file replaces the flag and is judged by its own rule.",
          "Set --authorization-mode=Node,RBAC."),
      of("api-server-authorization-node", "1.2.7", KUBE_APISERVER, MEDIUM, API_SERVER,
          "API server does not use the Node authorizer",
          Judges.modeIncluded("Node"),
          "The Node authorizer limits each kubelet to the objects of the pods bound to its node; without it, a"
              + " kubelet's credentials are granted by RBAC alone, usually to read every Secret in the cluster.",
          "Add Node to --authorization-mode (--authorization-mode=Node,RBAC)."),
      of("api-server-authorization-rbac", "1.2.8", KUBE_APISERVER, HIGH, API_SERVER,
          "API server does not use RBAC",
          Judges.modeIncluded("RBAC"),
          "Without the RBAC mode Roles and bindings have no effect, and access is decided by whatever else is"
              + " configured, AlwaysAllow by default.",
          "Add RBAC to --authorization-mode (--authorization-mode=Node,RBAC)."),
      of("api-server-event-rate-limit", "1.2.9", KUBE_APISERVER, LOW, API_SERVER,
          "EventRateLimit admission plugin not enabled",
          Judges.pluginEnabled("EventRateLimit"),
          "Without EventRateLimit (not enabled by default) a client may flood the API server and etcd with"
              + " Events. The plugin needs its limits in the --admission-control-config-file.",
          "Add EventRateLimit to --enable-admission-plugins and configure it in --admission-control-config-file."),
      of("api-server-always-admit", "1.2.10", KUBE_APISERVER, HIGH, API_SERVER,
          "AlwaysAdmit admission plugin enabled",
          Judges.pluginNotEnabled("AlwaysAdmit"),
          "AlwaysAdmit admits every request; in older releases it was the default --admission-control and"
              + " disabled every other control. It is deprecated and never useful.",
          "Remove AlwaysAdmit from --enable-admission-plugins (and from --admission-control)."),
      of("api-server-always-pull-images", "1.2.11", KUBE_APISERVER, LOW, Topic.IMAGES,
          "AlwaysPullImages admission plugin not enabled",
          Judges.pluginEnabled("AlwaysPullImages"),
          "Without AlwaysPullImages (not enabled by default) a pod may run a private image already on its node"
              + " without the pull credentials for it.",
          "Add AlwaysPullImages to --enable-admission-plugins."),
      of("api-server-service-account-plugin-disabled", "1.2.12", KUBE_APISERVER, MEDIUM, API_SERVER,
          "ServiceAccount admission plugin disabled",
          Judges.pluginNotDisabled("ServiceAccount"),
          "The ServiceAccount admission plugin (enabled by default) assigns the default service account,"
              + " refuses references to missing ones and mounts projected tokens; without it pods may name"
              + " service accounts that do not exist and token handling is left to each manifest.",
          "Remove ServiceAccount from --disable-admission-plugins."),
      of("api-server-namespace-lifecycle-disabled", "1.2.13", KUBE_APISERVER, MEDIUM, API_SERVER,
          "NamespaceLifecycle admission plugin disabled",
          Judges.pluginNotDisabled("NamespaceLifecycle"),
          "NamespaceLifecycle (enabled by default) refuses objects in namespaces that do not exist or are being"
              + " deleted and protects default, kube-system and kube-public from deletion.",
          "Remove NamespaceLifecycle from --disable-admission-plugins."),
      of("api-server-node-restriction", "1.2.14", KUBE_APISERVER, HIGH, API_SERVER,
          "NodeRestriction admission plugin not enabled",
          Judges.pluginEnabled("NodeRestriction"),
          "NodeRestriction (not enabled by default; kubeadm enables it) keeps a kubelet from changing other"
              + " Nodes, pods bound to other nodes and its own node-restriction.kubernetes.io labels: without"
              + " it, one compromised node can relabel itself to attract sensitive workloads.",
          "Add NodeRestriction to --enable-admission-plugins."),
      of("api-server-profiling", "1.2.15", KUBE_APISERVER, LOW, API_SERVER,
          "API server profiling enabled",
          Judges.bool("profiling", false, true),
          "--profiling (default true) serves /debug/pprof, which reveals the program's internals and can be used"
              + " to slow the API server down.",
          "Set --profiling=false."),
      of("api-server-audit-log-path", "1.2.16", KUBE_APISERVER, MEDIUM, AUDIT,
          "API server writes no audit log",
          Judges.set("audit-log-path", "no audit log is written", "set --audit-log-path (and --audit-policy-file)"),
          "Without --audit-log-path (no default) the log backend is off: unless an audit webhook is set, nothing"
              + " records who did what in the cluster.",
          "Set --audit-log-path to a file on a persistent volume, with --audit-policy-file."),
      of("api-server-audit-log-maxage", "1.2.17", KUBE_APISERVER, LOW, AUDIT,
          "Audit log kept for less than 30 days",
          Judges.atLeast("audit-log-maxage", 30, 0),
          "--audit-log-maxage (default 0: old files are not removed by age, but other limits may remove them"
              + " early) should keep at least 30 days of audit files for investigations.",
          "Set --audit-log-maxage=30 or more."),
      of("api-server-audit-log-maxbackup", "1.2.18", KUBE_APISERVER, LOW, AUDIT,
          "Fewer than 10 audit log files kept",
          Judges.atLeast("audit-log-maxbackup", 10, 0),
          "--audit-log-maxbackup (default 0: no limit by count) should keep at least 10 rotated audit files.",
          "Set --audit-log-maxbackup=10 or more."),
      of("api-server-audit-log-maxsize", "1.2.19", KUBE_APISERVER, LOW, AUDIT,
          "Audit log rotated below 100 MB",
          Judges.atLeast("audit-log-maxsize", 100, 0),
          "--audit-log-maxsize (default 0: never rotated) should rotate files at 100 MB or more.",
          "Set --audit-log-maxsize=100 or more."),
      of("api-server-request-timeout", "1.2.20", KUBE_APISERVER, LOW, API_SERVER,
          "API server request timeout extreme",
          Judges.durationWithin("request-timeout", 15, 300,
              "keep --request-timeout between 15s and 5m (default 1m0s)"),
          "--request-timeout (default 1m0s) bounds non-watch requests. Above five minutes, slow clients hold"
              + " connections and memory and ease denial of service; below fifteen seconds, large lists fail."
              + " The benchmark leaves the value to judgement; Kubeward reports values outside 15s to 5m.",
          "Keep --request-timeout between 15s and 5m, or leave it at its default."),
      of("api-server-service-account-lookup", "1.2.21", KUBE_APISERVER, MEDIUM, API_SERVER,
          "Service account tokens not checked against etcd",
          Judges.bool("service-account-lookup", true, true),
          "With --service-account-lookup=false (default true) the API server accepts legacy service account"
              + " tokens without checking that the ServiceAccount and Secret still exist, so deleted tokens keep"
              + " working.",
          "Set --service-account-lookup=true or remove the flag."),
      of("api-server-service-account-key-file", "1.2.22", KUBE_APISERVER, LOW, API_SERVER,
          "Service account verification key not set",
          Judges.set("service-account-key-file", "service account tokens are verified with the TLS serving key",
              "set --service-account-key-file to the public key of the token signing key"),
          "Without --service-account-key-file the API server verifies service account tokens with its TLS"
              + " private key, which cannot be rotated separately from the serving certificate.",
          "Set --service-account-key-file to the public key matching --service-account-signing-key-file."),
      of("api-server-etcd-client-cert", "1.2.23", KUBE_APISERVER, HIGH, Topic.ETCD,
          "API server has no client certificate for etcd",
          Judges.allSet("etcd-certfile", "etcd-keyfile"),
          "Without --etcd-certfile and --etcd-keyfile the API server reaches etcd without a client certificate:"
              + " etcd must then accept unauthenticated clients, and anyone who reaches etcd reads every Secret.",
          "Set --etcd-certfile and --etcd-keyfile, and --client-cert-auth=true on etcd."),
      of("api-server-tls-cert", "1.2.24", KUBE_APISERVER, MEDIUM, API_SERVER,
          "API server serves a self-signed certificate",
          Judges.allSet("tls-cert-file", "tls-private-key-file"),
          "Without --tls-cert-file and --tls-private-key-file the API server generates a self-signed"
              + " certificate that clients cannot verify.",
          "Set --tls-cert-file and --tls-private-key-file to a certificate signed by the cluster CA."),
      of("api-server-client-ca-file", "1.2.25", KUBE_APISERVER, MEDIUM, API_SERVER,
          "API server does not verify client certificates",
          Judges.set("client-ca-file", "no client certificate is accepted",
              "set --client-ca-file to the cluster CA"),
          "Without --client-ca-file the API server authenticates no client certificate: kubelets and"
              + " controllers fall back to tokens, and certificate rotation cannot be used.",
          "Set --client-ca-file to the CA that signs client certificates."),
      of("api-server-etcd-cafile", "1.2.26", KUBE_APISERVER, MEDIUM, Topic.ETCD,
          "API server does not verify etcd's certificate",
          Judges.set("etcd-cafile", "etcd's serving certificate is checked against the system roots only",
              "set --etcd-cafile to etcd's CA"),
          "Without --etcd-cafile the API server does not pin etcd's CA: a host impersonating etcd with any"
              + " publicly trusted certificate receives every object, Secrets included.",
          "Set --etcd-cafile to the CA of etcd's serving certificates."),
      of("api-server-encryption-provider-config", "1.2.27", KUBE_APISERVER, MEDIUM, SECRETS,
          "Secrets stored in etcd unencrypted",
          ApiServerChecks::encryption,
          "Without --encryption-provider-config (no default) Secrets are written to etcd and its backups in"
              + " clear text. Whether the file's providers really encrypt is judged by the encryption rules.",
          "Set --encryption-provider-config to an EncryptionConfiguration whose first provider is kms v2,"
              + " aescbc, aesgcm or secretbox."),
      of("api-server-tls-cipher-suites", "1.2.29", KUBE_APISERVER, LOW, API_SERVER,
          "API server allows weak TLS cipher suites",
          Judges.onlyItems("tls-cipher-suites", STRONG_SUITES, GO_DEFAULT_SUITES),
          "CIS 1.12 allows only TLS 1.3 suites and ECDHE suites with AES-GCM or ChaCha20-Poly1305; without"
              + " --tls-cipher-suites Go's defaults apply, which include CBC suites with SHA-1. CIS 1.10 and"
              + " 1.11 also allowed four ECDHE CBC suites, CIS 1.9 RSA key exchange and 3DES.",
          "Set --tls-cipher-suites to TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,"
              + " TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,"
              + " TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 and TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256."),
      of("api-server-extend-token-expiration", "1.2.30", KUBE_APISERVER, LOW, API_SERVER,
          "Service account tokens extended to a year",
          Judges.bool("service-account-extend-token-expiration", false, true),
          "With --service-account-extend-token-expiration (default true) projected tokens are issued for a"
              + " year instead of the hour asked for, to ease the migration to bound tokens: a stolen token"
              + " works that long. The recommendation came with CIS 1.11.",
          "Set --service-account-extend-token-expiration=false."),
      // ---- beyond the benchmark ----
      of("api-server-anonymous-always-allow", null, KUBE_APISERVER, CRITICAL, API_SERVER,
          "API server allows anonymous requests everything",
          ApiServerChecks::anonymousAlwaysAllow,
          "Anonymous requests (--anonymous-auth, default true) with the AlwaysAllow authorizer (the default"
              + " --authorization-mode) give anyone who reaches the API server's port full control of the"
              + " cluster, without any credential.",
          "Set --anonymous-auth=false and --authorization-mode=Node,RBAC."),
      of("api-server-etcd-plaintext", null, KUBE_APISERVER, HIGH, Topic.ETCD,
          "API server reaches etcd over plain HTTP",
          Judges.plaintextUrls("etcd-servers"),
          "An http:// URL in --etcd-servers on an address other than loopback carries every object the API"
              + " server stores, Secrets included, in clear text, and authenticates neither side, whatever"
              + " --etcd-cafile, --etcd-certfile and --etcd-keyfile say.",
          "Use https:// URLs in --etcd-servers, with --etcd-cafile, --etcd-certfile and --etcd-keyfile."),
      of("api-server-removed-flag", null, KUBE_APISERVER, HIGH, API_SERVER,
          "API server uses a removed insecure flag",
          ApiServerChecks::removedFlags,
          "Old releases served an unauthenticated, unauthorized HTTP port (--insecure-port, default 8080 before"
              + " v1.20, on --insecure-bind-address), read static passwords (--basic-auth-file, removed in"
              + " v1.19) and could call kubelets over HTTP (--kubelet-https=false, removed in v1.22). On the"
              + " version in effect such a flag is either insecure or, once removed, keeps the API server from"
              + " starting.",
          "Set --insecure-port=0 on releases before v1.20; remove --basic-auth-file and --kubelet-https; remove"
              + " --insecure-port and --insecure-bind-address from v1.24."));

  private static final FlagCheck.Judge ANONYMOUS_AUTH = Judges.bool("anonymous-auth", false, true);

  private static List<Verdict> anonymousAuth(ComponentFlags f, KubeVersions.Applied v) {
    String file = f.text("authentication-config");
    if (file != null && !file.isEmpty() && !f.isSet("anonymous-auth")) {
      return List.of();
    }
    return ANONYMOUS_AUTH.judge(f, v);
  }

  private static List<Verdict> encryption(ComponentFlags f, KubeVersions.Applied v) {
    String file = f.text("encryption-provider-config");
    if (file != null && !file.isEmpty()) {
      return List.of();
    }
    String old = f.text("experimental-encryption-provider-config");
    if (old != null && !old.isEmpty() && v.version().isBefore(14)) {
      return List.of();
    }
    return Verdict.of(f.missingAt(), f.subject() + " runs without --encryption-provider-config, so Secrets are"
        + " stored in etcd unencrypted (" + v.describe() + "); set --encryption-provider-config");
  }

  private static List<Verdict> anonymousAlwaysAllow(ComponentFlags f, KubeVersions.Applied v) {
    if (Judges.authorizationFromFile(f) || !Judges.modes(f).contains("AlwaysAllow")) {
      return List.of();
    }
    if (f.text("authentication-config") != null) {
      return List.of(); // anonymous access is then decided by the AuthenticationConfiguration
    }
    boolean anonymous = f.isSet("anonymous-auth") ? Go.bool(f.text("anonymous-auth")) == Boolean.TRUE : true;
    if (!anonymous) {
      return List.of();
    }
    String auth = f.isSet("anonymous-auth") ? "--anonymous-auth=" + f.text("anonymous-auth")
        : "--anonymous-auth defaulting to true";
    String modes = f.isSet("authorization-mode") ? "--authorization-mode=" + f.text("authorization-mode")
        : "--authorization-mode defaulting to AlwaysAllow";
    var at = f.isSet("authorization-mode") ? f.nodeOf("authorization-mode", "AlwaysAllow")
        : f.isSet("anonymous-auth") ? f.node("anonymous-auth") : f.missingAt();
    return Verdict.of(at, f.subject() + " runs with " + auth + " and " + modes + " (" + v.describe()
        + "): any request without credentials may do anything; set --anonymous-auth=false and"
        + " --authorization-mode=Node,RBAC");
  }

  private static List<Verdict> removedFlags(ComponentFlags f, KubeVersions.Applied v) {
    int minor = v.version().minor();
    List<Verdict> out = null;
    String port = f.text("insecure-port");
    if (minor < 20) {
      if (port == null) {
        out = add(out, f.missingAt(), f.subject() + " runs without --insecure-port, whose default is 8080 ("
            + v.describe() + "): plain HTTP without authentication or authorization on "
            + (f.text("insecure-bind-address") == null ? "127.0.0.1" : f.text("insecure-bind-address"))
            + "; set --insecure-port=0", null);
      } else if (!port.equals("0")) {
        out = add(out, f.node("insecure-port"), Judges.with(f, "insecure-port") + " (" + v.describe()
            + "): plain HTTP without authentication or authorization; set --insecure-port=0", null);
      }
    } else if (port != null && (minor >= 24 || !port.equals("0"))) {
      out = add(out, f.node("insecure-port"), Judges.with(f, "insecure-port") + ", which "
          + (minor >= 24 ? "was removed in v1.24" : "may only be 0 since v1.20") + " (" + v.describe()
          + "): the API server does not start; remove it", Severity.LOW);
    }
    if (minor >= 24 && f.isSet("insecure-bind-address")) {
      out = add(out, f.node("insecure-bind-address"), Judges.with(f, "insecure-bind-address")
          + ", which was removed in v1.24 (" + v.describe() + "): the API server does not start; remove it",
          Severity.LOW);
    }
    if (f.isSet("basic-auth-file")) {
      out = minor < 19
          ? add(out, f.node("basic-auth-file"), Judges.with(f, "basic-auth-file") + " (" + v.describe()
              + "): static passwords in a file, sent with every request; remove it", null)
          : add(out, f.node("basic-auth-file"), Judges.with(f, "basic-auth-file") + ", which was removed in v1.19 ("
              + v.describe() + "): the API server does not start; remove it", Severity.LOW);
    }
    if (f.isSet("kubelet-https")) {
      if (minor >= 22) {
        out = add(out, f.node("kubelet-https"), Judges.with(f, "kubelet-https") + ", which was removed in v1.22 ("
            + v.describe() + "): the API server does not start; remove it", Severity.LOW);
      } else if (Go.bool(f.text("kubelet-https")) == Boolean.FALSE) {
        out = add(out, f.node("kubelet-https"), Judges.with(f, "kubelet-https") + " (" + v.describe()
            + "): the API server calls kubelets over plain HTTP; remove it", null);
      }
    }
    return out == null ? List.of() : out;
  }

  private static List<Verdict> add(List<Verdict> out, dev.kubeward.model.Node at, String message, Severity severity) {
    List<Verdict> list = out == null ? new ArrayList<>() : out;
    list.add(new Verdict(at, message, severity));
    return list;
  }
}
