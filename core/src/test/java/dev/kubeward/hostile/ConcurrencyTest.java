/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import java.util.Set;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scanner shared by many threads, and scanners that evaluate with several threads, give the
 * same report as a single-threaded scan, every time.
 *
 * <p>The JSON report writer is not part of this module yet, so determinism is shown on the
 * report's value (findings and errors are records) and on its full text rendering.
 */
class ConcurrencyTest {

  private static final int FILES = 32;
  private static final int DOCUMENTS_PER_FILE = 40;

  @TempDir
  static Path dir;

  private static Path corpus;

  /** 32 files of 40 documents: workloads, Secrets, Services, List wrappers, JSON and broken documents. */
  @BeforeAll
  static void generate() throws IOException {
    corpus = Files.createDirectory(dir.resolve("corpus"));
    Random random = new Random(20240611);
    for (int f = 0; f < FILES; f++) {
      StringBuilder yaml = new StringBuilder();
      for (int d = 0; d < DOCUMENTS_PER_FILE; d++) {
        if (d > 0) {
          yaml.append("---\n");
        }
        yaml.append(document(random, "f" + f + "-d" + d));
      }
      Files.writeString(corpus.resolve("file-" + f + ".yaml"), yaml);
      if (f % 10 == 0) {
        Files.writeString(corpus.resolve("file-" + f + ".json"), Pods.privilegedJson("json-" + f)
            + "{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"svc-" + f + "\"},"
            + " \"spec\": {\"selector\": {\"app\": \"nobody\"}}}\n");
      }
    }
  }

  private static String document(Random random, String name) {
    String ns = "ns" + random.nextInt(4);
    switch (random.nextInt(7)) {
      case 0:
        return Pods.privileged(name);
      case 1:
        return """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: %s, namespace: %s}
            spec:
              template:
                metadata: {labels: {app: %s}}
                spec:
                  securityContext: {privileged: %s}
                  initContainers: [{name: init, securityContext: {privileged: yes}}]
                  containers:
                  - name: app
                    env: [{name: A, value: "1"}, {name: B, valueFrom: {secretKeyRef: {name: s, key: k}}}]
            """.formatted(name, ns, "app" + random.nextInt(5), random.nextBoolean());
      case 2:
        return """
            apiVersion: v1
            kind: Secret
            metadata: {name: %s, namespace: %s, annotations: {ignore.kubeward.dev/test-secret-keys: "%s"}}
            stringData: {a: x, b: y}
            """.formatted(name, ns, random.nextBoolean() ? "known" : "");
      case 3:
        return """
            apiVersion: v1
            kind: Service
            metadata: {name: %s, namespace: %s}
            spec: {selector: {app: %s}}
            """.formatted(name, ns, "app" + random.nextInt(8));
      case 4:
        return """
            apiVersion: v1
            kind: List
            items:
            - %s
            - {apiVersion: batch/v1, kind: CronJob, metadata: {name: %s-cron}, spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: c, securityContext: {privileged: On}}]}}}}}}
            """.formatted(Pods.privilegedJson(name + "-item").strip(), name);
      case 5:
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  a: 1\n  a: 2\n";
      default:
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + "}\ndata: [unclosed\n";
    }
  }

  private static Kubeward scanner(int threads) {
    return Kubeward.builder().rules(TestRules.all()).skipRules(Set.of(Kubeward.DUPLICATE_OBJECT)).threads(threads).build();
  }

  private static ScanReport scan(Kubeward scanner) {
    return scanner.scan(List.of(corpus.toString()));
  }

  @Test
  void corpusIsLargeAndExercisesEveryRuleAndErrors() {
    ScanReport report = scan(scanner(1));

    assertThat(report.resources()).isGreaterThan(1000);
    assertThat(report.errors()).hasSizeGreaterThan(50);
    assertThat(report.findings()).extracting(Finding::rule).contains(TestRules.Privileged.ID,
        TestRules.EnvLiteral.ID, TestRules.SecretKeys.ID, TestRules.ServiceSelectsNothing.ID);
    assertThat(report.findings()).anyMatch(Finding::suppressed).anyMatch(f -> !f.suppressed());
    assertThat(report.findings()).isSortedAccordingTo(Finding.ORDER);
  }

  @Test
  void oneScannerUsedFromEightThreadsGivesTheSingleThreadedReport() throws Exception {
    Kubeward scanner = scanner(1);
    ScanReport expected = scan(scanner);
    List<String> expectedText = ScanMain.render(expected);

    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<ScanReport>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<List<ScanReport>> task = () -> {
          start.await();
          return List.of(scan(scanner), scan(scanner));
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      for (Future<List<ScanReport>> f : futures) {
        for (ScanReport report : f.get()) {
          assertThat(report).isEqualTo(expected);
          assertThat(ScanMain.render(report)).isEqualTo(expectedText);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void evaluatingWithTwoToEightThreadsGivesTheSameFindingsAndErrors() {
    ScanReport expected = scan(scanner(1));

    for (int threads = 2; threads <= 8; threads++) {
      ScanReport report = scan(scanner(threads));
      assertThat(report.findings()).as("findings with %d threads", threads).isEqualTo(expected.findings());
      assertThat(report.errors()).as("errors with %d threads", threads).isEqualTo(expected.errors());
      assertThat(ScanMain.render(report)).as("text with %d threads", threads).isEqualTo(ScanMain.render(expected));
    }
  }

  @Test
  void multiThreadedScannerSharedByThreadsGivesTheSameReport() throws Exception {
    ScanReport expected = scan(scanner(1));
    Kubeward shared = scanner(4);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ScanReport>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> scan(shared)));
      }
      for (Future<ScanReport> f : futures) {
        assertThat(ScanMain.render(f.get())).isEqualTo(ScanMain.render(expected));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoRunsGiveIdenticalText() {
    String first = String.join("\n", ScanMain.render(scan(scanner(1))));
    String second = String.join("\n", ScanMain.render(scan(scanner(1))));

    assertThat(second).isEqualTo(first);
  }
}
