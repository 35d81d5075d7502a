package dev.kubeward.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.ScanSettings;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-resource rules of this module (all but the Pod Security Standards ones, which live in
 * their own package) report nothing on a hardened Deployment and allocate nothing while checking it:
 * the thread's allocated-bytes counter does not grow over many evaluations. Not a timing test.
 */
class QuietPathAllocationTest {

  private static final String DEPLOYMENT = String.join("\n",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: web, namespace: shop}",
      "spec:",
      "  replicas: 3",
      "  template:",
      "    spec:",
      "      serviceAccountName: web",
      "      automountServiceAccountToken: false",
      "      securityContext: {runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001,"
          + " seccompProfile: {type: RuntimeDefault}}",
      "      initContainers:",
      "        - name: migrate",
      "          image: registry.example.com/shop/migrate:4.17@sha256:"
          + "0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
      "          imagePullPolicy: Always",
      "          resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}",
      "          securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false,"
          + " capabilities: {drop: [ALL]}}",
      "      containers:",
      "        - name: web",
      "          image: registry.example.com/shop/web:1.4.2@sha256:"
          + "9b2e4c6d8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c",
      "          imagePullPolicy: Always",
      "          env:",
      "            - {name: LOG_LEVEL, value: info}",
      "            - {name: DB_PASSWORD_FILE, value: /run/secrets/db/password}",
      "            - {name: TOKEN_TTL, value: \"3600\"}",
      "          resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {cpu: \"1\", memory: 512Mi}}",
      "          livenessProbe: {httpGet: {path: /healthz, port: 8080}}",
      "          readinessProbe: {httpGet: {path: /ready, port: 8080}}",
      "          securityContext:",
      "            readOnlyRootFilesystem: true",
      "            allowPrivilegeEscalation: false",
      "            capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}",
      "          volumeMounts: [{name: tmp, mountPath: /tmp}, {name: db, mountPath: /run/secrets/db}]",
      "      volumes:",
      "        - {name: tmp, emptyDir: {}}",
      "        - {name: db, secret: {secretName: db}}",
      "");

  @Test
  void hardenedDeploymentIsQuietAndAllocatesNothing() {
    LoadResult loaded = Loader.defaults().loadString("web.yaml", DEPLOYMENT);
    assertThat(loaded.errors()).isEmpty();
    Resource deployment = loaded.resources().get(0);
    ResourceRule[] rules = quietPathRules();
    Context context = new FailingContext();

    for (int i = 0; i < 20_000; i++) {
      checkAll(rules, deployment, context);
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    // The least of a few rounds, so that a one-off allocation elsewhere in the JVM (a class
    // initialised, a method recompiled) is not taken for the rules'.
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long overhead = measure(threads, thread, new ResourceRule[0], deployment, context);
      long allocated = measure(threads, thread, rules, deployment, context);
      least = Math.min(least, allocated - overhead);
    }

    assertThat(rules).hasSizeGreaterThan(15);
    assertThat(least).as("bytes allocated by %d evaluations of %d rules", 10_000, rules.length)
        .isLessThan(1_000);
  }

  /**
   * The cross-resource rules of the module allocate nothing per workload that passes: over an
   * inventory four times larger, a check allocates no more (what a check allocates whatever the
   * size, such as an iterator, is not held against it).
   */
  @Test
  void crossResourceRulesAllocateNothingPerQuietWorkload() {
    Inventory small = inventory(100);
    Inventory large = inventory(400);
    Context context = new FailingContext();
    List<InventoryRule> rules = new ArrayList<>();
    for (Rule rule : new WorkloadRules().rules()) {
      if (rule instanceof InventoryRule inventoryRule) {
        rules.add(inventoryRule);
      }
    }
    assertThat(rules).extracting(r -> r.metadata().id()).contains("low-replica-count", "pod-disruption-budget-missing",
        "automount-service-account-token", "pod-security-admission");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    for (InventoryRule rule : rules) {
      for (int i = 0; i < 3_000; i++) {
        rule.check(small, context);
        rule.check(large, context);
      }
      long perCheckSmall = Long.MAX_VALUE;
      long perCheckLarge = Long.MAX_VALUE;
      for (int round = 0; round < 5; round++) {
        perCheckSmall = Math.min(perCheckSmall, measure(threads, thread, rule, small, context));
        perCheckLarge = Math.min(perCheckLarge, measure(threads, thread, rule, large, context));
      }
      assertThat(perCheckLarge - perCheckSmall)
          .as("bytes %s allocates per check for 300 more quiet workloads", rule.metadata().id())
          .isLessThan(16);
    }
  }

  /** Bytes allocated per check of {@code rule}, averaged over 1,000 checks. */
  private static long measure(com.sun.management.ThreadMXBean threads, long thread, InventoryRule rule,
      Inventory inventory, Context context) {
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 1_000; i++) {
      rule.check(inventory, context);
    }
    return (threads.getThreadAllocatedBytes(thread) - before) / 1_000;
  }

  /** {@code n} hardened Deployments with labels, their PodDisruptionBudget and ServiceAccount. */
  private static Inventory inventory(int n) {
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
        ""));
    String labelled = DEPLOYMENT.replace("  template:\n", "  template:\n    metadata: {labels: {app: web}}\n");
    for (int i = 0; i < n; i++) {
      yaml.append("---\n").append(labelled.replace("name: web, namespace", "name: web-" + i + ", namespace"));
    }
    LoadResult loaded = Loader.defaults().loadString("shop.yaml", yaml.toString());
    assertThat(loaded.errors()).isEmpty();
    assertThat(loaded.resources()).hasSize(n + 2);
    return Inventory.of(loaded.resources());
  }

  private static long measure(com.sun.management.ThreadMXBean threads, long thread, ResourceRule[] rules,
      Resource deployment, Context context) {
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 10_000; i++) {
      checkAll(rules, deployment, context);
    }
    return threads.getThreadAllocatedBytes(thread) - before;
  }

  private static void checkAll(ResourceRule[] rules, Resource resource, Context context) {
    for (ResourceRule rule : rules) {
      rule.check(resource, context);
    }
  }

  /** Every per-resource rule of the module but the Pod Security Standards ones, the registry list set. */
  private static ResourceRule[] quietPathRules() {
    List<ResourceRule> out = new ArrayList<>();
    for (Rule rule : new WorkloadRules().rules()) {
      if (!(rule instanceof ResourceRule) || rule.getClass().getPackageName().endsWith(".podsecurity")) {
        continue;
      }
      Map<String, Object> values = rule.metadata().id().equals("image-registry-not-allowed")
          ? Map.of("allowedRegistries", List.of("docker.io/library", "registry.example.com/shop"))
          : Map.of();
      out.add((ResourceRule) rule.configure(Parameters.bind(rule.metadata().id(), rule.metadata().parameters(), values)));
    }
    return out.toArray(new ResourceRule[0]);
  }

  /** A context that fails the test on any finding. */
  private static final class FailingContext implements Context {
    @Override
    public FindingBuilder finding(Resource resource, Node at) {
      throw new AssertionError("unexpected finding on " + resource.displayName());
    }

    @Override
    public ScanSettings settings() {
      return ScanSettings.defaults();
    }
  }
}
