/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.model.Container;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlagTableTest {

  /**
   * Every flag the CIS Kubernetes Benchmark checks (sections 1.2-1.4, 2, 3.2, 4.2, 4.3), the
   * audit and encryption flags of the cluster configuration checks, and the Dashboard arguments
   * they read, with the type its component declares.
   */
  @ParameterizedTest(name = "{0} --{1}")
  @CsvSource({
      // kube-apiserver (CIS 1.2, 3.2; audit and encryption configuration)
      "kube-apiserver, anonymous-auth, BOOLEAN",
      "kube-apiserver, token-auth-file, STRING",
      "kube-apiserver, enable-admission-plugins, LIST",
      "kube-apiserver, disable-admission-plugins, LIST",
      "kube-apiserver, admission-control-config-file, STRING",
      "kube-apiserver, kubelet-client-certificate, STRING",
      "kube-apiserver, kubelet-client-key, STRING",
      "kube-apiserver, kubelet-certificate-authority, STRING",
      "kube-apiserver, authorization-mode, LIST",
      "kube-apiserver, authorization-config, STRING",
      "kube-apiserver, authentication-config, STRING",
      "kube-apiserver, profiling, BOOLEAN",
      "kube-apiserver, audit-log-path, STRING",
      "kube-apiserver, audit-log-maxage, INT",
      "kube-apiserver, audit-log-maxbackup, INT",
      "kube-apiserver, audit-log-maxsize, INT",
      "kube-apiserver, audit-log-mode, STRING",
      "kube-apiserver, audit-log-truncate-enabled, BOOLEAN",
      "kube-apiserver, audit-policy-file, STRING",
      "kube-apiserver, audit-webhook-config-file, STRING",
      "kube-apiserver, audit-webhook-mode, STRING",
      "kube-apiserver, request-timeout, DURATION",
      "kube-apiserver, service-account-lookup, BOOLEAN",
      "kube-apiserver, service-account-key-file, ARRAY",
      "kube-apiserver, service-account-extend-token-expiration, BOOLEAN",
      "kube-apiserver, etcd-certfile, STRING",
      "kube-apiserver, etcd-keyfile, STRING",
      "kube-apiserver, etcd-cafile, STRING",
      "kube-apiserver, tls-cert-file, STRING",
      "kube-apiserver, tls-private-key-file, STRING",
      "kube-apiserver, client-ca-file, STRING",
      "kube-apiserver, encryption-provider-config, STRING",
      "kube-apiserver, encryption-provider-config-automatic-reload, BOOLEAN",
      "kube-apiserver, tls-cipher-suites, LIST",
      "kube-apiserver, feature-gates, MAP",
      "kube-apiserver, runtime-config, MAP",
      // kube-controller-manager (CIS 1.3)
      "kube-controller-manager, terminated-pod-gc-threshold, INT",
      "kube-controller-manager, profiling, BOOLEAN",
      "kube-controller-manager, use-service-account-credentials, BOOLEAN",
      "kube-controller-manager, service-account-private-key-file, STRING",
      "kube-controller-manager, root-ca-file, STRING",
      "kube-controller-manager, feature-gates, MAP",
      "kube-controller-manager, bind-address, STRING",
      // kube-scheduler (CIS 1.4)
      "kube-scheduler, profiling, BOOLEAN",
      "kube-scheduler, bind-address, STRING",
      // etcd (CIS 2)
      "etcd, cert-file, STRING",
      "etcd, key-file, STRING",
      "etcd, client-cert-auth, BOOLEAN",
      "etcd, auto-tls, BOOLEAN",
      "etcd, peer-cert-file, STRING",
      "etcd, peer-key-file, STRING",
      "etcd, peer-client-cert-auth, BOOLEAN",
      "etcd, peer-auto-tls, BOOLEAN",
      "etcd, trusted-ca-file, STRING",
      "etcd, data-dir, STRING",
      "etcd, config-file, STRING",
      // kubelet (CIS 4.1, 4.2; KubeletConfiguration flags)
      "kubelet, anonymous-auth, BOOLEAN",
      "kubelet, authorization-mode, STRING",
      "kubelet, client-ca-file, STRING",
      "kubelet, read-only-port, INT",
      "kubelet, streaming-connection-idle-timeout, DURATION",
      "kubelet, make-iptables-util-chains, BOOLEAN",
      "kubelet, hostname-override, STRING",
      "kubelet, event-qps, INT",
      "kubelet, tls-cert-file, STRING",
      "kubelet, tls-private-key-file, STRING",
      "kubelet, rotate-certificates, BOOLEAN",
      "kubelet, feature-gates, MAP",
      "kubelet, tls-cipher-suites, LIST",
      "kubelet, pod-max-pids, INT",
      "kubelet, seccomp-default, BOOLEAN",
      "kubelet, authentication-token-webhook, BOOLEAN",
      "kubelet, protect-kernel-defaults, BOOLEAN",
      "kubelet, tls-min-version, STRING",
      "kubelet, port, INT",
      "kubelet, address, STRING",
      "kubelet, enable-debugging-handlers, BOOLEAN",
      "kubelet, allowed-unsafe-sysctls, LIST",
      "kubelet, pod-manifest-path, STRING",
      "kubelet, manifest-url, STRING",
      "kubelet, fail-swap-on, BOOLEAN",
      "kubelet, config, STRING",
      "kubelet, kubeconfig, STRING",
      "kubelet, cni-conf-dir, STRING",
      // kube-proxy (CIS 4.3)
      "kube-proxy, metrics-bind-address, STRING",
      "kube-proxy, kubeconfig, STRING",
      // Kubernetes Dashboard
      "kubernetes-dashboard, enable-skip-login, BOOLEAN",
      "kubernetes-dashboard, enable-insecure-login, BOOLEAN",
      "kubernetes-dashboard, disable-settings-authorizer, BOOLEAN",
      "kubernetes-dashboard, auto-generate-certificates, BOOLEAN",
      "kubernetes-dashboard, insecure-port, INT",
      "kubernetes-dashboard, insecure-bind-address, STRING",
      "kubernetes-dashboard, port, INT",
      "kubernetes-dashboard, bind-address, STRING",
      "kubernetes-dashboard, authentication-mode, LIST",
      "kubernetes-dashboard, token-ttl, INT",
      "kubernetes-dashboard, apiserver-host, STRING",
      "kubernetes-dashboard, disable-csrf-protection, BOOLEAN",
      "kubernetes-dashboard, apiserver-skip-tls-verify, BOOLEAN"
  })
  void builtInTablesKnowTheCheckedFlags(String component, String flag, FlagType type) {
    FlagTable table = FlagTable.builtIn().stream().filter(t -> t.component().equals(component)).findFirst().orElseThrow();

    assertThat(table.knows(flag)).isTrue();
    assertThat(table.typeOf(flag)).isEqualTo(type);
    assertThat(table.bareValue(flag)).isEqualTo(type == FlagType.BOOLEAN ? "true" : null);
  }

  @Test
  void anUnlistedFlagIsAString() {
    assertThat(FlagTable.KUBE_APISERVER.knows("made-up-flag")).isFalse();
    assertThat(FlagTable.KUBE_APISERVER.typeOf("made-up-flag")).isEqualTo(FlagType.STRING);
    assertThat(FlagTable.KUBE_APISERVER.bareValue("made-up-flag")).isNull();
  }

  @Test
  void namesAreNormalisedAsTheComponentDoes() {
    assertThat(FlagTable.KUBE_APISERVER.normalize("--anonymous_auth")).isEqualTo("anonymous-auth");
    assertThat(FlagTable.KUBE_APISERVER.knows("anonymous_auth")).isTrue();
    assertThat(FlagTable.ETCD.normalize("-client_cert_auth")).isEqualTo("client_cert_auth");
    assertThat(FlagTable.ETCD.knows("client_cert_auth")).isFalse();
    assertThat(FlagTable.DASHBOARD.normalize("--enable_skip_login")).isEqualTo("enable_skip_login");
  }

  @Test
  void eachTableReadsItsComponentsWay() {
    assertThat(FlagTable.builtIn()).extracting(FlagTable::component).containsExactly("kube-apiserver",
        "kube-controller-manager", "kube-scheduler", "kubelet", "kube-proxy", "etcd", "kubernetes-dashboard");
    assertThat(FlagTable.ETCD.syntax()).isEqualTo(FlagTable.Syntax.GO_FLAG);
    assertThat(FlagTable.ETCD.envPrefix()).isEqualTo("ETCD");
    assertThat(FlagTable.ETCD.configFileFlag()).isEqualTo("config-file");
    assertThat(FlagTable.KUBE_APISERVER.syntax()).isEqualTo(FlagTable.Syntax.PFLAG);
    assertThat(FlagTable.KUBE_APISERVER.envPrefix()).isNull();
    assertThat(FlagTable.KUBE_APISERVER.shorthand('v')).isEqualTo("v");
    assertThat(FlagTable.KUBE_APISERVER.shorthand('a')).isNull();
    assertThat(FlagTable.KUBE_APISERVER.bareValue("version")).isEqualTo("true");
    assertThat(FlagTable.KUBE_APISERVER.ignoresPositionalArguments()).isFalse();
    assertThat(FlagTable.DASHBOARD.ignoresPositionalArguments()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "'command: [kube-apiserver, --profiling=false]', kube-apiserver",
      "'command: [/usr/local/bin/kube-controller-manager]', kube-controller-manager",
      "'command: [/hyperkube, kube-scheduler]', kube-scheduler",
      "'command: [etcd]', etcd",
      "'image: registry.k8s.io/etcd:3.5.12-0\nargs: [--name=m1]', etcd",
      "'image: registry.k8s.io/kube-apiserver-amd64:v1.30.0@sha256:abc', kube-apiserver",
      "'image: localhost:5000/kube-proxy:v1.30.0', kube-proxy",
      "'image: kubernetesui/dashboard:v2.7.0', kubernetes-dashboard",
      "'command: [/bin/sh, -c, etcd --name x]', ''",
      "'image: quay.io/coreos/etcd-operator:v0.9.4', ''",
      "'command: [/entry, --data-dir, /var/lib/etcd]', ''"
  })
  void detectsTheComponentAContainerRuns(String body, String component) {
    Container c = Pods.container(body);

    FlagTable table = FlagTable.detect(c);
    assertThat(table == null ? "" : table.component()).isEqualTo(component);
  }

  @Test
  void aTableCanBeExtended() {
    FlagTable table = FlagTable.KUBE_APISERVER.toBuilder().flags(FlagType.BOOLEAN, "new-switch").build();

    assertThat(table.typeOf("new-switch")).isEqualTo(FlagType.BOOLEAN);
    assertThat(table.typeOf("anonymous-auth")).isEqualTo(FlagType.BOOLEAN);
    assertThat(FlagTable.KUBE_APISERVER.knows("new-switch")).isFalse();
    CommandLine cl = CommandLine.of(Pods.container("command: [kube-apiserver, --new-switch, extra]"), table);
    assertThat(cl.isCheckable()).isFalse();
    assertThat(cl.flag("new-switch").occurrences()).singleElement()
        .satisfies(o -> assertThat(o.value()).isEqualTo("true"));
  }

  @Test
  void badDeclarationsAreRefused() {
    FlagTable.Builder b = FlagTable.builder("x", FlagTable.Syntax.PFLAG);

    assertThatThrownBy(() -> b.flags(FlagType.STRING, "--x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a flag name must not be empty, start with a dash or hold '='");
    assertThatThrownBy(() -> b.flags(FlagType.STRING, "a_b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the component reads '_' as '-': declare the name with dashes");
    assertThatThrownBy(() -> FlagTable.builder("y", FlagTable.Syntax.GO_FLAG).shorthand('v', "v"))
        .isInstanceOf(IllegalStateException.class).hasMessage("only pflag has shorthands");
  }
}
