/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.assertj.QuietPath;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-resource rules of this module (all but the Pod Security Standards ones, which live in
 * their own package) report nothing on a hardened Deployment, a ConfigMap and a Secret without
 * committed values, a PodDisruptionBudget with a policy, a CronJob of the same pod template, and allocate nothing while checking them: the thread's allocated-bytes counter
 * does not grow over many evaluations ({@link QuietPath}). Not a timing test.
 */
class QuietPathAllocationTest {

  private static final String DEPLOYMENT = String.join("\n",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: web, namespace: shop}",
      "spec:",
      "  replicas: 3",
      "  selector: {matchLabels: {app: web}}",
      "  template:",
      "    metadata: {labels: {app: web}}",
      "    spec:",
      "      serviceAccountName: web",
      "      priorityClassName: shop-critical",
      "      topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname,"
          + " whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}]",
      "      automountServiceAccountToken: false",
      "      securityContext: {runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001,"
          + " seccompProfile: {type: RuntimeDefault}, appArmorProfile: {type: RuntimeDefault}}",
      "      initContainers:",
      "        - name: migrate",
      "          image: registry.example.com/shop/migrate:4.17@sha256:"
          + "0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
      "          imagePullPolicy: Always",
      "          resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi,"
          + " ephemeral-storage: 64Mi}}",
      "          securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false,"
          + " privileged: false, capabilities: {drop: [ALL]}}",
      "      containers:",
      "        - name: web",
      "          image: registry.example.com/shop/web:1.4.2@sha256:"
          + "9b2e4c6d8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c",
      "          imagePullPolicy: Always",
      "          env:",
      "            - {name: LOG_LEVEL, value: info}",
      "            - {name: DB_PASSWORD_FILE, value: /run/secrets/db/password}",
      "            - {name: TOKEN_TTL, value: \"3600\"}",
      "          ports: [{name: http, containerPort: 8080}]",
      "          resources: {requests: {cpu: \"1\", memory: 512Mi, ephemeral-storage: 1Gi},"
          + " limits: {cpu: 1000m, memory: 0.5Gi, ephemeral-storage: 2Gi}}",
      "          livenessProbe: {httpGet: {path: /healthz, port: 8080}}",
      "          readinessProbe: {httpGet: {path: /ready, port: 8080}}",
      "          securityContext:",
      "            readOnlyRootFilesystem: true",
      "            allowPrivilegeEscalation: false",
      "            privileged: false",
      "            capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}",
      "          volumeMounts: [{name: tmp, mountPath: /tmp}, {name: db, mountPath: /run/secrets/db},"
          + " {name: tz, mountPath: /etc/localtime, readOnly: true}]",
      "      volumes:",
      "        - {name: tmp, emptyDir: {}}",
      "        - {name: db, secret: {secretName: db}}",
      "        - {name: tz, hostPath: {path: /etc/localtime, type: File}}",
      "      tolerations: [{key: dedicated, operator: Equal, value: shop, effect: NoSchedule}]",
      "");

  /**
   * What the rules of ConfigMaps, Secrets and PodDisruptionBudgets look at, with nothing to report; two
   * ConfigMap values hold documents (one a JSON string with escapes) that nothing in them makes worth parsing.
   */
  private static final String CONFIGURATION = String.join("\n",
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata: {name: web, namespace: shop}",
      "data:",
      "  LOG_LEVEL: info",
      "  password_file: /run/secrets/db/password",
      "  token_url: https://auth.example.com/token",
      "  dashboard.json: '{\"expr\": \"sum(rate(http_requests_total{job=\\\"api\\\"}[5m]))\", \"legend\": \"pod\\ncontainer\"}'",
      "  app.yaml: |",
      "    server:",
      "      port: 8080",
      "      logLevel: info",
      "---",
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      "  name: web-token",
      "  namespace: shop",
      "  annotations: {kubernetes.io/service-account.name: web}",
      "type: kubernetes.io/service-account-token",
      "---",
      "apiVersion: policy/v1",
      "kind: PodDisruptionBudget",
      "metadata: {name: web, namespace: shop}",
      "spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}",
      "");

  /** The hardened pod template of {@link #DEPLOYMENT} run nightly, one run at a time, with a deadline. */
  private static final String CRON_JOB = String.join("\n",
      "apiVersion: batch/v1",
      "kind: CronJob",
      "metadata: {name: nightly, namespace: shop}",
      "spec:",
      "  schedule: \"0 3 * * *\"",
      "  startingDeadlineSeconds: 600",
      "  concurrencyPolicy: Forbid",
      "  jobTemplate:",
      "    spec:",
      "") + DEPLOYMENT.substring(DEPLOYMENT.indexOf("  template:")).replaceAll("(?m)^(?=.)", "    ")
      .replace("        spec:\n", "        spec:\n          restartPolicy: OnFailure\n");

  @Test
  void hardenedDeploymentIsQuietAndAllocatesNothing() {
    List<Rule> rules = quietPathRules();
    assertThat(rules).hasSizeGreaterThan(15);
    QuietPath.of(rules).assertAllocatesNothingOn("web.yaml", DEPLOYMENT + "---\n" + CONFIGURATION + "---\n" + CRON_JOB);
  }

  /**
   * The cross-resource rules of the module allocate nothing per workload that passes: over an
   * inventory four times larger, a check allocates no more (what a check allocates whatever the
   * size, such as an iterator, is not held against it).
   */
  @Test
  void crossResourceRulesAllocateNothingPerQuietWorkload() {
    List<Rule> rules = new ArrayList<>();
    for (Rule rule : new WorkloadRules().rules()) {
      if (rule instanceof InventoryRule) {
        rules.add(rule);
      }
    }
    assertThat(rules).extracting(r -> r.metadata().id()).contains("low-replica-count", "pod-disruption-budget-missing",
        "automount-service-account-token", "pod-security-admission", "readiness-probe-missing",
        "deployment-rollout-unbounded", "stateful-set-headless-service-missing");
    QuietPath.of(rules).assertAllocatesNothingPerQuietResource(QuietPathAllocationTest::shop);
  }

  /** {@code n} hardened Deployments with labels, their PodDisruptionBudget, ServiceAccount and Service. */
  private static List<Resource> shop(int n) {
    StringBuilder yaml = new StringBuilder(String.join("\n",
        "apiVersion: policy/v1",
        "kind: PodDisruptionBudget",
        "metadata: {name: web, namespace: shop}",
        "spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}",
        "---",
        "apiVersion: v1",
        "kind: ServiceAccount",
        "metadata: {name: web, namespace: shop}",
        "automountServiceAccountToken: false",
        "---",
        "apiVersion: v1",
        "kind: Service",
        "metadata: {name: web, namespace: shop}",
        "spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}",
        ""));
    String labelled = DEPLOYMENT;
    for (int i = 0; i < n; i++) {
      yaml.append("---\n").append(labelled.replace("name: web, namespace", "name: web-" + i + ", namespace"));
    }
    LoadResult loaded = Loader.defaults().loadString("shop.yaml", yaml.toString());
    assertThat(loaded.errors()).isEmpty();
    assertThat(loaded.resources()).hasSize(n + 3);
    return loaded.resources();
  }

  /** Every per-resource rule of the module but the Pod Security Standards ones, the registry list set. */
  private static List<Rule> quietPathRules() {
    List<Rule> out = new ArrayList<>();
    for (Rule rule : new WorkloadRules().rules()) {
      if (!(rule instanceof ResourceRule) || rule.getClass().getPackageName().endsWith(".podsecurity")) {
        continue;
      }
      Map<String, Object> values = rule.metadata().id().equals("image-registry-not-allowed")
          ? Map.of("allowedRegistries", List.of("docker.io/library", "registry.example.com/shop"))
          : Map.of();
      out.add(rule.configure(Parameters.bind(rule.metadata().id(), rule.metadata().parameters(), values)));
    }
    return out;
  }
}
