/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kubeward.engine.Configuration;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.model.WorkloadKinds;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rule.Severity;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin declares a pod template carrier through {@link RuleProvider#workloadKinds()}; a scanner
 * that discovers the plugin then runs every workload rule, of any module, on that kind.
 */
class ProviderCarriersTest {

  /** A plugin with no rules of its own that teaches Kubeward where a PyTorchJob keeps its pod. */
  public static final class PyTorchJobProvider implements RuleProvider {
    @Override
    public List<Rule> rules() {
      return List.of();
    }

    @Override
    public List<WorkloadKinds.Carrier> workloadKinds() {
      return List.of(WorkloadKinds.Carrier.of("kubeflow.org", "PyTorchJob", "spec.pytorchReplicaSpecs.Master.template"));
    }
  }

  private static final String JOB = String.join("\n",
      "# A PyTorchJob whose master pod runs privileged.",
      "apiVersion: kubeflow.org/v1",
      "kind: PyTorchJob",
      "metadata:",
      "  name: fire-train",
      "  namespace: ml",
      "spec:",
      "  pytorchReplicaSpecs:",
      "    Master:",
      "      replicas: 1",
      "      template:",
      "        spec:",
      "          containers:",
      "            - name: pytorch",
      "              image: pytorch/pytorch:2.3.0",
      "              securityContext:",
      "                privileged: true",
      "                readOnlyRootFilesystem: true",
      "");

  private static final Set<String> RULES = Set.of("privileged-container", "writable-root-filesystem");

  @Test
  void discoveredProviderCarriersMakeWorkloadRulesApply(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = withProvider(dir, PyTorchJobProvider.class)) {
      Kubeward scanner = Kubeward.builder().classLoader(loader).onlyRules(RULES).build();

      ScanReport report = scanner.scanString("train.yaml", JOB);

      assertThat(report.errors()).isEmpty();
      assertThat(report.findings())
          .extracting(Finding::rule, Finding::severity, Finding::path)
          .containsExactly(tuple("privileged-container", Severity.HIGH,
              "/spec/pytorchReplicaSpecs/Master/template/spec/containers/0/securityContext/privileged"));
      assertThat(scanner.loader().workloadKinds().isCarrierKind("PyTorchJob")).isTrue();
    }
  }

  @Test
  void withoutTheProviderTheKindIsNotAWorkload() {
    Kubeward scanner = Kubeward.builder().onlyRules(RULES).build();

    assertThat(scanner.scanString("train.yaml", JOB).findings()).isEmpty();
  }

  @Test
  void configurationCarriersWinOverProviderCarriers(@TempDir Path dir) throws IOException {
    Configuration config = Configuration.builder().workloadKinds(
        List.of(WorkloadKinds.Carrier.of("kubeflow.org", "PyTorchJob", "spec.pytorchReplicaSpecs.Worker.template"))).build();
    try (URLClassLoader loader = withProvider(dir, PyTorchJobProvider.class)) {
      Kubeward scanner = Kubeward.builder().classLoader(loader).configuration(config).onlyRules(RULES).build();

      assertThat(scanner.scanString("train.yaml", JOB).findings()).isEmpty();
    }
  }

  /** A class loader over the test classpath that also lists {@code provider} as a RuleProvider. */
  private static URLClassLoader withProvider(Path dir, Class<? extends RuleProvider> provider) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(RuleProvider.class.getName()), provider.getName() + "\n");
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ProviderCarriersTest.class.getClassLoader());
  }
}
