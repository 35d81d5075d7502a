/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rules.workload.WorkloadRules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exact wording of findings: upstream terms, the container, the value, the namespace label. */
class PodSecurityMessagesTest {

  private static List<String> messages(Set<String> rules, String version, String yaml) {
    Kubeward scanner = Kubeward.builder().rules(new WorkloadRules().rules()).profile(Profile.ALL)
        .pssVersion(PssVersion.parse(version)).onlyRules(rules).build();
    return scanner.scanString("test.yaml", yaml).findings().stream().map(Finding::message).toList();
  }

  private static final String BARE_DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          spec:
            containers:
              - name: app
                image: nginx:1.25
      """;

  @Test
  void missingRequiredFieldsNameTheContainerAndTheValueToSet() {
    assertThat(messages(Set.of("allow-privilege-escalation", "run-as-non-root", "seccomp-profile-restricted",
        "capabilities-restricted"), "latest", BARE_DEPLOYMENT)).containsExactly(
            "container \"app\" of Deployment shop/web does not set securityContext.allowPrivilegeEscalation: set it"
                + " to false",
            "container \"app\" of Deployment shop/web drops no capabilities: set securityContext.capabilities.drop"
                + " to [\"ALL\"]",
            "container \"app\" of Deployment shop/web does not set securityContext.runAsNonRoot: set it to true in"
                + " the pod's securityContext or in the container's",
            "pod or container \"app\" of Deployment shop/web must set securityContext.seccompProfile.type to"
                + " RuntimeDefault or Localhost");
  }

  @Test
  void messagesSayWhatToChangeWhereTheObviousFixIsWrong() {
    assertThat(messages(Set.of("allow-privilege-escalation", "run-as-non-root", "capabilities-restricted",
        "restricted-volumes"), "latest", """
        apiVersion: v1
        kind: Pod
        metadata: {name: db}
        spec:
          securityContext: {runAsUser: 1000}
          volumes: [{name: data, nfs: {server: nfs.example.com, path: /data}}]
          containers:
            - name: app
              image: nginx:1.25
              securityContext: {privileged: true, capabilities: {drop: [all]}}
        """)).containsExactlyInAnyOrder(
            "container \"app\" of Pod db does not set securityContext.allowPrivilegeEscalation: set it to false (the"
                + " API rejects it together with privileged: true, so remove privileged first)",
            "container \"app\" of Pod db drops \"all\", but Pod Security admission accepts only upper-case \"ALL\":"
                + " set securityContext.capabilities.drop to [\"ALL\"]",
            "volume \"data\" of Pod db uses nfs, which the restricted level does not allow: use configMap,"
                + " secret, emptyDir, projected, persistentVolumeClaim, csi or ephemeral instead",
            "container \"app\" of Pod db does not set securityContext.runAsNonRoot, which admission requires even"
                + " with runAsUser: 1000: set it to true in the pod's securityContext or in the container's");
  }

  @Test
  void forbiddenValuesAreQuotedAsTheyResolve() {
    assertThat(messages(Set.of("host-ports", "proc-mount", "run-as-user", "sysctls"), "v1.26", """
        apiVersion: v1
        kind: Pod
        metadata: {name: db}
        spec:
          securityContext:
            runAsUser: 0
            sysctls: [{name: net.ipv4.ip_local_reserved_ports, value: "8080"}]
          initContainers:
            - name: init
              image: busybox:1.36
              securityContext: {procMount: Unmasked}
              ports: [{containerPort: 9000, hostPort: 0x2328}]
        """)).containsExactly(
            "Pod db must not set securityContext.runAsUser=0",
            "Pod db must not set sysctl \"net.ipv4.ip_local_reserved_ports\" (not a safe sysctl at policy version"
                + " v1.26)",
            "init container \"init\" of Pod db must not set securityContext.procMount=\"Unmasked\""
                + " (allowed: Default)",
            "init container \"init\" of Pod db must not set ports[].hostPort=9000");
  }

  @Test
  void admissionFindingsNameTheNamespaceLabelAndWhatAdmissionDoes() {
    List<String> messages = messages(Set.of("pod-security-admission"), "latest", """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: baseline
            pod-security.kubernetes.io/enforce-version: v1.25
            pod-security.kubernetes.io/warn: restricted
            pod-security.kubernetes.io/audit: restricted
            pod-security.kubernetes.io/audit-version: v1.x
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          hostPID: true
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: app
              image: nginx:1.25
              securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, namespace: shop}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                  containers:
                    - name: job
                      image: busybox:1.36
                      securityContext:
                        privileged: true
                        allowPrivilegeEscalation: false
                        capabilities: {drop: [ALL]}
                        runAsUser: 0
        """);
    assertThat(messages).containsExactly(
        "Pod shop/web would be rejected by namespace shop (pod-security.kubernetes.io/enforce=baseline,"
            + " pod-security.kubernetes.io/enforce-version=v1.25): Pod shop/web must not set hostPID=true (it shares"
            + " the host's process namespace)",
        "CronJob shop/nightly is admitted but the Pods it creates would be rejected by namespace shop"
            + " (pod-security.kubernetes.io/enforce=baseline, pod-security.kubernetes.io/enforce-version=v1.25;"
            + " enforce applies to Pods only): container \"job\" of CronJob shop/nightly must not set"
            + " securityContext.privileged=true",
        "CronJob shop/nightly would be admitted by namespace shop with a warning"
            + " (pod-security.kubernetes.io/warn=restricted, latest version) and an audit annotation"
            + " (pod-security.kubernetes.io/audit=restricted, pod-security.kubernetes.io/audit-version=\"v1.x\" is"
            + " not a valid version, so latest): container \"job\" of CronJob shop/nightly must not set"
            + " securityContext.runAsUser=0");
  }

  @Test
  void anInvalidEnforceLevelIsEnforcedAsRestrictedAndSaysSo() {
    List<String> messages = messages(Set.of("pod-security-admission"), "latest", """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: {pod-security.kubernetes.io/enforce: Baseline}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: app
              image: nginx:1.25
              securityContext: {capabilities: {drop: [ALL]}}
        """);
    assertThat(messages).containsExactly(
        "Pod shop/web would be rejected by namespace shop (pod-security.kubernetes.io/enforce=\"Baseline\" is not a"
            + " valid level, so restricted, latest version): container \"app\" of Pod shop/web does not set"
            + " securityContext.allowPrivilegeEscalation: set it to false");
  }

  @Test
  void namespaceFindingsSayWhyNothingIsRejectedAndNameTheWorkloads() {
    List<String> messages = messages(Set.of("pod-security-admission"), "latest", """
        apiVersion: apiserver.config.k8s.io/v1
        kind: AdmissionConfiguration
        plugins:
          - name: PodSecurity
            configuration:
              apiVersion: pod-security.admission.config.k8s.io/v1
              kind: PodSecurityConfiguration
              defaults: {enforce: restricted}
              exemptions: {namespaces: [tools]}
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: {pod-security.kubernetes.io/enforce: baseline}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: tools}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            spec:
              containers: [{name: app, image: nginx:1.25}]
        """);
    assertThat(messages).containsExactly(
        "namespace shop enforces baseline (pod-security.kubernetes.io/enforce=baseline), weaker than the cluster"
            + " default restricted of AdmissionConfiguration in test.yaml (workload: Deployment shop/web)",
        "namespace tools is exempt from Pod Security Admission (exemptions.namespaces of AdmissionConfiguration in"
            + " test.yaml): its labels are ignored and its Pods admitted unchecked (no workload in the scan)");
  }

  @Test
  void anUnlabelledNamespaceSaysItRejectsNothing() {
    List<String> messages = messages(Set.of("pod-security-admission"), "latest", """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          containers: [{name: app, image: nginx:1.25}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: shop}
        spec:
          containers: [{name: db, image: postgres:16}]
        """);
    assertThat(messages).containsExactly("namespace shop sets no pod-security.kubernetes.io/enforce label, so Pod"
        + " Security Admission rejects no Pod there (workloads: Pod shop/web and Pod shop/db)");
  }
}
