/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import static dev.kubeward.engine.TestRules.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Resource;
import dev.kubeward.report.ReportFormat;
import dev.kubeward.rule.Rule;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-resource joins that do not depend on load order, join scopes, related locations and finding keys. */
class JoinsAndKeysTest {

  /** Reports each Deployment whose ServiceAccount (any copy) does not switch the token off, naming that copy. */
  private static final TestRules.Cross TOKEN = new TestRules.Cross(
      metadata("token-mounted", GroupKind.DEPLOYMENT, GroupKind.SERVICE_ACCOUNT).build(), (inventory, c) -> {
        for (Resource d : inventory.ofKind(GroupKind.DEPLOYMENT)) {
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

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          spec:
            serviceAccountName: app
            containers: [{name: app, image: "web:1"}]
      """;

  private static final String DECOY = """
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: app, namespace: shop}
      automountServiceAccountToken: false
      """;

  private static final String REAL = """
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: app, namespace: shop}
      """;

  private static Kubeward kubeward(Rule... rules) {
    return Kubeward.builder().rules(List.of(rules)).build();
  }

  private static String json(ScanReport report) throws IOException {
    StringWriter out = new StringWriter();
    ReportFormat.JSON.writer().write(report, out);
    return out.toString();
  }

  @Test
  void aHarmlessDecoyNeverMasksTheCopyThatGrants(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a-decoy.yaml"), DECOY);
    Files.writeString(dir.resolve("b-deploy.yaml"), DEPLOYMENT);
    Files.writeString(dir.resolve("c-real.yaml"), REAL);

    ScanReport report = kubeward(TOKEN).scan(List.of(dir.toString()));

    assertThat(report.findings()).filteredOn(f -> f.rule().equals("token-mounted")).singleElement().satisfies(f -> {
      assertThat(f.related()).singleElement().satisfies(r -> {
        assertThat(r.file()).endsWith("c-real.yaml");
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.path()).isEqualTo("/metadata/name");
        assertThat(r.resource().kind()).isEqualTo("ServiceAccount");
      });
      assertThat(f.key()).isEqualTo("token-mounted|apps/Deployment/shop/web|account");
    });
  }

  @Test
  void everyCopyOfAnObjectIsReportedNamingTheOthers(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), DECOY);
    Files.writeString(dir.resolve("b.yaml"), "# a comment\n" + REAL);

    ScanReport report = Kubeward.builder().rules(List.of()).build().scan(List.of(dir.toString()));

    assertThat(report.findings()).extracting(Finding::rule, Finding::severity, Finding::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("duplicate-object", dev.kubeward.rule.Severity.INFO, 3),
            org.assertj.core.groups.Tuple.tuple("duplicate-object", dev.kubeward.rule.Severity.INFO, 4));
    assertThat(report.findings().get(0).message())
        .isEqualTo("ServiceAccount shop/app is defined 2 times; also at " + dir.resolve("b.yaml") + ":2");
    assertThat(report.findings().get(1).related()).singleElement()
        .satisfies(r -> assertThat(r.location()).isEqualTo(dir.resolve("a.yaml") + ":3:18"));
    assertThat(report.findings()).extracting(Finding::key).doesNotHaveDuplicates();
  }


  @Test
  void manyCopiesEachNameTheNextAndHowManyMoreSoTheReportGrowsLinearly(@TempDir Path dir) throws IOException {
    for (String name : List.of("a.yaml", "b.yaml", "c.yaml", "d.yaml")) {
      Files.writeString(dir.resolve(name), REAL);
    }

    ScanReport report = Kubeward.builder().rules(List.of()).build().scan(List.of(dir.toString()));

    assertThat(report.findings()).extracting(Finding::file).containsExactly(
        dir.resolve("a.yaml").toString(), dir.resolve("b.yaml").toString(),
        dir.resolve("c.yaml").toString(), dir.resolve("d.yaml").toString());
    assertThat(report.findings().get(0).message())
        .isEqualTo("ServiceAccount shop/app is defined 4 times; also at " + dir.resolve("b.yaml") + ":1 and 2 other places");
    assertThat(report.findings().get(3).message())
        .isEqualTo("ServiceAccount shop/app is defined 4 times; also at " + dir.resolve("a.yaml") + ":1 and 2 other places");
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.related()).hasSize(1));
    assertThat(report.findings().get(2).related().get(0).file()).isEqualTo(dir.resolve("d.yaml").toString());
    assertThat(report.findings()).extracting(Finding::key).doesNotHaveDuplicates();
  }
  @Test
  void anUnsetNamespaceAndTheDefaultNamespaceAreTheSameObjectButAClusterScopedNamespaceIsIgnored() {
    String yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: default}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader, namespace: a}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader, namespace: b}
        ---
        apiVersion: example.com/v1
        kind: ConfigMap
        metadata: {name: settings}
        """;

    ScanReport report = Kubeward.builder().rules(List.of()).build().scanString("all.yaml", yaml);
    ScanReport elsewhere = Kubeward.builder().rules(List.of()).defaultNamespace("shop").build()
        .scanString("all.yaml", yaml);

    assertThat(report.findings()).extracting(Finding::line).containsExactly(3, 7, 11, 15);
    assertThat(elsewhere.findings()).as("unset is shop, not default").extracting(Finding::line).containsExactly(11, 15);
  }

  @Test
  void reportsAreTheSameWhateverTheFileNamesTheirOrderAndTheThreads(@TempDir Path dir) throws IOException {
    List<String> docs = new ArrayList<>(List.of(DECOY, DEPLOYMENT, REAL, REAL, DEPLOYMENT.replace("web", "api")));
    String expected = null;
    Random random = new Random(42);
    for (int round = 0; round < 6; round++) {
      Collections.shuffle(docs, random);
      Path root = Files.createDirectory(dir.resolve("round" + round));
      for (int i = 0; i < docs.size(); i++) {
        Files.writeString(root.resolve("f" + random.nextInt(1000) + "-" + i + ".yaml"), docs.get(i));
      }
      ScanReport report = Kubeward.builder().rules(List.of(TOKEN)).threads(1 + round % 3).build()
          .scan(List.of(root.toString()));
      List<String> keys = report.findings().stream().map(f -> f.rule() + " " + f.key() + " " + f.message()
          .replaceAll("also at .*", "also at X") + " related " + f.related().size()).sorted().toList();
      String text = String.join("\n", keys);
      if (expected == null) {
        expected = text;
      }
      assertThat(text).isEqualTo(expected);
    }
    assertThat(expected).contains("token-mounted|apps/Deployment/shop/web|account #2".replace(" #2", "#2"))
        .contains("token-mounted|apps/Deployment/shop/api|account");
  }

  @Test
  void joinScopesKeepProjectsApart(@TempDir Path dir) throws IOException {
    Path one = Files.createDirectories(dir.resolve("one"));
    Path two = Files.createDirectories(dir.resolve("two/sub"));
    Files.writeString(one.resolve("deploy.yaml"), DEPLOYMENT);
    Files.writeString(two.resolve("sa.yaml"), REAL);
    Files.writeString(dir.resolve("two").resolve("deploy.yaml"), DEPLOYMENT.replace("web", "api"));
    List<String> args = List.of(one.toString(), dir.resolve("two").toString());

    assertThat(names(Kubeward.builder().rules(List.of(TOKEN)).build().scan(args)))
        .as("all: one cluster").containsExactly("api", "web");
    assertThat(names(Kubeward.builder().rules(List.of(TOKEN)).joinScope(JoinScope.ARGUMENT).build().scan(args)))
        .as("argument: two/ holds both the api Deployment and the ServiceAccount").containsExactly("api");
    assertThat(names(Kubeward.builder().rules(List.of(TOKEN)).joinScope(JoinScope.DIRECTORY).build().scan(args)))
        .as("directory: two/sub is its own cluster").isEmpty();
    Configuration config = ConfigurationFile.parse(".kubeward.yaml", "joinScope: directory\ndefaultNamespace: shop\n");
    assertThat(config.joinScope()).isEqualTo(JoinScope.DIRECTORY);
    assertThat(config.defaultNamespace()).isEqualTo("shop");
    assertThat(names(Kubeward.builder().rules(List.of(TOKEN)).configuration(config).build().scan(args))).isEmpty();
    assertThatThrownBy(() -> JoinScope.of("file"))
        .hasMessage("unknown join scope 'file' (expected all, argument or directory)");
    assertThatThrownBy(() -> ConfigurationFile.parse("c.yaml", "defaultNamespace: Not_Valid\n"))
        .hasMessageStartingWith("c.yaml:1:19: default namespace 'Not_Valid' is not a valid namespace name");
  }

  private static List<String> names(ScanReport report) {
    return report.findings().stream().filter(f -> f.rule().equals("token-mounted"))
        .map(f -> f.resource().name()).sorted().toList();
  }

  @Test
  void keysDoNotDependOnLinesOrOnHowThePathWasWritten(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("sa.yaml"), REAL);
    Files.writeString(dir.resolve("deploy.yaml"), DEPLOYMENT);
    Kubeward plain = Kubeward.builder().rules(List.of(TOKEN)).baseDirectory(dir).build();
    ScanReport first = plain.scan(List.of(dir.toString()));
    Files.writeString(dir.resolve("deploy.yaml"), "\n\n# moved down\n" + DEPLOYMENT);
    ScanReport moved = plain.scan(List.of(dir.resolve(".").resolve("..").resolve(dir.getFileName()).toString()));

    assertThat(keys(moved)).isEqualTo(keys(first));
    assertThat(moved.findings().get(0).line()).isNotEqualTo(first.findings().get(0).line());
  }

  @Test
  void unnamedObjectsAreKeyedByTheirFileRelativeToTheBaseFolder(@TempDir Path dir) throws IOException {
    Path sub = Files.createDirectories(dir.resolve("nodes"));
    Files.writeString(sub.resolve("kubelet.yaml"), """
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        readOnlyPort: 10255
        """);
    TestRules.Recording each = TestRules.reportingEach(metadata("each", GroupKind.KUBELET_CONFIGURATION).build());

    ScanReport report = Kubeward.builder().rules(List.of(each)).baseDirectory(dir).build()
        .scan(List.of(sub.resolve("kubelet.yaml").toString()));

    assertThat(keys(report)).containsExactly("each|kubelet.config.k8s.io/KubeletConfiguration//@nodes/kubelet.yaml#0|");
  }

  @Test
  void twoFindingsOfOneRuleOnOneObjectNeverShareAKey() {
    TestRules.Recording twice = new TestRules.Recording(metadata("twice", GroupKind.CONFIG_MAP).build(), (r, c) -> {
      c.finding(r, r.root().get("data")).message("one").key("same").report();
      c.finding(r, r.root().get("data")).message("two").key("same").report();
    });

    ScanReport report = kubeward(twice).scanString("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {}\n");

    assertThat(keys(report)).containsExactly("twice|/ConfigMap/default/c|same", "twice|/ConfigMap/default/c|same#2");
  }

  @Test
  void relatedLocationsAppearInEveryReportFormat() throws IOException {
    ScanReport report = kubeward(TOKEN).scanString("all.yaml", DEPLOYMENT + "---\n" + REAL);

    assertThat(json(report).replaceAll("\\s+", "")).contains("\"related\":[{"
        + "\"message\":\"ServiceAccountappleavesthetokenon\",\"file\":\"all.yaml\",\"line\":12,\"column\":18,"
        + "\"path\":\"/metadata/name\",\"resource\":{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\","
        + "\"namespace\":\"shop\",\"name\":\"app\"}}]");
    StringWriter text = new StringWriter();
    ReportFormat.TEXT.writer().write(report, text);
    assertThat(text.toString()).contains("all.yaml:3:18: MEDIUM Deployment shop/web mounts the token of its service account [token-mounted]\n"
        + "    all.yaml:12:18: ServiceAccount app leaves the token on\n");
    StringWriter sarif = new StringWriter();
    ReportFormat.SARIF.writer().write(report, sarif);
    assertThat(sarif.toString()).contains("\"relatedLocations\"").contains("ServiceAccount app leaves the token on");
  }

  @Test
  void aPrimaryNodeOutsideTheResourceIsAnErrorOfTheRuleNotACrash() {
    TestRules.Cross wrong = new TestRules.Cross(metadata("wrong-node", GroupKind.DEPLOYMENT).build(), (inventory, c) -> {
      Resource d = inventory.ofKind(GroupKind.DEPLOYMENT).get(0);
      Resource sa = inventory.ofKind(GroupKind.SERVICE_ACCOUNT).get(0);
      c.report(d, sa.root().get("metadata"), "points into another object");
    });

    ScanReport report = kubeward(wrong).scanString("all.yaml", DEPLOYMENT + "---\n" + REAL);

    assertThat(report.findings()).isEmpty();
    assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.message())
        .isEqualTo("rule wrong-node failed: IllegalArgumentException"));
  }

  @Test
  void inventoryRulesDeclareWhatTheyRead() {
    assertThat(kubeward(TOKEN).inventoryReads()).extracting(GroupKind::toString)
        .containsExactly("*.*", "Deployment.apps", "ServiceAccount");
    assertThat(Kubeward.builder().rules(List.of()).skipRules(Set.of(Kubeward.DUPLICATE_OBJECT)).build().inventoryReads())
        .isEmpty();
  }

  @Test
  void exemptionsMatchTheKindWithItsGroup() {
    String yaml = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        ---
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata: {name: web, namespace: shop}
        """;
    TestRules.Recording each = TestRules.reportingEach(
        metadata("each", GroupKind.SERVICE, GroupKind.KNATIVE_SERVICE).build());

    for (String kind : List.of("Service", "Service.serving.knative.dev", "*")) {
      Configuration config = Configuration.builder()
          .exemptions(List.of(new Exemption("each", kind, null, null, "reviewed"))).build();
      List<String> suppressed = Kubeward.builder().rules(List.of(each)).configuration(config).build()
          .scanString("svc.yaml", yaml).findings().stream().filter(f -> f.rule().equals("each"))
          .map(f -> f.resource().apiVersion() + " " + f.suppressed()).toList();
      switch (kind) {
        case "Service" -> assertThat(suppressed).containsExactly("v1 true", "serving.knative.dev/v1 false");
        case "*" -> assertThat(suppressed).containsExactly("v1 true", "serving.knative.dev/v1 true");
        default -> assertThat(suppressed).containsExactly("v1 false", "serving.knative.dev/v1 true");
      }
    }
  }

  private static List<String> keys(ScanReport report) {
    return report.findings().stream().filter(f -> !f.rule().equals(Kubeward.DUPLICATE_OBJECT)).map(Finding::key).toList();
  }

}
