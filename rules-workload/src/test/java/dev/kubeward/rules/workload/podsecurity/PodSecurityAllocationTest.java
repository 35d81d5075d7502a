package dev.kubeward.rules.workload.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kubeward.load.Loader;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.ScanSettings;
import dev.kubeward.rules.workload.WorkloadRules;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evaluating every check on a compliant pod allocates nothing. Counts bytes allocated by this
 * thread (not time), over many evaluations, so a single allocation per evaluation shows up as
 * hundreds of kilobytes.
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

  /** A context that must never be reported to and hands out prebuilt settings. */
  private static final class Silent implements Context {
    private final ScanSettings settings;

    Silent(ScanSettings settings) {
      this.settings = settings;
    }

    @Override
    public FindingBuilder finding(Resource resource, Node at) {
      fail("unexpected finding on " + resource.displayName());
      return null;
    }

    @Override
    public ScanSettings settings() {
      return settings;
    }
  }

  @Test
  void aCompliantPodCostsNoAllocation() {
    Resource resource = Loader.defaults().loadString("web.yaml", COMPLIANT).resources().get(0);
    List<PssRule> rules = new ArrayList<>();
    for (Rule r : new WorkloadRules().rules()) {
      if (r instanceof PssRule p) {
        rules.add(p);
      }
    }
    PssRule[] all = rules.toArray(new PssRule[0]);
    Context[] contexts = {
      new Silent(ScanSettings.of(PssLevel.RESTRICTED, PssVersion.LATEST)),
      new Silent(ScanSettings.of(PssLevel.RESTRICTED, PssVersion.of(18))),
      new Silent(ScanSettings.of(PssLevel.BASELINE, PssVersion.LATEST)),
    };
    int rounds = 20_000;
    run(all, resource, contexts, rounds);
    long before = allocatedBytes();
    run(all, resource, contexts, rounds);
    long allocated = allocatedBytes() - before;
    // 20 000 rounds x 3 settings x 19 rules: one allocation per evaluation would be megabytes.
    assertThat(allocated).as("bytes allocated by %d evaluations", rounds * contexts.length * all.length)
        .isLessThan(4096);
  }

  /**
   * Bytes allocated so far by this thread, through {@code com.sun.management.ThreadMXBean} (read
   * reflectively: the test runs inside the rules module, which does not read jdk.management).
   */
  private static long allocatedBytes() {
    try {
      Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
      Method method = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
      return (Long) method.invoke(bean);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("this JVM cannot count allocated bytes", e);
    }
  }

  private static void run(PssRule[] rules, Resource resource, Context[] contexts, int rounds) {
    for (int i = 0; i < rounds; i++) {
      for (Context context : contexts) {
        for (PssRule rule : rules) {
          rule.check(resource, context);
        }
      }
    }
  }
}
