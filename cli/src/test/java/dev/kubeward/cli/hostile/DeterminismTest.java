/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli.hostile;

import static dev.kubeward.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.cli.Cli.Result;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.report.JsonReportWriter;
import dev.kubeward.report.ReportWriter;
import dev.kubeward.report.SarifReportWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives the same bytes: two runs of the command line in different JVMs (a child
 * process and this one) write identical JSON and SARIF for a large generated tree; the command
 * line writes the same report in every format, and the same standard error, with {@code --threads}
 * 1, 2, 3 and 4 (and with its default, as many threads as processors); and a library scanner that
 * evaluates with four threads writes the same JSON and SARIF as one with a single thread.
 */
class DeterminismTest {

  private static final int DIRECTORIES = 12;
  private static final int FILES_PER_DIRECTORY = 4;
  private static final int DOCUMENTS_PER_FILE = 30;

  @TempDir
  static Path work;

  private static String tree;

  /**
   * 48 files of 30 documents in nested directories: every workload kind, Secrets with and without
   * a suppression reason, Services, RBAC, network policies, namespaces, List wrappers, JSON, and
   * broken documents.
   */
  @BeforeAll
  static void generate() throws IOException {
    Path root = Files.createDirectory(work.resolve("tree"));
    tree = root.toString();
    Random random = new Random(20240611);
    for (int d = 0; d < DIRECTORIES; d++) {
      Path dir = Files.createDirectories(root.resolve("team-" + (d % 3)).resolve("app-" + d));
      for (int f = 0; f < FILES_PER_DIRECTORY; f++) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < DOCUMENTS_PER_FILE; i++) {
          yaml.append(i == 0 ? "" : "---\n").append(document(random, "d" + d + "-f" + f + "-" + i, "ns" + d % 5));
        }
        Files.writeString(dir.resolve("m" + f + ".yaml"), yaml);
      }
      Files.writeString(dir.resolve("pod.json"), Manifests.privilegedJson("json-" + d)
          + "{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"svc-" + d + "\"},"
          + " \"spec\": {\"selector\": {\"app\": \"nobody\"}}}\n");
    }
  }

  @AfterAll
  static void figures() {
    System.out.println("DeterminismTest: " + ChildCli.totals());
  }

  private static String document(Random random, String name, String ns) {
    switch (random.nextInt(10)) {
      case 0:
        return Manifests.privileged(name);
      case 1:
        return """
            apiVersion: apps/v1
            kind: %s
            metadata: {name: %s, namespace: %s}
            spec:
              replicas: %d
              selector: {matchLabels: {app: %s}}
              template:
                metadata: {labels: {app: %s}}
                spec:
                  hostNetwork: %s
                  securityContext: {runAsNonRoot: %s}
                  initContainers: [{name: init, image: busybox, securityContext: {privileged: yes}}]
                  containers:
                  - name: app
                    image: nginx:1.%d
                    env: [{name: A, value: "1"}, {name: DB_PASSWORD, value: hunter%d}]
                    volumeMounts: [{name: host, mountPath: /host}]
                  volumes: [{name: host, hostPath: {path: /var/run/docker.sock}}]
            """.formatted(random.nextBoolean() ? "Deployment" : "StatefulSet", name, ns, random.nextInt(3), name,
            name, random.nextBoolean(), random.nextBoolean(), random.nextInt(30), random.nextInt(100));
      case 2:
        return """
            apiVersion: v1
            kind: Secret
            metadata: {name: %s, namespace: %s, annotations: {ignore.kubeward.dev/secret-in-manifest: "%s"}}
            stringData: {a: x, b: y}
            """.formatted(name, ns, random.nextBoolean() ? "sealed upstream" : "");
      case 3:
        return """
            apiVersion: v1
            kind: Service
            metadata: {name: %s, namespace: %s}
            spec: {type: %s, selector: {app: %s}}
            """.formatted(name, ns, random.nextBoolean() ? "NodePort" : "ClusterIP", "app" + random.nextInt(8));
      case 4:
        return """
            apiVersion: v1
            kind: List
            items:
            - %s
            - {apiVersion: batch/v1, kind: CronJob, metadata: {name: %s-cron, namespace: %s}, spec: {schedule: "* * * * *", jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: "alpine", securityContext: {privileged: On}}]}}}}}}
            """.formatted(Manifests.privilegedJson(name + "-item").strip(), name, ns);
      case 5:
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  a: 1\n  a: 2\n";
      case 6:
        return """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: %s
            metadata: {name: %s, namespace: %s}
            rules: [{apiGroups: ["*"], resources: ["*", secrets], verbs: ["*"]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: %s-binding}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: ServiceAccount, name: default, namespace: %s}]
            """.formatted(random.nextBoolean() ? "Role" : "ClusterRole", name, ns, name, ns);
      case 7:
        return """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: %s, namespace: %s}
            spec: {podSelector: {}, policyTypes: [Ingress], ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]}
            """.formatted(name, ns);
      case 8:
        return """
            apiVersion: v1
            kind: Namespace
            metadata: {name: %s, labels: {pod-security.kubernetes.io/enforce: %s}}
            """.formatted(ns, random.nextBoolean() ? "privileged" : "restricted");
      default:
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + "}\ndata: [unclosed\n";
    }
  }

  @Test
  void twoRunsInDifferentJvmsWriteIdenticalJsonAndSarif() throws Exception {
    for (String format : List.of("json", "sarif")) {
      Path child = work.resolve("child." + format);
      ChildCli.Result r = ChildCli.run(work, "scan", "--profile", "all", "--format", format, "--output",
          child.toString(), tree).assertNoStackTrace();
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.stdout()).isEmpty();

      // In the child's working directory: SARIF locations are relative to it.
      Result here = cli().discovering().in(work).run("scan", "--profile", "all", "--format", format, tree);
      assertThat(here.exitCode()).isEqualTo(2);
      assertThat(here.out()).as("%s of the run in this JVM", format).isEqualTo(Files.readString(child));
      assertThat(here.err()).isEqualTo(r.stderr());
    }
  }

  @Test
  void theTreeIsLargeAndHasFindingsOfManyTopicsAndErrors() throws IOException {
    Object report = JsonTree.parse(write(new JsonReportWriter(), scan(1)));

    Map<String, Object> summary = JsonTree.at(report, "summary");
    assertThat((Integer) summary.get("resources")).isGreaterThan(1400);
    assertThat((Integer) summary.get("errors")).isGreaterThan(100);
    assertThat((Integer) summary.get("suppressed")).isPositive();
    List<Map<String, Object>> findings = JsonTree.at(report, "findings");
    assertThat(findings).extracting(f -> f.get("topic")).contains("rbac", "pod-security", "secrets", "images",
        "hygiene", "tenancy");
  }

  @Test
  void everyThreadCountOfTheCommandLineWritesTheSameReport() {
    for (String format : List.of("text", "json", "sarif", "junit")) {
      Result one = cli().discovering().run("scan", "--profile", "all", "--format", format, "--threads", "1", tree);
      assertThat(one.exitCode()).isEqualTo(2);
      assertThat(one.out()).as("%s report", format).contains("privileged");
      for (String threads : List.of("2", "3", "4", "default")) {
        Result other = threads.equals("default")
            ? cli().discovering().run("scan", "--profile", "all", "--format", format, tree)
            : cli().discovering().run("scan", "--profile", "all", "--format", format, "--threads", threads, tree);
        assertThat(other.out()).as("%s report with %s threads", format, threads).isEqualTo(one.out());
        assertThat(other.err()).as("standard error with %s threads", threads).isEqualTo(one.err());
        assertThat(other.exitCode()).isEqualTo(one.exitCode());
      }
    }
  }

  @Test
  void oneAndFourEvaluationThreadsWriteIdenticalJsonAndSarif() throws IOException {
    ScanReport single = scan(1);
    ScanReport parallel = scan(4);

    assertThat(write(new JsonReportWriter(), parallel)).isEqualTo(write(new JsonReportWriter(), single));
    assertThat(write(new SarifReportWriter(), parallel)).isEqualTo(write(new SarifReportWriter(), single));
  }

  private static ScanReport scan(int threads) {
    return Kubeward.builder().profile(Profile.ALL).threads(threads).build().scan(List.of(tree));
  }

  private static String write(ReportWriter writer, ScanReport report) throws IOException {
    StringWriter out = new StringWriter();
    writer.write(report, out);
    return out.toString();
  }
}
