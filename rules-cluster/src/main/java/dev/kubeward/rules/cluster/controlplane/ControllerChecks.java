/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import static dev.kubeward.rules.cluster.controlplane.Component.KUBE_CONTROLLER_MANAGER;
import static dev.kubeward.rules.cluster.controlplane.Component.KUBE_SCHEDULER;
import static dev.kubeward.rules.cluster.controlplane.FlagCheck.of;
import static dev.kubeward.rule.Severity.LOW;
import static dev.kubeward.rule.Severity.MEDIUM;
import static dev.kubeward.rule.Topic.API_SERVER;

import java.util.List;

/**
 * The kube-controller-manager and kube-scheduler tables: CIS Kubernetes Benchmark sections 1.3 and
 * 1.4. Defaults from kubernetes/kubernetes {@code cmd/kube-controller-manager/app/options},
 * {@code cmd/kube-scheduler/app/options} and {@code staging/src/k8s.io/apiserver/pkg/server/options}.
 */
final class ControllerChecks {

  private ControllerChecks() {}

  static final List<FlagCheck> ROWS = List.of(
      of("controller-manager-terminated-pod-gc-threshold", "1.3.1", KUBE_CONTROLLER_MANAGER, LOW, API_SERVER,
          "Terminated pod garbage collection threshold not set",
          Judges.set("terminated-pod-gc-threshold", "12500 terminated pods are kept before collection",
              "set --terminated-pod-gc-threshold to a value suited to the cluster"),
          "Terminated pods are kept until --terminated-pod-gc-threshold (default 12500) is reached; so many"
              + " objects cost etcd and the API server memory and keep exposed pod specs around.",
          "Set --terminated-pod-gc-threshold to a value suited to the cluster's size, such as 10."),
      of("controller-manager-profiling", "1.3.2", KUBE_CONTROLLER_MANAGER, LOW, API_SERVER,
          "Controller manager profiling enabled",
          Judges.bool("profiling", false, true),
          "--profiling (default true) serves /debug/pprof on the controller manager's port, revealing its"
              + " internals.",
          "Set --profiling=false."),
      of("controller-manager-service-account-credentials", "1.3.3", KUBE_CONTROLLER_MANAGER, MEDIUM, API_SERVER,
          "Controllers share the controller manager's credentials",
          Judges.bool("use-service-account-credentials", true, false),
          "With --use-service-account-credentials=false (the default) every controller acts with the"
              + " controller manager's own, very broad credentials; with true each runs as its own service"
              + " account with the least privileges its system:controller role grants.",
          "Set --use-service-account-credentials=true."),
      of("controller-manager-service-account-private-key-file", "1.3.4", KUBE_CONTROLLER_MANAGER, MEDIUM,
          API_SERVER, "Service account signing key not set",
          Judges.set("service-account-private-key-file", "no service account token Secret is signed",
              "set --service-account-private-key-file"),
          "Without --service-account-private-key-file the token controller signs no token, and the keys cannot"
              + " be rotated by pairing them with the API server's --service-account-key-file.",
          "Set --service-account-private-key-file to the key whose public half the API server verifies."),
      of("controller-manager-root-ca-file", "1.3.5", KUBE_CONTROLLER_MANAGER, LOW, API_SERVER,
          "Root CA not given to service account tokens",
          Judges.set("root-ca-file", "pods get no CA to verify the API server with",
              "set --root-ca-file to the cluster CA"),
          "Without --root-ca-file pods receive no ca.crt with their token and cannot verify the API server's"
              + " certificate, which invites insecure-skip-tls-verify.",
          "Set --root-ca-file to the cluster CA certificate."),
      of("controller-manager-rotate-kubelet-server-certificate", "1.3.6", KUBE_CONTROLLER_MANAGER, MEDIUM,
          API_SERVER, "Kubelet serving certificate rotation turned off",
          Judges.mapKeyNot("feature-gates", "RotateKubeletServerCertificate", false),
          "RotateKubeletServerCertificate=false in --feature-gates stops kubelet serving certificates from"
              + " being renewed through the API; expired or long-lived certificates follow.",
          "Remove RotateKubeletServerCertificate=false from --feature-gates."),
      of("controller-manager-bind-address", "1.3.7", KUBE_CONTROLLER_MANAGER, MEDIUM, API_SERVER,
          "Controller manager listens on every interface",
          Judges.loopback("bind-address", "0.0.0.0"),
          "--bind-address defaults to 0.0.0.0: the controller manager's secure port (10257) with its metrics,"
              + " health and, unless turned off, profiling endpoints is reachable from the network. The"
              + " benchmark passes an absent flag; Kubeward judges the default Kubernetes applies.",
          "Set --bind-address=127.0.0.1."),
      of("controller-manager-always-allow-paths", null, KUBE_CONTROLLER_MANAGER, MEDIUM, API_SERVER,
          "Controller manager serves paths without authorization",
          Judges.healthPathsOnly("authorization-always-allow-paths"),
          "--authorization-always-allow-paths (default /healthz, /readyz, /livez) lists the paths the"
              + " controller manager serves to anyone, without asking the API server; any other path there, such"
              + " as /metrics, /debug/pprof or /*, is open to every client that reaches the port.",
          "Keep --authorization-always-allow-paths to /healthz, /readyz and /livez."),
      of("scheduler-always-allow-paths", null, KUBE_SCHEDULER, MEDIUM, API_SERVER,
          "Scheduler serves paths without authorization",
          Judges.healthPathsOnly("authorization-always-allow-paths"),
          "--authorization-always-allow-paths (default /healthz, /readyz, /livez) lists the paths the"
              + " scheduler serves to anyone, without asking the API server; any other path there, such as"
              + " /metrics, /debug/pprof or /*, is open to every client that reaches the port.",
          "Keep --authorization-always-allow-paths to /healthz, /readyz and /livez."),
      of("scheduler-profiling", "1.4.1", KUBE_SCHEDULER, LOW, API_SERVER,
          "Scheduler profiling enabled",
          Judges.bool("profiling", false, true),
          "--profiling (default true) serves /debug/pprof on the scheduler's port, revealing its internals.",
          "Set --profiling=false."),
      of("scheduler-bind-address", "1.4.2", KUBE_SCHEDULER, MEDIUM, API_SERVER,
          "Scheduler listens on every interface",
          Judges.loopback("bind-address", "0.0.0.0"),
          "--bind-address defaults to 0.0.0.0: the scheduler's secure port (10259) with its metrics, health and,"
              + " unless turned off, profiling endpoints is reachable from the network. The benchmark passes an"
              + " absent flag; Kubeward judges the default Kubernetes applies.",
          "Set --bind-address=127.0.0.1."));
}
