/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.hostile;

import dev.kubeward.model.GroupKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ScalarNode;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.Set;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kubeward's own attack surface: what a manifest can make the library do. YAML tags never load
 * classes, the library never touches the network, directory walks stay inside their roots, and
 * secret values never reach an error or a finding.
 */
class AttackSurfaceTest {

  private static final Kubeward SCANNER = Kubeward.builder().rules(TestRules.all()).skipRules(Set.of(Kubeward.DUPLICATE_OBJECT)).build();

  @TempDir
  Path dir;

  // --- YAML tags ---------------------------------------------------------------------------

  @Test
  void customTagsLoadAsPlainData() {
    String yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: tags
        data:
          runtime: !!java.lang.Runtime
          engine: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:9/x.jar"]]]]
          process: !<tag:yaml.org,2002:java.lang.ProcessBuilder> [sh, -c, "touch /tmp/kubeward-pwned"]
          file: !!java.io.File /etc/passwd
          custom: !custom {k: v}
          local: !dev.kubeward.hostile.Canary {}
          global: !!dev.kubeward.hostile.Canary x
          verbatim: !<tag:yaml.org,2002:dev.kubeward.hostile.Canary> [x]
          number: !!int "0x10"
        """;

    LoadResult result = Loader.defaults().loadString("tags.yaml", yaml);

    assertThat(result.errors()).isEmpty();
    Node data = result.resources().get(0).root().get("data");
    assertThat(data.get("runtime").isNull()).isTrue();
    Node url = data.get("engine").get(0).get(0).get(0).get(0);
    assertThat(data.get("engine").isList()).isTrue();
    assertThat(url.isScalar()).isTrue();
    assertThat(url.text()).isEqualTo("http://127.0.0.1:9/x.jar");
    assertThat(((ScalarNode) url).type()).isEqualTo(ScalarNode.Type.STRING);
    assertThat(data.get("process").isList()).isTrue();
    assertThat(data.get("process").get(2).text()).isEqualTo("touch /tmp/kubeward-pwned");
    assertThat(data.get("file").text()).isEqualTo("/etc/passwd");
    assertThat(data.get("custom").isMap()).isTrue();
    assertThat(data.get("custom").get("k").text()).isEqualTo("v");
    assertThat(data.get("local").isMap()).isTrue();
    assertThat(data.get("local").size()).isZero();
    assertThat(data.get("global").text()).isEqualTo("x");
    assertThat(data.get("verbatim").get(0).text()).isEqualTo("x");
    assertThat(((ScalarNode) data.get("number")).type()).isEqualTo(ScalarNode.Type.INTEGER);
    assertThat(data.get("number").longValue(-1)).isEqualTo(16);
    assertThat(System.getProperty(Canary.INITIALISED)).as("a tag initialised a class").isNull();
    assertThat(Files.exists(Path.of("/tmp/kubeward-pwned"))).isFalse();
  }

  // --- no network ----------------------------------------------------------------------------

  /** Types whose mere mention in core would mean network access or starting a process. */
  private static final List<String> NETWORK = List.of(
      "java/net/", "java.net.", "javax/net/", "javax.net.", "jdk/net/", "jdk.net.", "sun/net/", "sun.net.",
      "java/nio/channels/SocketChannel", "java/nio/channels/ServerSocketChannel",
      "java/nio/channels/DatagramChannel", "java/nio/channels/AsynchronousSocketChannel",
      "java/nio/channels/AsynchronousServerSocketChannel", "java/lang/ProcessBuilder", "java.lang.ProcessBuilder");

  @Test
  void coreClassesMentionNoNetworkOrProcessType() throws IOException, URISyntaxException {
    Path classes = Path.of(Loader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(classes).as("core's classes are a directory in this build").isDirectory();
    Map<String, List<String>> offending = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    for (Path file : files) {
      List<String> hits = networkReferences(Files.readAllBytes(file));
      if (!hits.isEmpty()) {
        offending.put(classes.relativize(file).toString(), hits);
      }
    }

    assertThat(files).as("class files scanned").hasSizeGreaterThan(40)
        .contains(classes.resolve("dev/kubeward/load/Loader.class"), classes.resolve("dev/kubeward/engine/Kubeward.class"));
    assertThat(offending).isEmpty();
  }

  @Test
  void networkCheckRecognisesAClassThatUsesTheNetwork() throws IOException {
    // The check itself must work: the JDK's own HTTP connection mentions java.net types.
    try (InputStream in = ClassLoader.getSystemResourceAsStream("sun/net/www/protocol/http/HttpURLConnection.class")) {
      assertThat(in).isNotNull();
      assertThat(networkReferences(in.readAllBytes())).contains("java/net/URL", "java/net/Proxy");
    }
  }

  private static List<String> networkReferences(byte[] classFile) throws IOException {
    List<String> hits = new ArrayList<>();
    for (String s : ClassReferences.of(classFile)) {
      for (String bad : NETWORK) {
        if (s.contains(bad)) {
          hits.add(s);
          break;
        }
      }
    }
    return hits;
  }

  // --- symbolic links ----------------------------------------------------------------------

  @Test
  void walkStaysInsideItsRootUnlessAskedToFollowLinks() throws IOException {
    Path outside = Files.createDirectory(dir.resolve("outside"));
    Files.writeString(outside.resolve("out.yaml"), Pods.privileged("outside"));
    Path in = Files.createDirectory(dir.resolve("in"));
    Files.writeString(in.resolve("inside.yaml"), Pods.privileged("inside"));
    Files.createSymbolicLink(in.resolve("link-inside.yaml"), Path.of("inside.yaml"));
    Files.createSymbolicLink(in.resolve("link-round-trip.yaml"), Path.of("../in/inside.yaml"));
    Files.createSymbolicLink(in.resolve("link-out.yaml"), Path.of("../outside/out.yaml"));
    Files.createSymbolicLink(in.resolve("link-absolute.yaml"), outside.resolve("out.yaml").toAbsolutePath());
    Files.createSymbolicLink(in.resolve("outdir"), Path.of("../outside"));
    String root = in.toString();

    // A link named like a manifest that leads out is reported, not skipped: kubectl would read it.
    assertThat(ScanMain.render(SCANNER.scan(List.of(root)))).containsExactly(
        "files 3 documents 3 resources 3",
        "error " + root + "/link-absolute.yaml: symbolic link out of the scanned directory; not followed",
        "error " + root + "/link-out.yaml: symbolic link out of the scanned directory; not followed",
        "finding " + Pods.finding(root + "/inside.yaml:9:19", "inside"),
        "finding " + Pods.finding(root + "/link-inside.yaml:9:19", "inside"),
        "finding " + Pods.finding(root + "/link-round-trip.yaml:9:19", "inside"));

    assertThat(ScanMain.render(SCANNER.scan(SCANNER.loader().followingLinks(true).load(in)))).containsExactly(
        "files 6 documents 6 resources 6",
        "finding " + Pods.finding(root + "/inside.yaml:9:19", "inside"),
        "finding " + Pods.finding(root + "/link-absolute.yaml:9:19", "outside"),
        "finding " + Pods.finding(root + "/link-inside.yaml:9:19", "inside"),
        "finding " + Pods.finding(root + "/link-out.yaml:9:19", "outside"),
        "finding " + Pods.finding(root + "/link-round-trip.yaml:9:19", "inside"),
        "finding " + Pods.finding(root + "/outdir/out.yaml:9:19", "outside"));
  }

  @Test
  void rootGivenAsASymbolicLinkIsWalked() throws IOException {
    Path in = Files.createDirectory(dir.resolve("in"));
    Files.writeString(in.resolve("pod.yaml"), Pods.privileged("pod"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("in"));

    assertThat(ScanMain.render(SCANNER.scan(List.of(link.toString())))).containsExactly(
        "files 1 documents 1 resources 1",
        "finding " + Pods.finding(link + "/pod.yaml:9:19", "pod"));
  }

  // --- output injection --------------------------------------------------------------------

  @Test
  void controlCharactersInNamesCannotForgeReportLines() {
    // A name with a line break and terminal escapes could otherwise print a fake line over a real one.
    String yaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: "evil\\e[2K\\rfake.yaml:1:1: nothing found\\nnext"
        spec:
          containers:
          - name: "app\\u2028\\u202e\\x9b"
            securityContext:
              privileged: true
        ---
        apiVersion: v1
        kind: "Evil\\nList"
        items:
        - 42
        """;
    ResourceRule failing = new Failing("test-failing-on-pods", "Pod") {
      @Override
      public void check(Resource resource, Context context) {
        throw new IllegalStateException();
      }
    };
    Kubeward scanner = Kubeward.builder().rules(List.of(new TestRules.Privileged(), failing)).build();

    ScanReport report = scanner.scanString("inject.yaml", yaml);

    assertThat(report.findings()).extracting(Finding::toString).containsExactly(
        "inject.yaml:9:19: HIGH container \"app???\" of Pod evil?[2K?fake.yaml:1:1: nothing found?next runs privileged [test-privileged]");
    assertThat(report.errors()).extracting(LoadError::toString).containsExactly(
        "inject.yaml:14:3: an item of a List must be a mapping",
        "inject.yaml:1:1: rule test-failing-on-pods failed on Pod evil?[2K?fake.yaml:1:1: nothing found?next:"
            + " IllegalStateException");
  }

  // --- secret values -----------------------------------------------------------------------

  private static final String DATA_SECRET = "UzNjcjN0LWRhdGEtdmFsdWU=";
  private static final String STRING_SECRET = "s3cr3t-string-value";
  private static final String ENV_SECRET = "s3cr3t-env-value";
  private static final List<String> SECRETS = List.of(DATA_SECRET, STRING_SECRET, ENV_SECRET, "s3cr3t");

  @Test
  void findingsOnSecretValuesNeverQuoteThem() {
    String yaml = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: creds
          namespace: shop
          annotations:
            ignore.kubeward.dev/test-secret-keys: "reviewed"
        data:
          password: %s
        stringData:
          token: %s
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              containers:
              - name: app
                env:
                - name: DB_PASSWORD
                  value: %s
                - name: ALIASED
                  value: &v "s3cr3t-aliased"
                - name: COPY
                  value: *v
        """.formatted(DATA_SECRET, STRING_SECRET, ENV_SECRET);

    ScanReport report = SCANNER.scanString("secrets.yaml", yaml);

    assertThat(report.errors()).isEmpty();
    assertThat(report.findings()).extracting(Finding::toString).containsExactly(
        "secrets.yaml:9:13: MEDIUM Secret shop/creds holds key \"password\" in data [test-secret-keys] (suppressed)",
        "secrets.yaml:11:10: MEDIUM Secret shop/creds holds key \"token\" in stringData [test-secret-keys] (suppressed)",
        "secrets.yaml:25:18: LOW env var \"DB_PASSWORD\" of container \"app\" of Deployment shop/web has a literal value [test-env-literal]",
        "secrets.yaml:27:18: LOW env var \"ALIASED\" of container \"app\" of Deployment shop/web has a literal value [test-env-literal]",
        "secrets.yaml:29:18: LOW env var \"COPY\" of container \"app\" of Deployment shop/web has a literal value [test-env-literal]");
    for (Finding f : report.findings()) {
      assertNoSecretIn(f);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedWithSecrets")
  void loadErrorsNeverQuoteSecretValues(String what, String name, byte[] input) {
    ScanReport report = SCANNER.scan(SCANNER.loader().loadBytes(name, input));

    assertThat(report.errors().size() + report.skipped().size()).as("errors of %s", what).isPositive();
    assertThat(report.skipped()).allSatisfy(skipped -> assertThat(skipped.toString()).doesNotContain(STRING_SECRET).doesNotContain(ENV_SECRET));
    for (LoadError e : report.errors()) {
      assertNoSecretIn(e);
    }
    for (Finding f : report.findings()) {
      assertNoSecretIn(f);
    }
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> malformedWithSecrets() {
    String head = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n";
    String env = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    env:\n";
    String s = STRING_SECRET;
    String jsonHead = "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"creds\"}, \"stringData\": {\"token\": ";
    return Stream.of(
        yaml("duplicate key", head + "data:\n  password: " + DATA_SECRET + "\n  password: " + DATA_SECRET + "\n"),
        yaml("unterminated double quote", head + "stringData:\n  token: \"" + s + "\n"),
        yaml("unterminated single quote", head + "stringData:\n  token: '" + s + "\n"),
        yaml("colon inside a value", head + "stringData:\n  token: " + s + ": x\n"),
        yaml("unknown escape", head + "stringData:\n  token: \"" + s + "\\q\"\n"),
        yaml("short hex escape", head + "stringData:\n  token: \"" + s + "\\x4\"\n"),
        yaml("bad indentation", head + "stringData:\n  token: " + s + "\n    other: x\n"),
        yaml("value that reads as an alias", head + "stringData:\n  token: *" + s + "\n"),
        yaml("unterminated flow sequence", head + "stringData:\n  token: [" + s + "\n"),
        yaml("unterminated flow mapping", head + "stringData:\n  token: {" + s + "\n"),
        yaml("tab indentation", head + "stringData:\n  token: " + s + "\n\tother: x\n"),
        yaml("reserved indicator", head + "stringData:\n  token: @" + s + "\n"),
        yaml("Helm template", head + "stringData:\n  token: {{ .Values.token }}" + s + "\n"),
        yaml("Helm directive", head + "stringData:\n  token: " + s + "\n{{- if .Values.x }}\n"),
        yaml("env duplicate", env + "    - name: A\n      value: " + ENV_SECRET + "\n      value: " + ENV_SECRET + "\n"),
        yaml("env broken quote", env + "    - name: A\n      value: \"" + ENV_SECRET + "\n"),
        yaml("secret as a document", s + "\n"),
        yaml("secret in a list document", "- " + s + "\n"),
        yaml("merge of a secret", head + "stringData:\n  <<: " + s + "\n"),
        org.junit.jupiter.params.provider.Arguments.of("invalid UTF-8 after a secret", "secret.yaml",
            concat(head + "stringData:\n  token: " + s, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\n")),
        yaml("NUL after a secret", head + "stringData:\n  token: " + s + "\0\n"),
        json("unquoted secret", jsonHead + s + "}}"),
        json("missing comma after a secret", jsonHead + "\"" + s + "\" \"other\": 1}}"),
        json("bad escape in a secret", jsonHead + "\"" + s + "\\q\"}}"),
        json("control character in a secret", jsonHead + "\"" + s + "\u0001\"}}"),
        json("secret that starts like a number", jsonHead + "-" + s + "}}"),
        json("truncated after a secret", jsonHead + "\"" + s + "\""),
        json("duplicate key", jsonHead + "\"" + s + "\", \"token\": \"" + s + "\"}}"));
  }

  private static org.junit.jupiter.params.provider.Arguments yaml(String what, String text) {
    return org.junit.jupiter.params.provider.Arguments.of(what, "secret.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  private static org.junit.jupiter.params.provider.Arguments json(String what, String text) {
    return org.junit.jupiter.params.provider.Arguments.of(what, "secret.json", text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void failingRulesNeverQuoteTheirExceptionMessages() {
    ResourceRule resourceRule = new Failing("test-failing-resource-rule", "Secret") {
      @Override
      public void check(Resource resource, Context context) {
        throw new IllegalStateException("cannot parse " + resource.root().get("stringData").get("token").text());
      }
    };
    InventoryRule inventoryRule = new FailingInventory();
    Kubeward scanner = Kubeward.builder().rules(List.of(resourceRule, inventoryRule)).build();

    ScanReport report = scanner.scanString("secret.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  token: " + STRING_SECRET + "\n");

    assertThat(report.errors()).extracting(LoadError::toString).containsExactly(
        "secret.yaml:1:1: rule test-failing-resource-rule failed on Secret creds: IllegalStateException",
        "<scan>: rule test-failing-inventory-rule failed: IllegalStateException");
  }

  private abstract static class Failing implements ResourceRule {
    private final RuleMetadata metadata;

    Failing(String id, String kind) {
      this.metadata = RuleMetadata.builder(id).title("Fails").severity(Severity.LOW).topic(Topic.HYGIENE)
          .kinds(GroupKind.core(kind)).rationale("Throws.").remediation("None.").build();
    }

    @Override
    public RuleMetadata metadata() {
      return metadata;
    }
  }

  private static final class FailingInventory implements InventoryRule {
    private static final RuleMetadata METADATA = RuleMetadata.builder("test-failing-inventory-rule")
        .title("Fails").severity(Severity.LOW).topic(Topic.HYGIENE).kinds(GroupKind.SECRET)
        .rationale("Throws.").remediation("None.").build();

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Inventory inventory, Context context) {
      MapNode data = inventory.ofKind(GroupKind.SECRET).get(0).root().get("stringData").asMap();
      throw new IllegalStateException("bad token " + data.get("token").text());
    }
  }

  private static void assertNoSecretIn(Record record) {
    List<String> texts = new ArrayList<>();
    texts.add(record.toString());
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      try {
        texts.add(String.valueOf(c.getAccessor().invoke(record)));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    for (String text : texts) {
      for (String secret : SECRETS) {
        assertThat(text).as("%s", record).doesNotContain(secret);
      }
    }
  }
}
