/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.assertj.QuietPath;
import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.ScanSettings;
import dev.kubeward.rules.workload.WorkloadRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evaluating every check on a compliant pod, at three levels and versions, allocates nothing
 * ({@link QuietPath} counts the bytes this thread allocates, not time).
 */
class PodSecurityAllocationTest {

  private static final String COMPLIANT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          metadata:
            annotations:
              container.apparmor.security.beta.kubernetes.io/app: runtime/default
              seccomp.security.alpha.kubernetes.io/pod: runtime/default
          spec:
            securityContext:
              runAsNonRoot: true
              runAsUser: 1000
              seccompProfile: {type: RuntimeDefault}
              seLinuxOptions: {type: container_t}
              sysctls: [{name: net.ipv4.tcp_syncookies, value: "1"}]
            initContainers:
              - name: init
                image: busybox:1.36
                securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
            containers:
              - name: app
                image: nginx:1.25
                ports: [{containerPort: 8080}]
                livenessProbe: {httpGet: {port: 8080, path: /healthz}}
                lifecycle: {preStop: {sleep: {seconds: 5}}}
                securityContext:
                  allowPrivilegeEscalation: false
                  privileged: false
                  procMount: Default
                  appArmorProfile: {type: RuntimeDefault}
                  capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
            volumes:
              - {name: config, configMap: {name: web}}
              - {name: tmp, emptyDir: {}}
      """;

  @Test
  void aCompliantPodCostsNoAllocation() {
    List<Rule> rules = new ArrayList<>();
    for (Rule r : new WorkloadRules().rules()) {
      if (r instanceof PssRule) {
        rules.add(r);
      }
    }
    assertThat(rules).hasSizeGreaterThan(15);
    QuietPath.of(rules)
        .under(ScanSettings.of(PssLevel.RESTRICTED, PssVersion.LATEST),
            ScanSettings.of(PssLevel.RESTRICTED, PssVersion.of(18)),
            ScanSettings.of(PssLevel.BASELINE, PssVersion.LATEST))
        .assertAllocatesNothingOn("web.yaml", COMPLIANT);
  }
}
