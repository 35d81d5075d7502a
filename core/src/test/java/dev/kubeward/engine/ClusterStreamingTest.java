/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import static dev.kubeward.engine.TestRules.metadata;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Resource;
import dev.kubeward.model.Source;
import dev.kubeward.report.ReportFormat;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan joined by argument or directory evaluates each cluster as soon as its last file is read
 * and keeps its findings compressed; its reports are byte for byte those of the same scan over
 * everything loaded at once, whatever the number of threads.
 */
class ClusterStreamingTest {

  /** Reports each Deployment whose ServiceAccount {@code app} (any copy in the cluster) leaves the token on. */
  private static final TestRules.Cross TOKEN = new TestRules.Cross(
      metadata("token-mounted", GroupKind.DEPLOYMENT, GroupKind.SERVICE_ACCOUNT).build(), (inventory, c) -> {
        for (Resource d : inventory.ofKind(GroupKind.DEPLOYMENT)) {
          if (d.name().equals("fail-cross")) {
            throw new IllegalStateException("cross-resource rule failing on purpose");
          }
          for (Resource sa : inventory.named(GroupKind.SERVICE_ACCOUNT, d.namespace(), "app")) {
            if (!sa.root().get("automountServiceAccountToken").isFalse()) {
              c.finding(d, d.root().get("metadata").get("name"))
                  .message(d.displayName() + " mounts the token of its service account")
                  .key("account")
                  .related(sa, sa.root().get("metadata").get("name"), "ServiceAccount app leaves the token on")
                  .report();
            }
          }
        }
      });

  /** Reports every resource; fails on a ConfigMap named {@code fail-each}. */
  private static final TestRules.Recording EACH = new TestRules.Recording(
      metadata("each", GroupKind.DEPLOYMENT, GroupKind.SERVICE_ACCOUNT, GroupKind.CONFIG_MAP).build(), (r, c) -> {
        if ("fail-each".equals(r.name())) {
          throw new IllegalStateException("per-resource rule failing on purpose");
        }
        c.report(r, null, "each saw " + r.displayName());
      });

  private static final String APP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          spec:
            serviceAccountName: app
            containers: [{name: app, image: "web:1"}]
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: app
        namespace: shop
        annotations: {ignore.kubeward.dev/each: "reviewed"}
      """;

  @TempDir
  Path work;

  /**
   * Clusters whose files interleave in name order ({@code a/app.yaml}, {@code a/sub/...},
   * {@code a/z.yaml}), the same objects in several clusters (keys made unique across them),
   * failing rules in several clusters, unreadable documents, a file without objects, a directory
   * large enough for evaluation on several threads, and standard input.
   */
  private List<String> tree() throws IOException {
    write("root/a/app.yaml", APP);
    write("root/a/sub/more.yaml", APP + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: fail-each}\n");
    write("root/a/z.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: fail-cross, namespace: shop}\n"
        + "---\nkind: [unclosed\n");
    write("root/b/app.yaml", APP);
    write("root/b/values.yaml", "replicas: 3\n");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      many.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: map-").append(i).append(", namespace: shop}\n");
    }
    write("root/c/maps.yaml", many.toString());
    write("root/c/more-maps.yaml", many.toString());
    write("root/top.yaml", APP);
    return List.of(work.resolve("root/a").toString(), work.resolve("root").toString(),
        work.resolve("root/b/app.yaml").toString(), "-");
  }

  private void write(String name, String text) throws IOException {
    Path file = work.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static Kubeward kubeward(JoinScope scope, int threads, Rule... rules) {
    return Kubeward.builder().rules(List.of(rules)).joinScope(scope).threads(threads).build();
  }

  private static InputStream stdin() {
    return new ByteArrayInputStream(APP.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<ReportFormat, String> reports(ScanReport report) throws IOException {
    Map<ReportFormat, String> out = new TreeMap<>();
    for (ReportFormat format : ReportFormat.values()) {
      StringWriter w = new StringWriter();
      format.writer().write(report, w);
      out.put(format, w.toString());
    }
    return out;
  }

  @Test
  void streamedReportsAreThoseOfAScanOfEverythingLoadedAtOnce() throws IOException {
    List<String> paths = tree();
    for (JoinScope scope : List.of(JoinScope.DIRECTORY, JoinScope.ARGUMENT)) {
      Kubeward single = kubeward(scope, 1, TOKEN, EACH);
      ScanReport whole = single.scan(single.loader().load(paths, stdin()));
      Map<ReportFormat, String> expected = reports(whole);
      assertThat(whole.findings()).hasSizeGreaterThan(300);
      assertThat(whole.findings()).anyMatch(f -> f.key().endsWith("#2"));
      assertThat(whole.errors()).extracting(e -> e.message()).anyMatch(m -> m.startsWith("rule each failed"))
          .anyMatch(m -> m.startsWith("rule token-mounted failed")).anyMatch(m -> m.contains("malformed"));
      assertThat(whole.skipped()).isNotEmpty();
      for (int threads : new int[] {1, 3}) {
        Kubeward scanner = kubeward(scope, threads, TOKEN, EACH);
        ScanReport streamed = scanner.scan(scanner.loader(), paths, stdin());
        assertThat(streamed.findings()).as("%s, %d threads", scope, threads).isEqualTo(whole.findings());
        assertThat(streamed.errors()).as("%s, %d threads", scope, threads).isEqualTo(whole.errors());
        assertThat(reports(streamed)).as("%s, %d threads", scope, threads).isEqualTo(expected);
        assertThat(streamed.exitCode(Severity.LOW)).isEqualTo(whole.exitCode(Severity.LOW));
      }
    }
  }

  @Test
  void aClusterIsEvaluatedBeforeTheNextDirectoryIsRead() throws IOException {
    for (int d = 0; d < 4; d++) {
      write("tree/d" + d + "/app.yaml", APP);
    }
    AtomicInteger read = new AtomicInteger();
    List<Integer> readWhenEvaluated = Collections.synchronizedList(new ArrayList<>());
    TestRules.Cross counting = new TestRules.Cross(metadata("counting", GroupKind.DEPLOYMENT).build(),
        (inventory, c) -> readWhenEvaluated.add(read.get()));
    Kubeward scanner = kubeward(JoinScope.DIRECTORY, 1, counting);

    scanner.scan(scanner.loader().countingFiles(read), List.of(work.resolve("tree").toString()), InputStream.nullInputStream());

    assertThat(readWhenEvaluated).containsExactly(1, 2, 3, 4);
  }

  @Test
  void aScanJoinedAsAWholeIsEvaluatedOnceAfterEverythingIsRead() throws IOException {
    for (int d = 0; d < 3; d++) {
      write("tree/d" + d + "/app.yaml", APP);
    }
    AtomicInteger read = new AtomicInteger();
    List<Integer> readWhenEvaluated = Collections.synchronizedList(new ArrayList<>());
    TestRules.Cross counting = new TestRules.Cross(metadata("counting", GroupKind.DEPLOYMENT).build(),
        (inventory, c) -> readWhenEvaluated.add(read.get()));
    Kubeward scanner = kubeward(JoinScope.ALL, 1, counting);

    scanner.scan(scanner.loader().countingFiles(read), List.of(work.resolve("tree").toString()), InputStream.nullInputStream());

    assertThat(readWhenEvaluated).containsExactly(3);
  }

  @Test
  void aLoadHandsOverEachSourceInOrderAndPutTogetherIsTheWholeLoad() throws IOException {
    List<String> paths = tree();
    for (int threads : new int[] {1, 3}) {
      Loader loader = Loader.defaults().withThreads(threads);
      List<String> planned = new ArrayList<>();
      List<String> handed = new ArrayList<>();
      List<Resource> resources = new ArrayList<>();
      loader.load(paths, stdin(), new Loader.Listener() {
        @Override
        public void planned(List<Source> sources) {
          sources.forEach(s -> planned.add(s.name()));
        }

        @Override
        public void loaded(int source, LoadResult part) {
          if (source >= 0) {
            handed.add(planned.get(source));
            part.resources().forEach(r -> assertThat(r.source().name()).isEqualTo(planned.get(source)));
          }
          resources.addAll(part.resources());
        }
      });
      assertThat(handed).isEqualTo(planned);
      assertThat(resources).extracting(r -> r.source().name() + "#" + r.documentIndex())
          .isEqualTo(loader.load(paths, stdin()).resources().stream().map(r -> r.source().name() + "#" + r.documentIndex()).toList());
    }
  }
}
