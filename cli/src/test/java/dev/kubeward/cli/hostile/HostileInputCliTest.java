/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line under hostile input, in a child JVM with {@code -Xmx256m}: each case is a
 * directory with a hostile file next to {@code good.yaml} (a privileged Pod), generated once. Each
 * is scanned twice: with {@code --rule privileged-container} and the text report, compared whole,
 * and with every recommended rule and {@code --format json}, whose {@code errors} and
 * {@code privileged-container} findings are compared, and whose errors also appear on standard
 * error. Either way: the exact exit code, every error with its position, no stack trace, and the
 * neighbours' findings still reported. The library's own tests ({@code dev.kubeward.hostile} in
 * core) prove the limits in detail; these prove that the command line keeps their promises.
 */
class HostileInputCliTest {

  private static final String LIMIT_BYTES = "document is larger than the limit of 8388608 bytes";
  private static final String LIMIT_DEPTH = "nesting deeper than the limit of 256";
  private static final String LIMIT_ALIASES = "aliases expand to more than 100000 nodes (alias bomb?)";
  private static final String LOOP = "symbolic link loop; not followed";
  private static final int MANY = 100_000;

  @TempDir
  static Path work;

  @BeforeAll
  static void generate() throws IOException {
    aliasBomb(directory("alias-bomb"));
    deep(directory("deep"));
    bigScalar(directory("big"));
    manyDocuments(directory("many"));
    Path utf8 = directory("invalid-utf8");
    Files.write(utf8.resolve("bad.yaml"), withBadName(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    Path nul = directory("nul");
    Files.write(nul.resolve("nul.yaml"), withBadName(new byte[] {0}));
    utf16(directory("utf16"));
    Path loop = directory("link-loop");
    Files.createSymbolicLink(Files.createDirectory(loop.resolve("sub")).resolve("up"), Path.of(".."));
    Files.createSymbolicLink(loop.resolve("self.yaml"), Path.of("self.yaml"));
  }

  @AfterAll
  static void figures() {
    System.out.println("HostileInputCliTest: " + ChildCli.totals());
  }

  @Test
  void aliasBomb() throws Exception {
    String text = """
        alias-bomb/good.yaml:9:19: HIGH container "app" of Pod good must not set securityContext.privileged=true [privileged-container]

        alias-bomb/laughs.yaml:11:12: ERROR aliases expand to more than 100000 nodes (alias bomb?)
        alias-bomb/laughs.yaml:25:19: HIGH container "app" of Pod next must not set securityContext.privileged=true [privileged-container]

        Summary: 2 files, 3 documents, 2 resources; 2 findings, 0 suppressed, 1 error
          by severity: CRITICAL 0, HIGH 2, MEDIUM 0, LOW 0, INFO 0
          by rule:
            privileged-container  2
        """;
    assertScan("alias-bomb", 2, text,
        List.of("alias-bomb/laughs.yaml:11:12: " + LIMIT_ALIASES),
        List.of("alias-bomb/good.yaml:9:19", "alias-bomb/laughs.yaml:25:19"));
  }

  @Test
  void twoHundredThousandLevelsOfNesting() throws Exception {
    int json = Manifests.privilegedJsonColumn("first");
    String text = """
        deep/deep.json:1:%d: HIGH container "app" of Pod first must not set securityContext.privileged=true [privileged-container]
        deep/deep.json:2:257: ERROR nesting deeper than the limit of 256

        deep/deep.yaml:1:513: ERROR nesting deeper than the limit of 256
        deep/deep.yaml:3:257: ERROR nesting deeper than the limit of 256
        deep/deep.yaml:5:1025: ERROR nesting deeper than the limit of 256
        deep/deep.yaml:15:19: HIGH container "app" of Pod next must not set securityContext.privileged=true [privileged-container]

        deep/good.yaml:9:19: HIGH container "app" of Pod good must not set securityContext.privileged=true [privileged-container]

        Summary: 3 files, 7 documents, 3 resources; 3 findings, 0 suppressed, 4 errors
          by severity: CRITICAL 0, HIGH 3, MEDIUM 0, LOW 0, INFO 0
          by rule:
            privileged-container  3
        """.formatted(json);
    assertScan("deep", 2, text,
        List.of("deep/deep.json:2:257: " + LIMIT_DEPTH, "deep/deep.yaml:1:513: " + LIMIT_DEPTH,
            "deep/deep.yaml:3:257: " + LIMIT_DEPTH, "deep/deep.yaml:5:1025: " + LIMIT_DEPTH),
        List.of("deep/deep.json:1:" + json, "deep/deep.yaml:15:19", "deep/good.yaml:9:19"));
  }

  @Test
  void twentyMegabyteScalar() throws Exception {
    String text = """
        big/big.yaml:9:19: HIGH container "app" of Pod first must not set securityContext.privileged=true [privileged-container]
        big/big.yaml:11:1: ERROR document is larger than the limit of 8388608 bytes
        big/big.yaml:26:19: HIGH container "app" of Pod next must not set securityContext.privileged=true [privileged-container]

        big/good.yaml:9:19: HIGH container "app" of Pod good must not set securityContext.privileged=true [privileged-container]

        Summary: 2 files, 4 documents, 3 resources; 3 findings, 0 suppressed, 1 error
          by severity: CRITICAL 0, HIGH 3, MEDIUM 0, LOW 0, INFO 0
          by rule:
            privileged-container  3
        """;
    assertScan("big", 2, text,
        List.of("big/big.yaml:11:1: " + LIMIT_BYTES),
        List.of("big/big.yaml:9:19", "big/big.yaml:26:19", "big/good.yaml:9:19"));
  }

  @Test
  void hundredThousandDocumentsInOneFile() throws Exception {
    // ConfigMaps of four lines each (with the ---), a Pod of ten after the first half and one at the end.
    int middle = MANY / 2 * 4 + 9;
    int last = MANY * 4 + 10 + 9;
    String text = """
        many/good.yaml:9:19: HIGH container "app" of Pod good must not set securityContext.privileged=true [privileged-container]

        many/many.yaml:%d:19: HIGH container "app" of Pod middle must not set securityContext.privileged=true [privileged-container]
        many/many.yaml:%d:19: HIGH container "app" of Pod last must not set securityContext.privileged=true [privileged-container]

        Summary: 2 files, %d documents, %d resources; 3 findings, 0 suppressed, 0 errors
          by severity: CRITICAL 0, HIGH 3, MEDIUM 0, LOW 0, INFO 0
          by rule:
            privileged-container  3
        """.formatted(middle, last, MANY + 3, MANY + 3);
    // Every recommended rule over 100,000 ConfigMaps would report each of them (no namespace):
    // the JSON run checks the same rule, so that the report stays small.
    assertScan("many", 1, text, List.of(),
        List.of("many/good.yaml:9:19", "many/many.yaml:" + middle + ":19", "many/many.yaml:" + last + ":19"),
        "--rule", Manifests.RULE);
  }

  @Test
  void invalidUtf8() throws Exception {
    String text = """
        invalid-utf8/bad.yaml:4:10: ERROR invalid UTF-8 byte sequence
        invalid-utf8/bad.yaml:14:19: HIGH container "app" of Pod next must not set securityContext.privileged=true [privileged-container]

        invalid-utf8/good.yaml:9:19: HIGH container "app" of Pod good must not set securityContext.privileged=true [privileged-container]

        Summary: 2 files, 3 documents, 2 resources; 2 findings, 0 suppressed, 1 error
          by severity: CRITICAL 0, HIGH 2, MEDIUM 0, LOW 0, INFO 0
          by rule:
            privileged-container  2
        """;
    assertScan("invalid-utf8", 2, text,
        List.of("invalid-utf8/bad.yaml:4:10: invalid UTF-8 byte sequence"),
        List.of("invalid-utf8/bad.yaml:14:19", "invalid-utf8/good.yaml:9:19"));
  }

  @Test
  void nulByte() throws Exception {
    String text = """
        nul/good.yaml:9:19: HIGH container "app" of Pod good must not set securityContext.privileged=true [privileged-container]

        nul/nul.yaml:4:10: ERROR NUL byte in a text file
        nul/nul.yaml:14:19: HIGH container "app" of Pod next must not set securityContext.privileged=true [privileged-container]

        Summary: 2 files, 3 documents, 2 resources; 2 findings, 0 suppressed, 1 error
          by severity: CRITICAL 0, HIGH 2, MEDIUM 0, LOW 0, INFO 0
          by rule:
            privileged-container  2
        """;
    assertScan("nul", 2, text,
        List.of("nul/nul.yaml:4:10: NUL byte in a text file"),
        List.of("nul/good.yaml:9:19", "nul/nul.yaml:14:19"));
  }

  @Test
  void utf16WithAByteOrderMark() throws Exception {
    // Positions count characters; the big-endian file is whole and its Pod is checked like any other.
    String text = """
        utf16/good.yaml:9:19: HIGH container "app" of Pod good must not set securityContext.privileged=true [privileged-container]

        utf16/utf16-be.yaml:9:19: HIGH container "app" of Pod été must not set securityContext.privileged=true [privileged-container]

        utf16/utf16-le.yaml:6:1: ERROR malformed YAML: expected a value, but found the end of the input
        utf16/utf16-le.yaml:15:19: HIGH container "app" of Pod next must not set securityContext.privileged=true [privileged-container]

        Summary: 3 files, 4 documents, 3 resources; 3 findings, 0 suppressed, 1 error
          by severity: CRITICAL 0, HIGH 3, MEDIUM 0, LOW 0, INFO 0
          by rule:
            privileged-container  3
        """;
    assertScan("utf16", 2, text,
        List.of("utf16/utf16-le.yaml:6:1: malformed YAML: expected a value, but found the end of the input"),
        List.of("utf16/good.yaml:9:19", "utf16/utf16-be.yaml:9:19", "utf16/utf16-le.yaml:15:19"));
  }

  @Test
  void symbolicLinkLoop() throws Exception {
    // sub/up leads back to the directory: a link to a directory is not followed, as kubectl does
    // not follow it. self.yaml is named like a manifest, so kubectl would try to read it: an error.
    String text = """
        link-loop/good.yaml:9:19: HIGH container "app" of Pod good must not set securityContext.privileged=true [privileged-container]

        link-loop/self.yaml: ERROR symbolic link loop; not followed

        Summary: 1 file, 1 document, 1 resource; 1 finding, 0 suppressed, 1 error
          by severity: CRITICAL 0, HIGH 1, MEDIUM 0, LOW 0, INFO 0
          by rule:
            privileged-container  1
        """;
    assertScan("link-loop", 2, text, List.of("link-loop/self.yaml: " + LOOP), List.of("link-loop/good.yaml:9:19"));
  }

  @Test
  void symbolicLinkLoopFollowingLinks() throws Exception {
    String text = """
        link-loop/good.yaml:9:19: HIGH container "app" of Pod good must not set securityContext.privileged=true [privileged-container]

        link-loop/self.yaml: ERROR symbolic link loop; not followed

        link-loop/sub/up: ERROR symbolic link loop; not followed

        Summary: 1 file, 1 document, 1 resource; 1 finding, 0 suppressed, 2 errors
          by severity: CRITICAL 0, HIGH 1, MEDIUM 0, LOW 0, INFO 0
          by rule:
            privileged-container  1
        """;
    assertScan("link-loop", 2, text, List.of("link-loop/self.yaml: " + LOOP, "link-loop/sub/up: " + LOOP),
        List.of("link-loop/good.yaml:9:19"), "--follow-links");
  }

  /**
   * Scans {@code dir} with {@code --rule privileged-container} and expects {@code text}; then with
   * {@code --format json} and the recommended rules (plus {@code extra} options in both runs), and
   * expects {@code errors} (as {@code file:line:col: message}) in the report and on standard error,
   * and the {@code privileged-container} findings at {@code findings} ({@code file:line:col}).
   */
  private static void assertScan(String dir, int exitCode, String text, List<String> errors, List<String> findings,
      String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("scan", "--rule", Manifests.RULE));
    args.addAll(List.of(extra));
    args.add(dir);
    ChildCli.Result plain = ChildCli.run(work, args.toArray(String[]::new)).assertNoStackTrace();
    assertThat(plain.stdout()).isEqualTo(text);
    assertThat(plain.stderr()).isEmpty();
    assertThat(plain.exitCode()).isEqualTo(exitCode);

    args = new ArrayList<>(List.of("scan", "--format", "json"));
    args.addAll(List.of(extra));
    args.add(dir);
    ChildCli.Result json = ChildCli.run(work, args.toArray(String[]::new)).assertNoStackTrace();
    Object report = JsonTree.parse(json.stdout());
    List<String> reportedErrors = new ArrayList<>();
    for (Map<String, Object> e : JsonTree.<List<Map<String, Object>>>at(report, "errors")) {
      int line = (Integer) e.get("line");
      reportedErrors.add(e.get("file") + (line > 0 ? ":" + line + ":" + e.get("column") : "") + ": " + e.get("message"));
    }
    List<String> privileged = new ArrayList<>();
    for (Map<String, Object> f : JsonTree.<List<Map<String, Object>>>at(report, "findings")) {
      if (f.get("rule").equals(Manifests.RULE)) {
        privileged.add(f.get("file") + ":" + f.get("line") + ":" + f.get("column"));
      }
    }
    assertThat(reportedErrors).isEqualTo(errors);
    assertThat(privileged).isEqualTo(findings);
    assertThat(json.stderr().lines().toList()).isEqualTo(errors.stream().map(e -> "kubeward: " + e).toList());
    assertThat(json.exitCode()).isEqualTo(exitCode);
  }

  private static Path directory(String name) throws IOException {
    Path dir = Files.createDirectory(work.resolve(name));
    Files.writeString(dir.resolve("good.yaml"), Manifests.privileged("good"));
    return dir;
  }

  private static void aliasBomb(Path dir) throws IOException {
    // Billion laughs: a0 holds 9 scalars, each a(i) 9 aliases of a(i-1): 10^9 nodes if expanded.
    StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: laughs\ndata:\n");
    yaml.append("  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      yaml.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    // a1..a4 expand to 74,718 nodes; the first *a4 of a5 (line 11, column 12) crosses 100,000.
    yaml.append("---\n").append(Manifests.privileged("next"));
    Files.writeString(dir.resolve("laughs.yaml"), yaml);
  }

  private static void deep(Path dir) throws IOException {
    int levels = 200_000;
    try (Writer w = writer(dir.resolve("deep.yaml"))) {
      // Block, flow sequence and flow mapping nesting; the 257th level starts at column
      // 2 * 256 + 1, 256 + 1 and 4 * 256 + 1.
      repeat(w, "- ", levels);
      w.write("x\n---\n");
      repeat(w, "[", levels);
      repeat(w, "]", levels);
      w.write("\n---\n");
      repeat(w, "{a: ", levels);
      w.write("x");
      repeat(w, "}", levels);
      w.write("\n---\n");
      w.write(Manifests.privileged("next"));
    }
    try (Writer w = writer(dir.resolve("deep.json"))) {
      w.write(Manifests.privilegedJson("first"));
      repeat(w, "[", levels);
      repeat(w, "]", levels);
      w.write("\n");
    }
  }

  private static void bigScalar(Path dir) throws IOException {
    try (Writer w = writer(dir.resolve("big.yaml"))) {
      w.write(Manifests.privileged("first"));
      w.write("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: ");
      repeat(w, "x", 20 << 20);
      w.write("\n---\n");
      w.write(Manifests.privileged("next"));
    }
  }

  private static void manyDocuments(Path dir) throws IOException {
    try (Writer w = writer(dir.resolve("many.yaml"))) {
      for (int i = 0; i < MANY; i++) {
        if (i == MANY / 2) {
          w.write(Manifests.privileged("middle"));
          w.write("---\n");
        }
        w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c" + i + ", namespace: ns}\n---\n");
      }
      w.write(Manifests.privileged("last"));
    }
  }

  private static void utf16(Path dir) throws IOException {
    String broken = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \u00e9t\u00e9\ndata: [\n---\n"
        + Manifests.privileged("next");
    Files.write(dir.resolve("utf16-le.yaml"), bytes(new byte[] {(byte) 0xFF, (byte) 0xFE},
        broken.getBytes(Charset.forName("UTF-16LE"))));
    Files.write(dir.resolve("utf16-be.yaml"), bytes(new byte[] {(byte) 0xFE, (byte) 0xFF},
        Manifests.privileged("\u00e9t\u00e9").getBytes(Charset.forName("UTF-16BE"))));
  }

  /** A ConfigMap whose name (line 4, column 10) holds {@code bad}, then a privileged Pod. */
  private static byte[] withBadName(byte[] bad) {
    return bytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x".getBytes(StandardCharsets.UTF_8), bad,
        "y\n---\n".getBytes(StandardCharsets.UTF_8), Manifests.privileged("next").getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
  }

  private static void repeat(Writer w, String s, int times) throws IOException {
    for (int i = 0; i < times; i++) {
      w.write(s);
    }
  }
}
