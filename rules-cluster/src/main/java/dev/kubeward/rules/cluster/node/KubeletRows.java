/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.node;

import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rule.Severity;
import dev.kubeward.rules.cluster.node.KubeletSetting.Judge;
import dev.kubeward.rules.cluster.node.KubeletSetting.Row;
import dev.kubeward.rules.cluster.node.KubeletSetting.Verdict;
import dev.kubeward.rules.cluster.node.KubeletSetup.Kind;
import dev.kubeward.rules.cluster.node.KubeletSetup.Setting;
import dev.kubeward.rules.cluster.node.KubeletSetup.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The table of kubelet settings: field, flag, CIS control, the configuration file's and the flag's
 * defaults (from kubernetes/kubernetes {@code pkg/kubelet/apis/config/v1beta1/defaults.go} and the
 * legacy flag defaults of {@code cmd/kubelet/app/options/options.go}), the check and the texts.
 */
final class KubeletRows {

  private KubeletRows() {}

  /**
   * The cipher suites the CIS Kubernetes Benchmark 1.12 accepts (4.2.12), with Go's
   * {@code _SHA256} spellings of the ChaCha20 suites and the TLS 1.3 suites.
   */
  static final Set<String> STRONG_CIPHER_SUITES = Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_RSA_WITH_AES_256_GCM_SHA384");

  /** The swap behaviours that let pods use swap. */
  private static final Set<String> SWAPPING = Set.of("LimitedSwap", "UnlimitedSwap");

  private static Setting setting(String field, String flag, Kind kind) {
    return new Setting(field, flag, null, kind);
  }

  private static final Judge IS_TRUE = v -> GoText.isTrue(v.text()) ? "" : null;
  private static final Judge IS_FALSE = v -> GoText.isFalse(v.text()) ? "" : null;
  private static final Judge IS_EMPTY = v -> v.text() == null || v.text().trim().isEmpty() ? "" : null;

  /** The first item of a list value that a row objects to (a weak suite, any unsafe sysctl). */
  static String firstOffending(Value v) {
    for (String item : v.items()) {
      if (!STRONG_CIPHER_SUITES.contains(item)) {
        return item;
      }
    }
    return v.items().get(0);
  }

  private static final Setting TLS_CERT = setting("tlsCertFile", "tls-cert-file", Kind.STRING);
  private static final Setting TLS_KEY = setting("tlsPrivateKeyFile", "tls-private-key-file", Kind.STRING);
  private static final Setting SERVER_TLS_BOOTSTRAP = setting("serverTLSBootstrap", "rotate-server-certificates",
      Kind.BOOL);
  private static final Setting FAIL_SWAP_ON = setting("failSwapOn", "fail-swap-on", Kind.BOOL);
  private static final Setting SWAP_BEHAVIOR = setting("memorySwap.swapBehavior", null, Kind.STRING);

  /** Without its own certificate and key, and without serverTLSBootstrap, the kubelet signs its own. */
  private static Verdict tlsFiles(KubeletSetup setup, KubeVersions.Applied version) {
    Value bootstrap = setup.resolve(SERVER_TLS_BOOTSTRAP, "false", "false");
    if (bootstrap == null || GoText.isTrue(bootstrap.text())) {
      return null;
    }
    for (Setting s : new Setting[] {TLS_CERT, TLS_KEY}) {
      Value v = setup.resolve(s, "", "");
      if (v != null && IS_EMPTY.judge(v) != null) {
        return new Verdict(v, v.node(), KubeletSetting.subject(s, v, null) + ", and "
            + KubeletSetting.also(SERVER_TLS_BOOTSTRAP, bootstrap, v)
            + ": the kubelet serves TLS with a self-signed certificate that no client can verify");
      }
    }
    return null;
  }

  /** Pods may swap only when the kubelet runs on a node with swap (failSwapOn false) and lets them. */
  private static Verdict swap(KubeletSetup setup, KubeVersions.Applied version) {
    Value behavior = setup.resolve(SWAP_BEHAVIOR, "", null);
    if (behavior == null || !SWAPPING.contains(behavior.text())) {
      return null;
    }
    Value failSwapOn = setup.resolve(FAIL_SWAP_ON, "true", "true");
    if (failSwapOn == null || !GoText.isFalse(failSwapOn.text())) {
      return null;
    }
    return new Verdict(behavior, behavior.node(), KubeletSetting.subject(SWAP_BEHAVIOR, behavior, null) + ", and "
        + KubeletSetting.also(FAIL_SWAP_ON, failSwapOn, behavior)
        + ": pod memory, Secrets included, can be written to the node's swap device");
  }

  static final List<Row> ROWS = List.of(
      new Row("kubelet-anonymous-auth", "Kubelet allows anonymous requests", Severity.HIGH, "cis-k8s:4.2.1",
          setting("authentication.anonymous.enabled", "anonymous-auth", Kind.BOOL), v -> "false", "true", IS_TRUE,
          "the kubelet serves anonymous requests as system:anonymous",
          "With anonymous requests allowed, anyone who reaches port 10250 is served as system:anonymous; with a"
              + " permissive authorizer that is remote code execution in every pod of the node. A configuration"
              + " file defaults to false, but the --anonymous-auth flag defaults to true.",
          "Set authentication.anonymous.enabled to false (or --anonymous-auth=false).", null),
      new Row("kubelet-authorization-always-allow", "Kubelet authorizes every request", Severity.HIGH,
          "cis-k8s:4.2.2", setting("authorization.mode", "authorization-mode", Kind.STRING), v -> "Webhook",
          "AlwaysAllow", v -> "AlwaysAllow".equals(v.text()) ? "" : null,
          "every caller that reaches the kubelet may exec into, read and delete its pods",
          "With AlwaysAllow the kubelet performs no authorization: any client it authenticates (every client"
              + " when anonymous requests are allowed) can run commands in the node's containers. A configuration"
              + " file defaults to Webhook, the --authorization-mode flag to AlwaysAllow.",
          "Set authorization.mode to Webhook (or --authorization-mode=Webhook).", null),
      new Row("kubelet-client-ca-file", "Kubelet does not verify client certificates", Severity.MEDIUM,
          "cis-k8s:4.2.3", setting("authentication.x509.clientCAFile", "client-ca-file", Kind.STRING), v -> "",
          "", IS_EMPTY, "the kubelet cannot authenticate clients by certificate, the API server included",
          "Without a client CA the kubelet accepts no client certificate, so the API server's own connections"
              + " cannot be authenticated and clients must fall back to tokens or anonymous access.",
          "Set authentication.x509.clientCAFile (or --client-ca-file) to the cluster's CA bundle.", null),
      new Row("kubelet-read-only-port", "Kubelet serves the unauthenticated read-only port", Severity.MEDIUM,
          "cis-k8s:4.2.4", setting("readOnlyPort", "read-only-port", Kind.INT), v -> "0", "10255",
          v -> GoText.integer(v.text(), 0) != 0 ? "" : null,
          "the kubelet serves pod specs, node details and metrics over plain HTTP without authentication",
          "The read-only port answers anyone without authentication or authorization, disclosing every pod"
              + " spec (environment values included) of the node. A configuration file defaults to 0 (off), the"
              + " --read-only-port flag to 10255.",
          "Set readOnlyPort to 0 (or --read-only-port=0).", null),
      new Row("kubelet-streaming-connection-idle-timeout", "Kubelet streaming connections never time out",
          Severity.LOW, "cis-k8s:4.2.5",
          setting("streamingConnectionIdleTimeout", "streaming-connection-idle-timeout", Kind.DURATION),
          v -> "4h0m0s", "4h0m0s", v -> GoText.isZeroDuration(v.text()) == 1 ? "" : null,
          "idle exec, attach and port-forward sessions are never closed",
          "A timeout of 0 keeps idle streaming sessions open for ever, exhausting connections and leaving"
              + " forgotten shells into containers open.",
          "Set streamingConnectionIdleTimeout (or --streaming-connection-idle-timeout) to a non-zero duration,"
              + " such as 5m.", null),
      new Row("kubelet-protect-kernel-defaults", "Kubelet may change kernel tunables", Severity.LOW, null,
          setting("protectKernelDefaults", "protect-kernel-defaults", Kind.BOOL), v -> "false", "false", IS_FALSE,
          "the kubelet changes kernel tunables that differ from its defaults instead of refusing to start",
          "Without protectKernelDefaults the kubelet silently rewrites kernel parameters that the node's"
              + " hardening set, instead of reporting the mismatch. Earlier versions of the CIS Kubernetes"
              + " Benchmark recommended it (4.2.6); version 1.12 no longer lists it.",
          "Set protectKernelDefaults to true (or --protect-kernel-defaults=true) and set the kernel parameters"
              + " the kubelet expects on the node.", null),
      new Row("kubelet-make-iptables-util-chains", "Kubelet does not manage its iptables chains", Severity.LOW,
          "cis-k8s:4.2.6", setting("makeIPTablesUtilChains", "make-iptables-util-chains", Kind.BOOL),
          v -> "true", "true", IS_FALSE, "the kubelet leaves its iptables utility chains unmanaged",
          "When the kubelet does not manage its iptables utility chains, the rules it and kube-proxy rely on can"
              + " drift out of step with the pods' network configuration.",
          "Remove makeIPTablesUtilChains: false (or set --make-iptables-util-chains=true).", null),
      new Row("kubelet-hostname-override", "Kubelet hostname is overridden", Severity.LOW, "cis-k8s:4.2.7",
          setting(null, "hostname-override", Kind.STRING), null, null,
          v -> v.text() != null && !v.text().trim().isEmpty() ? "" : null,
          "the node's name no longer matches its hostname, which breaks TLS between the API server and the kubelet",
          "Overriding the hostname makes the node name differ from the name in the kubelet's certificates, so"
              + " TLS verification between the API server and the kubelet fails or gets disabled.",
          "Remove --hostname-override and let the kubelet use the node's hostname.", null),
      new Row("kubelet-event-qps", "Kubelet event rate is unlimited", Severity.LOW, "cis-k8s:4.2.8",
          setting("eventRecordQPS", "event-qps", Kind.INT), v -> v.isAtLeast(27) ? "50" : "5", null,
          v -> GoText.integer(v.text(), -1) == 0 ? "" : null,
          "the kubelet creates events without a rate limit, which can flood the API server",
          "An eventRecordQPS of 0 removes the limit on the events the kubelet creates; a misbehaving pod can"
              + " then flood the API server and etcd with events (a denial of service), while a limit that is"
              + " too low drops security-relevant events.",
          "Set eventRecordQPS (or --event-qps) to a positive rate that captures the events needed, such as the"
              + " default 50.", null),
      new Row("kubelet-tls-cert-file", "Kubelet serves a self-signed certificate", Severity.MEDIUM, "cis-k8s:4.2.9",
          TLS_CERT, null, null, null, null,
          "Without its own serving certificate and key (and without serverTLSBootstrap) the kubelet generates a"
              + " self-signed certificate, so the API server cannot verify that it talks to the right kubelet.",
          "Set tlsCertFile and tlsPrivateKeyFile (or --tls-cert-file and --tls-private-key-file), or set"
              + " serverTLSBootstrap to true and approve the serving certificate requests.",
          KubeletRows::tlsFiles),
      new Row("kubelet-rotate-certificates", "Kubelet client certificate rotation is disabled", Severity.MEDIUM,
          "cis-k8s:4.2.10", setting("rotateCertificates", "rotate-certificates", Kind.BOOL), v -> "false", "false",
          IS_FALSE, "the kubelet's client certificate is not renewed before it expires",
          "Without rotation the kubelet's client certificate is long-lived, and the node drops out of the"
              + " cluster when it expires. A configuration file defaults to false.",
          "Set rotateCertificates to true (or --rotate-certificates=true).", null),
      new Row("kubelet-server-certificate-rotation", "Kubelet server certificate rotation is disabled",
          Severity.MEDIUM, "cis-k8s:4.2.11",
          new Setting("featureGates.RotateKubeletServerCertificate", "feature-gates",
              "RotateKubeletServerCertificate", Kind.BOOL), v -> "true", "true", IS_FALSE,
          "the kubelet cannot request and renew its serving certificate",
          "The RotateKubeletServerCertificate feature gate lets the kubelet request its serving certificate"
              + " from the cluster and renew it; disabling it leaves a static or self-signed certificate.",
          "Remove RotateKubeletServerCertificate: false from featureGates (or from --feature-gates).", null),
      new Row("kubelet-tls-cipher-suites", "Kubelet accepts weak TLS cipher suites", Severity.MEDIUM,
          "cis-k8s:4.2.12", setting("tlsCipherSuites", "tls-cipher-suites", Kind.LIST), null, null,
          KubeletRows::weakSuites, "the kubelet accepts weak TLS cipher suites",
          "Cipher suites with CBC mode, RC4, 3DES or without forward secrecy let an attacker on the network"
              + " weaken or decrypt the kubelet's TLS connections. Left unset, Go's defaults apply.",
          "List only strong cipher suites in tlsCipherSuites (or --tls-cipher-suites), such as"
              + " TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 and TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384.", null),
      new Row("kubelet-pod-pids-limit", "Kubelet does not limit processes per pod", Severity.LOW, "cis-k8s:4.2.13",
          setting("podPidsLimit", "pod-max-pids", Kind.INT), v -> "-1", "-1",
          v -> GoText.integer(v.text(), 1) <= 0 ? "" : null,
          "a pod can start processes until the node runs out of process IDs",
          "Without a per-pod limit one pod can exhaust the node's process IDs (a fork bomb) and starve every"
              + " other pod and the kubelet itself. The default -1 means no limit.",
          "Set podPidsLimit (or --pod-max-pids) to a positive limit, such as 4096.", null),
      new Row("kubelet-seccomp-default", "Kubelet does not apply RuntimeDefault seccomp by default", Severity.LOW,
          "cis-k8s:4.2.14", setting("seccompDefault", "seccomp-default", Kind.BOOL), v -> "false", "false",
          IS_FALSE, "containers without a seccomp profile run unconfined",
          "Without seccompDefault, a container that sets no seccomp profile runs Unconfined and may use every"
              + " system call, including those behind most container escapes.",
          "Set seccompDefault to true (or --seccomp-default=true).", null),
      new Row("kubelet-swap", "Kubelet lets pods use swap", Severity.MEDIUM, null, SWAP_BEHAVIOR, null, null, null,
          null,
          "When the kubelet runs on a node with swap (failSwapOn: false) and its swapBehavior lets pods swap,"
              + " memory pages of pods, Secrets and keys included, can be written to disk and outlive the pod.",
          "Keep failSwapOn true, or set memorySwap.swapBehavior to NoSwap.", KubeletRows::swap),
      new Row("kubelet-allowed-unsafe-sysctls", "Kubelet allows unsafe sysctls", Severity.MEDIUM, null,
          setting("allowedUnsafeSysctls", "allowed-unsafe-sysctls", Kind.LIST), null, null,
          v -> v.items().isEmpty() ? null : " (" + String.join(", ", v.items()) + ")",
          "pods may set sysctls that are not namespaced or affect other pods",
          "Unsafe sysctls are not isolated between pods, or can take the node's resources; allowing them lets"
              + " any pod the admission policy admits change kernel behaviour for its neighbours.",
          "Remove allowedUnsafeSysctls (or --allowed-unsafe-sysctls), or allow only the sysctls a dedicated node"
              + " pool needs.", null));

  /** The weak suites of a list value: their names in parentheses, or {@code null} when all are strong. */
  private static String weakSuites(Value v) {
    List<String> weak = new ArrayList<>();
    for (String item : v.items()) {
      if (!STRONG_CIPHER_SUITES.contains(item)) {
        weak.add(item);
      }
    }
    return weak.isEmpty() ? null : " (" + String.join(", ", weak) + ")";
  }
}
